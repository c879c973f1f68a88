/** An injectable clock so every timer can be tested with fake time. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
  /**
   * A fixed-rate stream (the DRC sticks): ticks on deadlines `start + k·periodMs`, not `last + ms`, so lateness
   * does not accumulate. Cleared with clearInterval. Optional: clocks without it (fake clocks) use setInterval.
   */
  setFixedRate?(fn: () => void, periodMs: number): TimerHandle;
}

/** Last stretch before a deadline spent polling the high-resolution clock rather than trusting the ms timer. */
const SPIN_MS = 1.5;

class FixedRate {
  private next: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly fn: () => void,
    private readonly periodMs: number,
  ) {
    this.next = performance.now() + periodMs;
    this.arm();
  }

  cancel(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    // libuv timers have 1 ms granularity and fire late by up to a loop iteration: wake early, then poll.
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.floor(this.next - performance.now() - SPIN_MS)));
    this.timer.unref?.();
  }

  private fire(): void {
    this.timer = null;
    if (this.stopped) return;
    let now = performance.now();
    if (this.next - now > SPIN_MS + 0.5) return this.arm(); // woke too early: sleep again
    while (now < this.next) now = performance.now();
    // A loop blocked past a whole period skips the missed ticks (no catch-up burst) and re-phases.
    this.next = now - this.next > this.periodMs ? now + this.periodMs : this.next + this.periodMs;
    try {
      this.fn();
    } finally {
      if (!this.stopped) this.arm();
    }
  }
}

/** clock.setFixedRate when the clock has it, else setInterval at the rounded period. */
export function setFixedRate(clock: Clock, fn: () => void, periodMs: number): TimerHandle {
  return clock.setFixedRate ? clock.setFixedRate(fn, periodMs) : clock.setInterval(fn, Math.round(periodMs));
}

export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof setTimeout>;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.();
    return h;
  },
  clearInterval: (h) => (h instanceof FixedRate ? h.cancel() : clearInterval(h as ReturnType<typeof setInterval>)),
  setFixedRate: (fn, periodMs) => new FixedRate(fn, periodMs) as unknown as TimerHandle,
};
