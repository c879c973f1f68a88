/** One clock interval ticking every periodic task of every simulated device (1,000 docks ≠ 4,000 setIntervals). */
import type { Clock, TimerHandle } from '../util/clock';
import type { Logger } from '../util/log';

interface Task {
  readonly periodMs: number;
  due: number;
  readonly fn: () => void;
}

export class Scheduler {
  private readonly tasks = new Set<Task>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly tickMs = 100,
    private readonly log?: Logger,
  ) {}

  /** Runs `fn` every `periodMs`, first after `phaseMs` (spreads load). Returns a cancel function. */
  every(periodMs: number, fn: () => void, phaseMs = 0): () => void {
    const task: Task = { periodMs: Math.max(1, periodMs), due: this.clock.now() + phaseMs, fn };
    this.tasks.add(task);
    if (this.timer === undefined) this.timer = this.clock.setInterval(() => this.tick(), this.tickMs);
    return () => {
      this.tasks.delete(task);
      if (this.tasks.size === 0) this.stop();
    };
  }

  get taskCount(): number {
    return this.tasks.size;
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.clock.now();
    for (const t of this.tasks) {
      if (now < t.due) continue;
      // A slow tick must not cause a burst of catch-up sends: skip missed slots.
      t.due = t.due + t.periodMs > now ? t.due + t.periodMs : now + t.periodMs;
      try {
        t.fn();
      } catch (e) {
        this.log?.error('scheduled task failed', { error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}
