/** Exponential reconnect backoff (initial → ×factor → capped at max, optional jitter) on an injected clock. */
import type { Clock, TimerHandle } from '../util/clock';

export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** 0..1: each delay is drawn from [d·(1-jitter), d]; spreads reconnect storms when many instances restart. */
  readonly jitter?: number;
  /** Injected for deterministic tests; Math.random by default. */
  readonly random?: () => number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0 };

export class Backoff {
  private attemptCount = 0;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly opts: BackoffOptions,
    private readonly clock: Clock,
  ) {
    if (!(opts.initialMs > 0) || !(opts.maxMs >= opts.initialMs) || !(opts.factor >= 1)) {
      throw new RangeError(`invalid backoff ${JSON.stringify(opts)}: need 0 < initialMs <= maxMs and factor >= 1`);
    }
  }

  /** Number of delays handed out since the last reset. */
  get attempts(): number {
    return this.attemptCount;
  }

  /** True while a scheduled callback is waiting. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** The next delay in ms; advances the sequence. */
  next(): number {
    const base = Math.min(this.opts.maxMs, this.opts.initialMs * Math.pow(this.opts.factor, this.attemptCount));
    this.attemptCount++;
    const jitter = Math.min(1, Math.max(0, this.opts.jitter ?? 0));
    if (jitter === 0) return base;
    const r = (this.opts.random ?? Math.random)();
    return Math.round(base * (1 - jitter * r));
  }

  /** Run `fn` after the next delay; replaces any callback already waiting. Returns the delay used. */
  schedule(fn: () => void): number {
    this.cancel();
    const delay = this.next();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      fn();
    }, delay);
    return delay;
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Back to the initial delay (call once a connection is healthy again). */
  reset(): void {
    this.attemptCount = 0;
  }
}
