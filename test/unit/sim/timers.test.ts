import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplyWaiter } from '../../../electron/core/sim/pending';
import { Scheduler } from '../../../electron/core/sim/scheduler';
import { scaledClock } from '../../../electron/core/sim/time';
import { systemClock } from '../../../electron/core/util/clock';

describe('Scheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs many tasks from one interval, each at its period and phase', () => {
    const s = new Scheduler(systemClock, 100);
    const spy = vi.spyOn(systemClock, 'setInterval');
    const a: number[] = [];
    const b: number[] = [];
    const cancelA = s.every(1000, () => a.push(Date.now()));
    s.every(2000, () => b.push(Date.now()), 500);
    expect(spy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4000);
    // Slots stay anchored to the creation time (0 + n·period), sampled at 100 ms ticks.
    expect(a).toEqual([100, 1000, 2000, 3000, 4000]);
    expect(b).toEqual([500, 2500]);
    cancelA();
    vi.advanceTimersByTime(2000);
    expect(a).toHaveLength(5);
    expect(b).toEqual([500, 2500, 4500]);
    spy.mockRestore();
  });

  it('skips missed slots instead of bursting, and isolates a failing task', () => {
    const s = new Scheduler(systemClock, 1000);
    const hits: number[] = [];
    s.every(100, () => hits.push(Date.now()));
    s.every(100, () => {
      throw new Error('boom');
    });
    vi.advanceTimersByTime(3000);
    expect(hits).toEqual([1000, 2000, 3000]);
    s.stop();
  });

  it('stops its interval when the last task is cancelled', () => {
    const s = new Scheduler(systemClock, 100);
    const cancel = s.every(100, () => {});
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ReplyWaiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('matches replies by tid and bid, times out the rest', async () => {
    const w = new ReplyWaiter(systemClock);
    const a = w.wait('t1', 'b1', 1000, 'requests config');
    const b = w.wait('t2', 'b2', 1000, 'status update_topo');
    expect(w.settle({ tid: 't1', bid: 'other', data: {} })).toBe(false);
    expect(w.settle({ tid: 't1', bid: 'b1', data: { result: 0 } })).toBe(true);
    expect(await a).toEqual({ ok: true, value: { tid: 't1', bid: 'b1', data: { result: 0 } } });
    vi.advanceTimersByTime(1000);
    const rb = await b;
    expect(rb.ok).toBe(false);
    if (!rb.ok) expect(rb.error.code).toBe('timeout');
    expect(w.size).toBe(0);
  });

  it('cancels everything on stop', async () => {
    const w = new ReplyWaiter(systemClock);
    const a = w.wait('t', 'b', 1000, 'x');
    w.cancelAll();
    const r = await a;
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('scaledClock', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1000 }));
  afterEach(() => vi.useRealTimers());

  it('runs time and timers faster by the factor', () => {
    const c = scaledClock(10);
    const fired = vi.fn();
    c.setTimeout(fired, 1000);
    vi.advanceTimersByTime(100);
    expect(fired).toHaveBeenCalledOnce();
    expect(c.now()).toBe(2000);
    expect(() => scaledClock(0)).toThrow();
  });
});
