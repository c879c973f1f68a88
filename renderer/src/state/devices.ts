/** The device store: shadow snapshot + patches keyed by SN, plus the operator's selection. */
import { createStore } from 'zustand/vanilla';
import type { DeviceSnapshot, ShadowPatch } from '../../../shared/model/device';
import { applyPatches, fromSnapshot, type DeviceMap } from './reducer';

export interface DevicesState {
  readonly devices: DeviceMap;
  /** Bumped on every change; lets the map layer skip work when nothing moved. */
  readonly version: number;
  readonly selected: string | null;
  /** Camera follows the selected aircraft. */
  readonly follow: boolean;
}

export const devicesStore = createStore<DevicesState>(() => ({ devices: {}, version: 0, selected: null, follow: false }));

export const loadSnapshot = (list: readonly DeviceSnapshot[]): void =>
  devicesStore.setState((s) => ({ devices: fromSnapshot(list), version: s.version + 1 }));

export const receivePatches = (patches: readonly ShadowPatch[]): void =>
  devicesStore.setState((s) => {
    const devices = applyPatches(s.devices, patches);
    const selected = s.selected !== null && !(s.selected in devices) ? null : s.selected;
    return { devices, version: s.version + 1, selected };
  });

export const select = (sn: string | null): void => devicesStore.setState({ selected: sn });
export const setFollow = (follow: boolean): void => devicesStore.setState({ follow });
