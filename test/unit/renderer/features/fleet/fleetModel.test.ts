/** The fleet tree and row summaries: nesting, mode text, battery and signal, unknown as "--"/null. */
import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot, GroupState } from '../../../../../shared/model/device';
import { fleetRows, modeOf } from '../../../../../renderer/src/features/fleet/fleetModel';

const g = (fields: GroupState['fields']): GroupState => ({ fields, updatedAt: 1 });
const dev = (sn: string, extra: Partial<DeviceSnapshot>): DeviceSnapshot => ({
  sn, modelKey: null, modelName: null, deviceClass: 'dock', online: true, gateway: null, children: [], lastSeen: 1, groups: {}, hms: [], callsign: null, ...extra,
});

describe('fleetRows', () => {
  const map = {
    DK2: dev('DK2', { children: ['AC2'], callsign: 'Dock B', groups: { link: g({ wireless_link: { sdr_quality: 4 } }) } }),
    AC2: dev('AC2', { deviceClass: 'aircraft', gateway: 'DK2', groups: { battery: g({ capacity_percent: 88 }), status: g({ mode_code: 5 }) } }),
    DK1: dev('DK1', { children: ['AC1'], online: false, groups: { status: g({ mode_code: 4, mode_text: 'Working' }) } }),
    AC1: dev('AC1', { deviceClass: 'aircraft', gateway: 'DK1', online: false }),
    RC1: dev('RC1', { deviceClass: 'rc' }),
  };

  it('orders docks first with their aircraft nested, then other gateways', () => {
    expect(fleetRows(map).map((r) => `${r.depth}:${r.sn}`)).toEqual(['0:DK1', '1:AC1', '0:DK2', '1:AC2', '0:RC1']);
  });

  it('summarises each row, leaving unknowns unknown', () => {
    const rows = Object.fromEntries(fleetRows(map).map((r) => [r.sn, r]));
    expect(rows.AC2).toMatchObject({ battery: 88, mode: 'Wayline flight', signal: 4, hms: 0 }); // link via its dock
    expect(rows.DK2).toMatchObject({ name: 'Dock B', battery: null, mode: '--', signal: 4 });
    expect(rows.DK1).toMatchObject({ online: false, mode: 'Working', signal: null });
    expect(rows.AC1).toMatchObject({ battery: null, signal: null, mode: '--' });
  });

  it('prefers the engine mode_text and decodes by device class otherwise', () => {
    expect(modeOf(dev('D', { groups: { status: g({ mode_code: 2 }) } }))).toBe('Remote debugging');
    expect(modeOf(dev('A', { deviceClass: 'aircraft', groups: { status: g({ mode_code: 9 }) } }))).toBe('Return to home');
    expect(modeOf(dev('A', { deviceClass: 'aircraft', groups: { status: g({ mode_code: 99 }) } }))).toBe('Mode 99');
  });
});
