import { describe, expect, it } from 'vitest';
import type { ShadowPatch } from '../../../shared/model/device';
import { Shadow } from '../../../electron/core/shadow/shadow';

const topo = (subs: { sn: string; domain: number; type: number; sub_type: number }[]) => ({
  domain: 3,
  type: 2,
  sub_type: 0,
  sub_devices: subs.map((s) => ({ ...s, index: 'A' })),
});

describe('Shadow', () => {
  it('builds topology gateway → aircraft with models from the product table', () => {
    const s = new Shadow();
    s.applyTopo('D1', topo([{ sn: 'A1', domain: 0, type: 91, sub_type: 1 }]), 1000);
    expect(s.get('D1')).toMatchObject({ modelKey: '3-2-0', modelName: expect.stringMatching(/Dock 2/), deviceClass: 'dock', online: true, children: ['A1'], gateway: null });
    expect(s.get('A1')).toMatchObject({ modelKey: '0-91-1', modelName: expect.stringMatching(/3TD/), deviceClass: 'aircraft', gateway: 'D1', online: true });
  });

  it('empty sub_devices: the aircraft goes offline and the gateway has no children', () => {
    const s = new Shadow();
    s.applyTopo('D1', topo([{ sn: 'A1', domain: 0, type: 91, sub_type: 1 }]), 1000);
    s.applyTopo('D1', topo([]), 2000);
    expect(s.get('A1')?.online).toBe(false);
    expect(s.get('D1')).toMatchObject({ online: true, children: [] });
  });

  it('groups start unknown, carry their own update time, and merge fields', () => {
    const s = new Shadow();
    s.applyTopo('D1', topo([{ sn: 'A1', domain: 0, type: 91, sub_type: 1 }]), 1000);
    expect(s.get('A1')?.groups).toEqual({});
    s.applyProperties('A1', { latitude: 1, longitude: 2 }, 'osd', 1100);
    s.applyProperties('A1', { height: 3, attitude_head: 90 }, 'osd', 1200);
    const a = s.get('A1')!;
    expect(a.groups.position).toEqual({ fields: { latitude: 1, longitude: 2, height: 3 }, updatedAt: 1200 });
    expect(a.groups.attitude).toEqual({ fields: { attitude_head: 90 }, updatedAt: 1200 });
    expect(a.groups.battery).toBeUndefined();
  });

  it('flattens the aircraft battery and decodes mode_code to text per device class', () => {
    const s = new Shadow();
    s.applyTopo('D1', topo([{ sn: 'A1', domain: 0, type: 91, sub_type: 1 }]), 1000);
    s.applyProperties('A1', { battery: { capacity_percent: 77, remain_flight_time: 900, batteries: [] }, mode_code: 0 }, 'osd', 1100);
    s.applyProperties('D1', { mode_code: 0 }, 'osd', 1100);
    expect(s.get('A1')?.groups.battery?.fields).toMatchObject({ capacity_percent: 77, remain_flight_time: 900 });
    expect(s.get('A1')?.groups.status?.fields.mode_text).toMatch(/standby/i);
    expect(s.get('D1')?.groups.status?.fields.mode_text).toMatch(/idle/i);
  });

  it('state properties land in the state group; payload-index keys in camera', () => {
    const s = new Shadow();
    s.applyProperties('A1', { firmware_version: '1.2', '81-0-0': { zoom_factor: 2 } }, 'state', 5);
    s.applyProperties('A1', { '81-0-0': { gimbal_pitch: -30 } }, 'osd', 6);
    expect(s.get('A1')?.groups.state?.fields.firmware_version).toBe('1.2');
    expect(s.get('A1')?.groups.camera?.fields['81-0-0']).toEqual({ gimbal_pitch: -30 });
  });

  it('marks a gateway and its children offline on silence, and emits patches', () => {
    const s = new Shadow();
    const patches: ShadowPatch[] = [];
    s.onChange((p) => patches.push(p));
    s.applyTopo('D1', topo([{ sn: 'A1', domain: 0, type: 91, sub_type: 1 }]), 1000);
    expect(s.sweepSilent(1500, 1000)).toEqual([]);
    expect(s.sweepSilent(2500, 1000)).toEqual(['D1']);
    expect(s.get('D1')?.online).toBe(false);
    expect(s.get('A1')?.online).toBe(false);
    expect(patches.filter((p) => p.online === false).map((p) => p.sn).sort()).toEqual(['A1', 'D1']);
  });
});
