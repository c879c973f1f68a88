/**
 * Merges shadow changes per device and flushes them at a fixed tick, so the
 * renderer gets at most `maxPerSecond` patches per device, not one per MQTT message.
 */
import type { ShadowPatch } from '../../../shared/model/device';
import type { Clock, TimerHandle } from '../util/clock';

export class PatchCoalescer {
  private readonly pending = new Map<string, ShadowPatch>();
  private timer: TimerHandle | null = null;
  private readonly intervalMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly flushTo: (patches: readonly ShadowPatch[]) => void,
    maxPerSecond = 10,
  ) {
    this.intervalMs = Math.ceil(1000 / maxPerSecond);
  }

  push(patch: ShadowPatch): void {
    const prev = this.pending.get(patch.sn);
    this.pending.set(patch.sn, prev ? merge(prev, patch) : patch);
    if (this.timer === null) this.timer = this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Send everything pending now (one patch per device). */
  flush(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.flushTo(batch);
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}

function merge(a: ShadowPatch, b: ShadowPatch): ShadowPatch {
  const groups = a.groups || b.groups ? { ...(a.groups ?? {}), ...(b.groups ?? {}) } : undefined;
  const out: ShadowPatch = { ...a, ...b };
  return groups ? { ...out, groups } : out;
}
