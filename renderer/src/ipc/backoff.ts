/** Reconnect backoff: exponential with a cap and a little jitter so many tabs don't reconnect in step. */

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  /** 0..1; fraction of the delay randomised. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 10_000, jitter: 0.2 };

/** Delay before reconnect attempt `attempt` (0-based). */
export const backoffDelay = (attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number => {
  const raw = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  const spread = raw * opts.jitter;
  return Math.round(raw - spread + random() * spread);
};
