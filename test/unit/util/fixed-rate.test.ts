import { describe, expect, it } from 'vitest';
import { setFixedRate, systemClock, type Clock, type TimerHandle } from '../../../electron/core/util/clock';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const block = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('fixed-rate timer (the DRC stick stream)', () => {
  it('ticks on deadlines start + k·period, so small lateness never accumulates', async () => {
    const at: number[] = [];
    const h = setFixedRate(systemClock, () => at.push(performance.now()), 20);
    await sleep(430);
    systemClock.clearInterval(h);
    expect(at.length).toBeGreaterThanOrEqual(18);
    // Each tick lands on its own deadline: tick k is k·20 ms after tick 0, give or take the loop's noise,
    // whereas a setInterval(20) drifts by its per-tick lateness (about 1 ms each here).
    const k = at.length - 1;
    expect(Math.abs(at[k]! - at[0]! - k * 20)).toBeLessThan(8);
  });

  it('a loop blocked past several periods re-phases instead of bursting the missed ticks', async () => {
    const at: number[] = [];
    const h = setFixedRate(systemClock, () => {
      at.push(performance.now());
      if (at.length === 3) block(75); // miss about three 20 ms deadlines
    }, 20);
    await sleep(250);
    systemClock.clearInterval(h);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // The missed deadline fires once, as soon as the loop is free (fresh sticks, late)…
    expect(gaps[2]).toBeGreaterThanOrEqual(75);
    // …and the ones after it keep the period from there: no burst of the three missed ticks.
    expect(gaps.length).toBeGreaterThan(4);
    for (const g of gaps.slice(3)) expect(g).toBeGreaterThan(15);
  });

  it('stops at clearInterval, also when cleared from inside its own tick', async () => {
    let n = 0;
    let h: TimerHandle | null = null;
    h = setFixedRate(systemClock, () => {
      n++;
      if (n === 2) systemClock.clearInterval(h!);
    }, 10);
    await sleep(80);
    expect(n).toBe(2);
  });

  it('falls back to setInterval on a clock without setFixedRate (fake clocks in tests)', () => {
    const calls: [string, number][] = [];
    const fake: Clock = {
      now: () => 0,
      setTimeout: () => ({}) as TimerHandle,
      clearTimeout: () => undefined,
      setInterval: (_fn, ms) => (calls.push(['setInterval', ms]), {} as TimerHandle),
      clearInterval: () => undefined,
    };
    setFixedRate(fake, () => undefined, 1000 / 30);
    expect(calls).toEqual([['setInterval', 33]]);
  });
});
