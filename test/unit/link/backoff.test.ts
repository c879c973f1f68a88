import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backoff } from '../../../electron/core/link/backoff';
import { systemClock } from '../../../electron/core/util/clock';

describe('Backoff', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('grows by factor and caps at max', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, systemClock);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(b.attempts).toBe(6);
  });

  it('reset goes back to the initial delay', () => {
    const b = new Backoff({ initialMs: 50, maxMs: 5000, factor: 3 }, systemClock);
    b.next();
    b.next();
    b.reset();
    expect(b.attempts).toBe(0);
    expect(b.next()).toBe(50);
  });

  it('schedule fires after exactly the delay on the clock', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, systemClock);
    const fn = vi.fn();
    expect(b.schedule(fn)).toBe(100);
    expect(b.pending).toBe(true);
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(b.pending).toBe(false);
    expect(b.schedule(fn)).toBe(200);
    vi.advanceTimersByTime(199);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancel prevents the callback; a new schedule replaces a waiting one', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, systemClock);
    const first = vi.fn();
    const second = vi.fn();
    b.schedule(first);
    b.schedule(second); // replaces `first`, delay 200
    vi.advanceTimersByTime(10_000);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    b.schedule(first);
    b.cancel();
    vi.advanceTimersByTime(10_000);
    expect(first).not.toHaveBeenCalled();
  });

  it('jitter shortens delays within [d·(1-j), d]', () => {
    const b = new Backoff({ initialMs: 1000, maxMs: 8000, factor: 2, jitter: 0.5, random: () => 1 }, systemClock);
    expect(b.next()).toBe(500);
    const c = new Backoff({ initialMs: 1000, maxMs: 8000, factor: 2, jitter: 0.5, random: () => 0 }, systemClock);
    expect(c.next()).toBe(1000);
    expect(c.next()).toBe(2000);
  });

  it('rejects nonsense options', () => {
    expect(() => new Backoff({ initialMs: 0, maxMs: 10, factor: 2 }, systemClock)).toThrow(RangeError);
    expect(() => new Backoff({ initialMs: 100, maxMs: 10, factor: 2 }, systemClock)).toThrow(RangeError);
    expect(() => new Backoff({ initialMs: 10, maxMs: 100, factor: 0.5 }, systemClock)).toThrow(RangeError);
  });
});
