/** A clock that runs `factor` times faster than its base, so demos and tests can watch a whole flight in seconds. */
import { systemClock, type Clock } from '../util/clock';

export function scaledClock(factor: number, base: Clock = systemClock): Clock {
  if (!(factor > 0)) throw new Error(`clock factor must be > 0, got ${factor}`);
  const t0 = base.now();
  return {
    now: () => t0 + (base.now() - t0) * factor,
    setTimeout: (fn, ms) => base.setTimeout(fn, ms / factor),
    clearTimeout: (h) => base.clearTimeout(h),
    setInterval: (fn, ms) => base.setInterval(fn, ms / factor),
    clearInterval: (h) => base.clearInterval(h),
  };
}
