/** A fake Clock for timer tests (the engine's timers all take an injected clock). */
import type { Clock, TimerHandle } from '../../electron/core/util/clock';

interface Timer {
  id: number;
  at: number;
  every: number | null;
  fn: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.timers.push({ id, at: this.t + ms, every: null, fn });
    return id as unknown as TimerHandle;
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.timers.push({ id, at: this.t + ms, every: ms, fn });
    return id as unknown as TimerHandle;
  }

  clearTimeout(h: TimerHandle): void {
    this.timers = this.timers.filter((x) => x.id !== (h as unknown as number));
  }

  clearInterval(h: TimerHandle): void {
    this.clearTimeout(h);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Advance time, firing due timers in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.t = next.at;
      if (next.every === null) this.timers = this.timers.filter((x) => x !== next);
      else next.at += next.every;
      next.fn();
    }
    this.t = end;
  }
}
