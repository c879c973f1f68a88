import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../shared/ipc/contract';
import { createRemoteLink } from '../../../electron/core/link/remote';
import type { Clock, TimerHandle } from '../../../electron/core/util/clock';
import { freePort, waitFor } from './helpers';

/** A clock whose timeouts only fire when the test says so: proves retries wait for the backoff, not mqtt.js. */
function manualClock() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let seq = 0;
  const clock: Clock = {
    now: () => 0,
    setTimeout: (fn, ms) => {
      pending.set(++seq, { fn, ms });
      return seq as unknown as TimerHandle;
    },
    clearTimeout: (h) => void pending.delete(h as unknown as number),
    setInterval: () => {
      throw new Error('not used');
    },
    clearInterval: () => {},
  };
  const fireOnly = (): number => {
    expect(pending.size).toBe(1);
    const [id, t] = [...pending.entries()][0]!;
    pending.delete(id);
    t.fn();
    return t.ms;
  };
  return { clock, pending, fireOnly };
}

describe('remote link reconnect backoff (injected clock, real sockets)', () => {
  it('retries only when the clock fires, with exponentially growing capped delays', async () => {
    const port = await freePort(); // nothing listens: each attempt is refused at once
    const { clock, pending, fireOnly } = manualClock();
    const link = createRemoteLink({ url: `mqtt://127.0.0.1:${port}`, clock, backoff: { initialMs: 100, maxMs: 400, factor: 2 } });
    const details: string[] = [];
    link.onStatus((s) => details.push(`${s.state}: ${s.detail}`));
    await link.start();
    expect(link.status().state).toBe('reconnecting');
    expect(link.status().detail).toMatch(/ECONNREFUSED 127\.0\.0\.1:\d+; retry 1 in 100 ms/);

    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = waitFor<LinkStatus>(link.onStatus, (s) => s.state === 'reconnecting', 'next failure');
      delays.push(fireOnly());
      await next;
    }
    expect(delays).toEqual([100, 200, 400, 400]);
    expect(link.status().detail).toMatch(/retry 5 in 400 ms/);

    await link.stop();
    expect(pending.size).toBe(0); // stop cancels the waiting retry
    expect(details.at(-1)).toBe('down: stopped');
  });
});
