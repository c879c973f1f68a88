/** Awaits replies matched by tid+bid, each with a timeout on the injected clock. */
import type { Clock, TimerHandle } from '../util/clock';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { DownMessage } from './envelope';

interface Waiter {
  readonly resolve: (r: Result<DownMessage>) => void;
  readonly timer: TimerHandle;
}

export class ReplyWaiter {
  private readonly waiters = new Map<string, Waiter>();

  constructor(private readonly clock: Clock) {}

  wait(tid: string, bid: string, timeoutMs: number, what: string): Promise<Result<DownMessage>> {
    const key = `${tid}|${bid}`;
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.waiters.delete(key);
        resolve(err(appError('timeout', `No reply to ${what} within ${timeoutMs} ms.`, { tid, bid })));
      }, timeoutMs);
      this.waiters.set(key, { resolve, timer });
    });
  }

  /** Delivers a reply; false when nobody waits for this tid/bid (late or unsolicited). */
  settle(msg: DownMessage): boolean {
    const key = `${msg.tid}|${msg.bid}`;
    const w = this.waiters.get(key);
    if (!w) return false;
    this.waiters.delete(key);
    this.clock.clearTimeout(w.timer);
    w.resolve(ok(msg));
    return true;
  }

  /** Fails every waiter (device stopping). */
  cancelAll(): void {
    for (const [key, w] of this.waiters) {
      this.clock.clearTimeout(w.timer);
      w.resolve(err(appError('cancelled', 'The simulated device stopped.', { key })));
    }
    this.waiters.clear();
  }

  get size(): number {
    return this.waiters.size;
  }
}
