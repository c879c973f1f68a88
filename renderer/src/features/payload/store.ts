/** UI state of the payload feature: look-at arming, lock mode, temperature unit, last command result, panorama progress. */
import { createStore } from 'zustand/vanilla';
import type { PhotoProgress } from '../../../../shared/protocol/payload/types';
import type { TempUnit } from './temperature';

export interface Target {
  readonly lon: number;
  readonly lat: number;
  readonly height: number;
}

export interface PayloadUiState {
  /** The next map click is a look-at target. */
  readonly armed: boolean;
  /** `locked`: the aircraft turns with the gimbal. */
  readonly locked: boolean;
  readonly unit: TempUnit;
  readonly message: { readonly ok: boolean; readonly text: string } | null;
  readonly target: (Target & { readonly sn: string }) | null;
  readonly progress: PhotoProgress | null;
}

const UNIT_KEY = 'outpost.payload.unit';
const savedUnit = (): TempUnit => (globalThis.localStorage?.getItem(UNIT_KEY) === 'F' ? 'F' : 'C');

export const payloadUi = createStore<PayloadUiState>(() => ({ armed: false, locked: false, unit: savedUnit(), message: null, target: null, progress: null }));

export const setUnit = (unit: TempUnit): void => {
  globalThis.localStorage?.setItem(UNIT_KEY, unit);
  payloadUi.setState({ unit });
};
export const say = (ok: boolean, text: string): void => payloadUi.setState({ message: { ok, text } });
