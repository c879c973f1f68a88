/**
 * Press-and-hold confirmation, as a DJI RC guards its RTH button: the action fires once the button
 * has been held for `holdMs`, never on a tap, and only once per press. Time comes in as a number
 * (the caller's clock), so the whole behaviour is testable with fake time.
 */

export type HoldState = 'idle' | 'holding' | 'fired';

export interface HoldSample {
  readonly state: HoldState;
  /** 0..1 while holding, 1 once fired, 0 when idle. */
  readonly progress: number;
  /** True on exactly one sample: the one that completed the hold. */
  readonly fired: boolean;
  /** True on the sample where a press was let go before it completed (say "hold longer"). */
  readonly cancelled: boolean;
}

/** About a second: long enough not to happen by accident, short enough for an emergency. */
export const RTH_HOLD_MS = 1000;

export class HoldToConfirm {
  private since: number | null = null;
  private done = false;

  constructor(readonly holdMs: number = RTH_HOLD_MS) {}

  /** Feed every input sample; `pressed` is the button's level. */
  update(pressed: boolean, now: number): HoldSample {
    if (!pressed) {
      const cancelled = this.since !== null && !this.done;
      this.since = null;
      this.done = false;
      return { state: 'idle', progress: 0, fired: false, cancelled };
    }
    if (this.since === null) this.since = now;
    if (this.done) return { state: 'fired', progress: 1, fired: false, cancelled: false };
    const progress = Math.min(1, Math.max(0, (now - this.since) / this.holdMs));
    if (progress < 1) return { state: 'holding', progress, fired: false, cancelled: false };
    this.done = true;
    return { state: 'fired', progress: 1, fired: true, cancelled: false };
  }

  /** Forget a press in progress (input lost, window hidden): the next press starts from zero. */
  reset(): void {
    this.since = null;
    this.done = false;
  }
}
