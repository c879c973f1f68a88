/** The shadow patch reducer: snapshot load, group replacement, topology, removal, identity of untouched data. */
import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot } from '../../../../shared/model/device';
import { applyPatch, applyPatches, fromSnapshot } from '../../../../renderer/src/state/reducer';

const dock: DeviceSnapshot = {
  sn: 'DOCK1',
  modelKey: '3-2-0',
  modelName: 'DJI Dock 2',
  deviceClass: 'dock',
  online: true,
  gateway: null,
  children: ['AC1'],
  lastSeen: 1000,
  groups: {
    position: { fields: { latitude: 22.5, longitude: 113.9, height: 50 }, updatedAt: 1000 },
    environment: { fields: { temperature: 21, humidity: 40 }, updatedAt: 900 },
  },
  hms: [],
  callsign: null,
};

describe('shadow reducer', () => {
  it('keys a snapshot by SN', () => {
    const map = fromSnapshot([dock, { ...dock, sn: 'DOCK2' }]);
    expect(Object.keys(map)).toEqual(['DOCK1', 'DOCK2']);
    expect(map.DOCK1).toBe(dock);
  });

  it('replaces only the changed groups, with their full latest fields', () => {
    const map = fromSnapshot([dock]);
    const next = applyPatch(map, {
      sn: 'DOCK1',
      lastSeen: 2000,
      groups: { position: { fields: { latitude: 22.6, longitude: 113.8 }, updatedAt: 2000 } },
    });
    const d = next.DOCK1!;
    expect(d.groups.position).toEqual({ fields: { latitude: 22.6, longitude: 113.8 }, updatedAt: 2000 });
    expect(d.groups.environment).toBe(dock.groups.environment); // untouched group keeps identity
    expect(d.lastSeen).toBe(2000);
    expect(d.modelName).toBe('DJI Dock 2'); // absent keys are not cleared
    expect(map.DOCK1).toBe(dock); // input not mutated
  });

  it('applies explicit nulls and top-level changes (online, topology, hms)', () => {
    const hms = [{ code: '0x16100083', level: 2, module: 3, inTheSky: false, text: 'x', receivedAt: 5 }];
    const d = applyPatch(fromSnapshot([dock]), { sn: 'DOCK1', online: false, children: [], hms, callsign: null }).DOCK1!;
    expect(d).toMatchObject({ online: false, children: [], hms, callsign: null });
  });

  it('creates a device first seen in a patch with every other group unknown', () => {
    const d = applyPatch({}, { sn: 'AC1', deviceClass: 'aircraft', gateway: 'DOCK1', groups: { battery: { fields: { capacity_percent: 88 }, updatedAt: 3 } } }).AC1!;
    expect(d).toMatchObject({ sn: 'AC1', deviceClass: 'aircraft', gateway: 'DOCK1', online: false, modelName: null });
    expect(Object.keys(d.groups)).toEqual(['battery']);
  });

  it('deletes a removed device, and ignores removal of an unknown one', () => {
    const map = fromSnapshot([dock]);
    expect(applyPatch(map, { sn: 'DOCK1', removed: true })).toEqual({});
    expect(applyPatch(map, { sn: 'NOPE', removed: true })).toBe(map);
  });

  it('applies a batch in order', () => {
    const map = applyPatches(fromSnapshot([dock]), [
      { sn: 'AC1', online: true },
      { sn: 'AC1', groups: { attitude: { fields: { attitude_head: 90 }, updatedAt: 1 } } },
      { sn: 'DOCK1', removed: true },
      { sn: 'AC1', groups: { attitude: { fields: { attitude_head: 91 }, updatedAt: 2 } } },
    ]);
    expect(Object.keys(map)).toEqual(['AC1']);
    expect(map.AC1!.online).toBe(true);
    expect(map.AC1!.groups.attitude!.fields.attitude_head).toBe(91);
  });
});
