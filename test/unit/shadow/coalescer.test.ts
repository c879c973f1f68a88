import { describe, expect, it } from 'vitest';
import type { ShadowPatch } from '../../../shared/model/device';
import { PatchCoalescer } from '../../../electron/core/shadow/coalescer';
import { FakeClock } from '../../helpers/fake-clock';

describe('PatchCoalescer', () => {
  it('sends at most 10 patches per second per device however many changes arrive', () => {
    const clock = new FakeClock();
    const out: (readonly ShadowPatch[])[] = [];
    const c = new PatchCoalescer(clock, (b) => out.push(b), 10);
    for (let i = 0; i < 1000; i++) {
      c.push({ sn: 'A1', groups: { position: { fields: { latitude: i }, updatedAt: i } } });
      c.push({ sn: 'A2', online: true });
      clock.advance(1); // 1000 changes per device over one second
    }
    clock.advance(200);
    const perDevice = (sn: string) => out.flat().filter((p) => p.sn === sn).length;
    expect(perDevice('A1')).toBeLessThanOrEqual(11);
    expect(perDevice('A1')).toBeGreaterThanOrEqual(9);
    // The last value always gets through.
    const last = out.flat().filter((p) => p.sn === 'A1').at(-1);
    expect(last?.groups?.position?.fields.latitude).toBe(999);
  });

  it('merges changed groups of one device into one patch', () => {
    const clock = new FakeClock();
    const out: ShadowPatch[] = [];
    const c = new PatchCoalescer(clock, (b) => out.push(...b), 10);
    c.push({ sn: 'A1', groups: { position: { fields: { latitude: 1 }, updatedAt: 1 } } });
    c.push({ sn: 'A1', groups: { battery: { fields: { capacity_percent: 50 }, updatedAt: 2 } } });
    c.push({ sn: 'A1', online: false });
    clock.advance(100);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ sn: 'A1', online: false, groups: { position: { fields: { latitude: 1 } }, battery: { fields: { capacity_percent: 50 } } } });
    expect(clock.pending()).toBe(0);
  });
});
