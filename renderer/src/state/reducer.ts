/** Pure shadow reducer: snapshot → map keyed by SN, then coalesced patches (changed groups carry full fields). */
import type { DeviceSnapshot, ShadowPatch } from '../../../shared/model/device';

export type DeviceMap = Readonly<Record<string, DeviceSnapshot>>;

export const fromSnapshot = (list: readonly DeviceSnapshot[]): DeviceMap => {
  const out: Record<string, DeviceSnapshot> = {};
  for (const d of list) out[d.sn] = d;
  return out;
};

/** A device first seen through a patch starts with every group unknown. */
const blank = (sn: string): DeviceSnapshot => ({
  sn,
  modelKey: null,
  modelName: null,
  deviceClass: 'unknown',
  online: false,
  gateway: null,
  children: [],
  lastSeen: null,
  groups: {},
  hms: [],
  callsign: null,
});

/** Applies one patch; unchanged devices and groups keep their identity so subscribers can compare cheaply. */
export const applyPatch = (map: DeviceMap, p: ShadowPatch): DeviceMap => {
  if (p.removed) {
    if (!(p.sn in map)) return map;
    const { [p.sn]: _gone, ...rest } = map;
    return rest;
  }
  const prev = map[p.sn] ?? blank(p.sn);
  const { sn, removed: _r, groups, ...top } = p;
  const defined = Object.fromEntries(Object.entries(top).filter(([, v]) => v !== undefined));
  const next: DeviceSnapshot = {
    ...prev,
    ...defined,
    sn,
    groups: groups ? { ...prev.groups, ...groups } : prev.groups,
  };
  return { ...map, [sn]: next };
};

export const applyPatches = (map: DeviceMap, patches: readonly ShadowPatch[]): DeviceMap => patches.reduce(applyPatch, map);
