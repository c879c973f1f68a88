/** Press-and-hold confirmation (return home): fires once after the hold, never on a tap, with fake time. */
import { describe, expect, it } from 'vitest';
import { HoldToConfirm, RTH_HOLD_MS } from '../../../shared/control';

/** Holds from t0 in `step` ms samples up to `until`, returning every sample. */
const holdFor = (h: HoldToConfirm, t0: number, until: number, step = 40) => {
  const out = [];
  for (let t = t0; t <= until; t += step) out.push({ t, ...h.update(true, t) });
  return out;
};

describe('HoldToConfirm', () => {
  it('is about one second by default, like an RC RTH button', () => {
    expect(RTH_HOLD_MS).toBe(1000);
    expect(new HoldToConfirm().holdMs).toBe(1000);
  });

  it('reports progress while held and fires exactly once, on the sample that completes the hold', () => {
    const h = new HoldToConfirm(1000);
    const samples = holdFor(h, 10_000, 12_000);
    expect(samples[0]).toMatchObject({ state: 'holding', progress: 0, fired: false });
    expect(samples.find((s) => s.t === 10_520)).toMatchObject({ state: 'holding', progress: 0.52, fired: false });
    const fired = samples.filter((s) => s.fired);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.t).toBe(11_000);
    // After firing it stays "fired" (progress 1) until release: holding on never fires again.
    expect(samples.filter((s) => s.t > 11_000).every((s) => s.state === 'fired' && s.progress === 1 && !s.fired)).toBe(true);
  });

  it('a tap or a short press never fires, and says it was let go too early', () => {
    const h = new HoldToConfirm(1000);
    expect(h.update(true, 0)).toMatchObject({ state: 'holding', fired: false });
    expect(h.update(false, 40)).toEqual({ state: 'idle', progress: 0, fired: false, cancelled: true });
    holdFor(h, 100, 1_060);
    expect(h.update(false, 1_080)).toMatchObject({ fired: false, cancelled: true });
    // Nothing held: idle, and no cancel to report.
    expect(h.update(false, 1_200)).toEqual({ state: 'idle', progress: 0, fired: false, cancelled: false });
  });

  it('releasing resets the clock: two short presses never add up to one long one', () => {
    const h = new HoldToConfirm(1000);
    holdFor(h, 0, 600);
    h.update(false, 640);
    const second = holdFor(h, 700, 1_300);
    expect(second.some((s) => s.fired)).toBe(false);
    expect(second.at(-1)!.progress).toBeCloseTo(0.6);
  });

  it('a new press after a completed one fires again; releasing after firing is not a cancel', () => {
    const h = new HoldToConfirm(500);
    expect(holdFor(h, 0, 600).filter((s) => s.fired)).toHaveLength(1);
    expect(h.update(false, 640).cancelled).toBe(false);
    expect(holdFor(h, 1_000, 1_600).filter((s) => s.fired)).toHaveLength(1);
  });

  it('reset() forgets a press in progress (input lost): the hold starts again from zero', () => {
    const h = new HoldToConfirm(1000);
    holdFor(h, 0, 900);
    h.reset();
    expect(h.update(true, 950)).toMatchObject({ state: 'holding', progress: 0, fired: false });
    expect(h.update(true, 1_900).fired).toBe(false);
    expect(h.update(true, 1_950).fired).toBe(true);
  });
});
