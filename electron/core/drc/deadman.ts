/**
 * The dead-man rule, pure: which sticks go out at a tick. Input older than `deadmanMs`
 * (hung window, unplugged gamepad, closed tab), released input, no input yet, or an emergency
 * stop that has not been re-armed all send NEUTRAL, and say why.
 */
import { NEUTRAL, type Sticks } from '../../../shared/control/sticks';
import type { DrcInputState } from '../../../shared/ipc/drc';

export const DEADMAN_MS = 300;

export interface InputSample {
  readonly sticks: Sticks;
  /** Core clock when the sample arrived. */
  readonly receivedAt: number;
  /** Renderer clock when the gamepad was read. */
  readonly sampledAt: number;
  readonly active: boolean;
  readonly why: string | null;
}

export interface InputDecision {
  readonly sticks: Sticks;
  readonly state: DrcInputState;
  readonly why: string | null;
}

export function decideInput(sample: InputSample | null, latched: boolean, now: number, deadmanMs = DEADMAN_MS): InputDecision {
  if (latched) return { sticks: NEUTRAL, state: 'latched', why: 'Emergency stop: centre all sticks to fly again.' };
  if (sample === null) return { sticks: NEUTRAL, state: 'none', why: 'No stick input yet: holding position.' };
  if (!sample.active) return { sticks: NEUTRAL, state: 'released', why: sample.why ?? 'Input released: holding position.' };
  const age = now - sample.receivedAt;
  if (age > deadmanMs) {
    return { sticks: NEUTRAL, state: 'stale', why: `No stick input for ${age} ms (window hung, gamepad unplugged or tab closed): holding position.` };
  }
  return { sticks: sample.sticks, state: 'live', why: null };
}
