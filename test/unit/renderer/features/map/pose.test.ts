/** Reading position, heading and home point from shadow groups; unknown stays unknown. */
import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot, GroupState } from '../../../../../shared/model/device';
import { homeOf, poseOf } from '../../../../../renderer/src/features/map/pose';

const g = (fields: GroupState['fields']): GroupState => ({ fields, updatedAt: 1 });
const dev = (sn: string, extra: Partial<DeviceSnapshot>): DeviceSnapshot => ({
  sn, modelKey: null, modelName: null, deviceClass: 'aircraft', online: true, gateway: null, children: [], lastSeen: 1, groups: {}, hms: [], callsign: null, ...extra,
});

describe('pose', () => {
  it('uses DJI height as ellipsoid height and attitude_head as heading', () => {
    const d = dev('AC', { groups: { position: g({ latitude: 47.4, longitude: 8.5, height: 583.2, elevation: 83 }), attitude: g({ attitude_head: -167 }) } });
    expect(poseOf(d)).toEqual({ lat: 47.4, lon: 8.5, height: 583.2, heading: -167 });
  });

  it('has no pose without a position group, with 0/0 (no fix) or with non-numbers', () => {
    expect(poseOf(dev('A', {}))).toBeNull();
    expect(poseOf(dev('A', { groups: { position: g({ latitude: 0, longitude: 0, height: 10 }) } }))).toBeNull();
    expect(poseOf(dev('A', { groups: { position: g({ latitude: '47', longitude: 8 }) } }))).toBeNull();
    expect(poseOf(dev('A', { groups: { position: g({ latitude: 91, longitude: 8 }) } }))).toBeNull();
  });

  it('keeps heading unknown (null) rather than 0', () => {
    expect(poseOf(dev('A', { groups: { position: g({ latitude: 1, longitude: 2 }) } }))?.heading).toBeNull();
  });

  it('takes the home point from home_latitude/home_longitude, else the dock position', () => {
    const dock = dev('DK', { deviceClass: 'dock', groups: { position: g({ latitude: 47.41, longitude: 8.52, height: 500 }) } });
    const withHome = dev('AC', { gateway: 'DK', groups: { position: g({ latitude: 47.5, longitude: 8.6, home_latitude: 47.42, home_longitude: 8.53 }) } });
    const without = dev('AC', { gateway: 'DK', groups: { position: g({ latitude: 47.5, longitude: 8.6 }) } });
    const map = { DK: dock };
    expect(homeOf(withHome, map)).toEqual({ lat: 47.42, lon: 8.53, height: 500, heading: null });
    expect(homeOf(without, map)).toEqual({ lat: 47.41, lon: 8.52, height: 500, heading: null });
    expect(homeOf(dev('X', {}), map)).toBeNull();
  });
});
