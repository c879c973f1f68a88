/** The camera panel's "Exposure & night" group: only for an aircraft behind a Dock 3 in DRC, with what drc/up reported. */
import { describe, expect, it } from 'vitest';
import { drcCameraTarget } from '../../../../../renderer/src/features/payload/drcCamera';
import type { DeviceSnapshot } from '../../../../../shared/model/device';

const device = (sn: string, over: Partial<DeviceSnapshot>): DeviceSnapshot => ({
  sn, modelKey: null, modelName: null, deviceClass: 'aircraft', online: true, gateway: null, children: [], lastSeen: 0, groups: {}, hms: [], callsign: null, ...over,
});
const dock = (sn: string, modelKey: string, drcState: number) => device(sn, { deviceClass: 'dock', modelKey, children: [`${sn}-AC`], groups: { drc: { fields: { drc_state: drcState }, updatedAt: 0 } } });
const aircraft = (gateway: string, drcCamera?: Record<string, unknown>) =>
  device(`${gateway}-AC`, { gateway, groups: { camera: { fields: drcCamera ? { '99-0-0': { gimbal_yaw: 0 }, drc_camera: drcCamera } : { '99-0-0': { gimbal_yaw: 0 } }, updatedAt: 0 } } });

describe('drcCameraTarget', () => {
  it('offers the group for a Dock 3 in DRC, with the reported state of that payload', () => {
    const devices = { D3: dock('D3', '3-3-0', 2), 'D3-AC': aircraft('D3', { '99-0-0': { night_mode: 1, zoom_iso: 5 }, '81-0-0': { night_mode: 0 } }) };
    expect(drcCameraTarget(devices, { sn: 'D3-AC', payloadIndex: '99-0-0' })).toEqual({ sn: 'D3-AC', payloadIndex: '99-0-0', report: { night_mode: 1, zoom_iso: 5 } });
  });

  it('reports nothing known (not zeros) before the first push', () => {
    const devices = { D3: dock('D3', '3-3-0', 2), 'D3-AC': aircraft('D3') };
    expect(drcCameraTarget(devices, { sn: 'D3-AC', payloadIndex: '99-0-0' })?.report).toEqual({});
  });

  it('hides it outside DRC (drc_state 0 or connecting) and for other gateways (Dock 2, RC)', () => {
    for (const [model, state] of [['3-3-0', 0], ['3-3-0', 1], ['3-2-0', 2], ['2-174-0', 2]] as const) {
      const devices = { G: dock('G', model, state), 'G-AC': aircraft('G') };
      expect(drcCameraTarget(devices, { sn: 'G-AC', payloadIndex: '99-0-0' }), `${model} drc_state ${state}`).toBeNull();
    }
    expect(drcCameraTarget({ AC: device('AC', {}) }, { sn: 'AC', payloadIndex: '99-0-0' })).toBeNull();
  });
});
