import { describe, expect, it } from 'vitest';
import {
  aircraftModeText,
  deviceClassOfDomain,
  dockModeText,
  errorText,
  hmsCopyKeys,
  hmsText,
  modelKey,
  productByKey,
  productOfPayloadIndex,
} from '../../../shared/protocol';

describe('products', () => {
  it('looks up docks, aircraft, RCs and payloads by model key', () => {
    expect(productByKey('3-3-0')).toEqual({ key: '3-3-0', name: 'DJI Dock 3', domain: 3, deviceClass: 'dock' });
    expect(productByKey(modelKey(0, 91, 1))).toMatchObject({ name: 'Matrice 3TD', deviceClass: 'aircraft' });
    expect(productByKey('2-174-0')).toMatchObject({ name: 'DJI RC Plus 2', deviceClass: 'rc' });
    expect(productByKey('2-56-0')).toMatchObject({ name: 'DJI Smart Controller Enterprise', deviceClass: 'rc' });
    expect(productByKey('1-53-0')).toMatchObject({ name: 'Matrice 30T camera', deviceClass: 'payload' });
    expect(productByKey('9-9-9')).toBeNull();
  });

  it('type is unique only per domain (89 = M350 aircraft, M4T camera payload)', () => {
    expect(productByKey('0-89-0')?.name).toBe('Matrice 350 RTK');
    expect(productByKey('1-89-0')?.name).toBe('DJI Matrice 4T camera');
    expect(productOfPayloadIndex('39-0-7')?.name).toBe('FPV camera');
    expect(productOfPayloadIndex('nonsense')).toBeNull();
  });

  it('maps domains to device classes', () => {
    expect([0, 1, 2, 3, 4].map(deviceClassOfDomain)).toEqual(['aircraft', 'payload', 'rc', 'dock', null]);
  });
});

describe('mode_code text', () => {
  it('dock and aircraft modes, unknown and not-yet-known', () => {
    expect(dockModeText(0)).toBe('Idle');
    expect(dockModeText(5)).toBe('To be calibrated');
    expect(aircraftModeText(9)).toBe('Auto returning to home');
    expect(aircraftModeText(17)).toBe('Live flight controls');
    expect(aircraftModeText(99)).toBe('Unknown mode 99');
    expect(aircraftModeText(undefined)).toBe('--');
  });
});

describe('hmsText', () => {
  it('uses the in_the_sky variant while flying, the ground text otherwise', () => {
    const ground = hmsText('0x16100083', { inTheSky: false, deviceType: '0-67-0' });
    const sky = hmsText('0x16100083', { inTheSky: true, deviceType: '0-67-0' });
    expect(ground).toMatch(/^Battery installed incorrectly\. Unable to take off/);
    expect(sky).toMatch(/^Battery installed incorrectly\. Return to home or land/);
  });

  it('uses dock_tip_ keys for dock alerts', () => {
    expect(hmsCopyKeys('0x12040000', { inTheSky: false, deviceType: '3-2-0' })[0]).toBe('dock_tip_0x12040000');
    expect(hmsText('0x12040000', { inTheSky: false, deviceType: '3-2-0' })).toBe('Dock RTK device disconnected');
  });

  it('substitutes %index, %component_index, %battery_index, %alarmid and dock cover sides', () => {
    expect(hmsText('0x11000020', { inTheSky: false, deviceType: '0-67-0', args: { sensor_index: 1 } })).toBe('Gimbal 2 payload voltage too high');
    expect(hmsText('0x19110000', { inTheSky: false, deviceType: '3-1-0', args: { sensor_index: 0 } })).toBe('Dock left cover motor stalled');
    expect(hmsText('0x19110000', { inTheSky: false, deviceType: '3-1-0', args: { sensor_index: 1 } })).toBe('Dock right cover motor stalled');
    expect(hmsText('0x11000020', { inTheSky: false })).toBe('Gimbal ? payload voltage too high');
    expect(hmsText('0x11020030', { inTheSky: true, args: { sensor_index: 0 } })).toMatch(/^left battery cover temperature error/);
    expect(hmsText('0x16080077', { inTheSky: false, args: { sensor_index: 2 } })).toBe('3 ESC overheated (0x16080077)');
    expect(hmsText('0x1c100001', { inTheSky: false, args: { component_index: 0 } })).toMatch(/^Camera 1 overheated\./);
  });

  it('is case-insensitive on the hex code', () => {
    expect(hmsText('0x16100083', { inTheSky: false })).toBe(hmsText('0X16100083'.replace('X', 'x').toLowerCase(), { inTheSky: false }));
  });

  it('falls back clearly for unknown codes', () => {
    expect(hmsText('0xdeadbeef', { inTheSky: false, level: 2, module: 3 })).toBe('Unknown HMS alert 0xDEADBEEF, level 2, module 3');
  });
});

describe('errorText', () => {
  it('reads the docs error-code table', () => {
    expect(errorText(0)).toBe('Success');
    expect(errorText(312014)).toBe('Updating device firmware. Wait until update completed');
    expect(errorText(514301)).toBe('Request timed out. Disconnected.');
    expect(errorText(399999)).toBe('Unknown error 399999 (device)');
    expect(errorText(612345)).toBe('Unknown error 612345 (DJI Pilot 2)');
  });
});
