/**
 * Speed modes: a scale on every stick channel, cycled by the `speed_mode` button, like the N/C(ine)
 * switch on a DJI RC. Applied after calibration, so full deflection means "the mode's top speed"
 * and the deadband/expo feel stays the same in every mode.
 */
import type { Sticks } from './sticks';

export type SpeedMode = 'normal' | 'slow' | 'precision';

export interface SpeedModeSpec {
  readonly id: SpeedMode;
  /** What the HUD shows. */
  readonly label: string;
  /** Multiplier on roll, pitch, throttle and yaw (0..1]. */
  readonly scale: number;
}

/** In cycle order: normal → slow → precision → normal. */
export const SPEED_MODES: readonly SpeedModeSpec[] = Object.freeze([
  { id: 'normal', label: 'Normal', scale: 1 },
  { id: 'slow', label: 'Slow', scale: 0.5 },
  { id: 'precision', label: 'Precision', scale: 0.25 },
]);

export const DEFAULT_SPEED_MODE: SpeedMode = 'normal';

export function speedModeSpec(mode: SpeedMode): SpeedModeSpec {
  return SPEED_MODES.find((m) => m.id === mode) ?? (SPEED_MODES[0] as SpeedModeSpec);
}

export function nextSpeedMode(mode: SpeedMode): SpeedMode {
  const i = SPEED_MODES.findIndex((m) => m.id === mode);
  return (SPEED_MODES[(i + 1) % SPEED_MODES.length] as SpeedModeSpec).id;
}

/** A stored value (localStorage is untrusted): a known mode, or the default. */
export function parseSpeedMode(v: unknown): SpeedMode {
  return SPEED_MODES.some((m) => m.id === v) ? (v as SpeedMode) : DEFAULT_SPEED_MODE;
}

/** Scales every channel; no −0 on the wire. */
export function scaleSticks(s: Sticks, mode: SpeedMode): Sticks {
  const k = speedModeSpec(mode).scale;
  const f = (v: number): number => (v === 0 ? 0 : v * k);
  return { roll: f(s.roll), pitch: f(s.pitch), throttle: f(s.throttle), yaw: f(s.yaw) };
}
