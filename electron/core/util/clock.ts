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

/**
 * How long before a deadline the fixed-rate timer wakes and then polls the high-resolution clock. libuv timers
 * have 1 ms granularity, and a sleeping thread can wake several ms late (a virtual machine's idle vCPU: up to
 * ~10 ms here even for an idle process). The window adapts to the lateness this machine shows: the worst of
 * the last 64 wakes, within [MIN_SPIN_MS, min(MAX_SPIN_MS, period/4)] — tight on a laptop, wider where timers are sloppy.
 * The spin holds the event loop for that window once per tick (only while a DRC session streams sticks).
 */
const MIN_SPIN_MS = 1.5;
/**
 * At most 5 ms (and a quarter of the period): input that arrives during the spin waits for the next tick, so
 * the window bounds the extra input latency (the DRC goal: 5 ms plus one tick), and the CPU the spin costs.
 */
const MAX_SPIN_MS = 5;
const LATENESS_WINDOW = 64;

class FixedRate {
  private next: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private spinMs = MIN_SPIN_MS;
  private plannedWake = 0;
  private readonly lateness: number[] = [];

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
    const wait = Math.max(0, Math.floor(this.next - performance.now() - this.spinMs));
    this.plannedWake = performance.now() + wait;
    this.timer = setTimeout(() => this.fire(), wait);
    this.timer.unref?.();
  }

  private learn(now: number): void {
    this.lateness.push(Math.max(0, now - this.plannedWake));
    if (this.lateness.length > LATENESS_WINDOW) this.lateness.shift();
    this.spinMs = Math.min(MAX_SPIN_MS, this.periodMs / 4, Math.max(MIN_SPIN_MS, Math.max(...this.lateness) + 0.5));
  }

  private fire(): void {
    this.timer = null;
    if (this.stopped) return;
    const now = performance.now();
    this.learn(now);
    if (this.next - now > this.spinMs + 0.5) return this.arm(); // woke too early: sleep again
    // A plain spin to the deadline: no callback (or GC step) can start meanwhile and overrun it.
    let t = now;
    while (t < this.next) t = performance.now();
    this.tick(t);
  }

  private tick(now: number): void {
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
