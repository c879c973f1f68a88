import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/store/db';
import { createDeviceStore, type DeviceStore } from '../../../electron/core/store/devices';
import { memoryDb } from './fixture';

describe('device store', () => {
  let db: Db;
  let devices: DeviceStore;
  beforeEach(() => {
    db = memoryDb();
    devices = createDeviceStore(db);
  });
  afterEach(() => db.close());

  it('inserts a device and reads it back', () => {
    devices.upsert({ sn: 'DOCK1', modelKey: '3-2-0', deviceClass: 'dock', online: true, callsign: 'North' }, 1000);
    expect(devices.get('DOCK1')).toEqual({
      sn: 'DOCK1',
      modelKey: '3-2-0',
      deviceClass: 'dock',
      gatewaySn: null,
      online: true,
      callsign: 'North',
      firstSeen: 1000,
      lastSeen: 1000,
      updatedAt: 1000,
    });
    expect(devices.get('nope')).toBeNull();
  });

  it('a partial upsert keeps omitted fields, null clears, first_seen stays, last_seen advances', () => {
    devices.upsert({ sn: 'AC1', modelKey: '0-91-0', deviceClass: 'aircraft', gatewaySn: 'DOCK1', callsign: 'A' }, 1000);
    devices.upsert({ sn: 'AC1', online: true }, 2000);
    expect(devices.get('AC1')).toMatchObject({ modelKey: '0-91-0', deviceClass: 'aircraft', gatewaySn: 'DOCK1', online: true, callsign: 'A' });
    devices.upsert({ sn: 'AC1', gatewaySn: null, callsign: null }, 3000);
    expect(devices.get('AC1')).toMatchObject({ gatewaySn: null, callsign: null, modelKey: '0-91-0', firstSeen: 1000, lastSeen: 3000, updatedAt: 3000 });
    // A late, out-of-order message must not move last_seen backwards.
    devices.upsert({ sn: 'AC1' }, 2500);
    expect(devices.get('AC1')).toMatchObject({ firstSeen: 1000, lastSeen: 3000, updatedAt: 2500 });
  });

  it('setOnline toggles state and creates an unknown device on first sight', () => {
    devices.setOnline('RC1', true, 500);
    expect(devices.get('RC1')).toMatchObject({ online: true, deviceClass: 'unknown', modelKey: null, firstSeen: 500 });
    devices.upsert({ sn: 'RC1', deviceClass: 'rc', modelKey: '2-144-0' }, 600);
    devices.setOnline('RC1', false, 700);
    expect(devices.get('RC1')).toMatchObject({ online: false, deviceClass: 'rc', modelKey: '2-144-0', lastSeen: 700 });
  });

  it('lists devices ordered by sn', () => {
    devices.upsert({ sn: 'B' }, 1);
    devices.upsert({ sn: 'A', deviceClass: 'dock' }, 2);
    expect(devices.list().map((d) => [d.sn, d.deviceClass])).toEqual([
      ['A', 'dock'],
      ['B', 'unknown'],
    ]);
  });

  it('reads an unrecognised stored class as unknown', () => {
    db.prepare("INSERT INTO devices (sn, device_class, first_seen, last_seen, updated_at) VALUES ('X', 'toaster', 1, 1, 1)").run();
    expect(devices.get('X')?.deviceClass).toBe('unknown');
  });
});
