/**
 * Stick layouts (RC "modes"): which physical stick axis flies which channel.
 * Mode 2 (default, DJI's default): left = throttle + yaw, right = pitch + roll.
 * Mode 1: left = pitch + yaw, right = throttle + roll. Mode 3: left = pitch + roll, right = throttle + yaw.
 */
import type { Sticks } from './sticks';

export type StickMode = 1 | 2 | 3;
export const STICK_MODES: readonly StickMode[] = [1, 2, 3];

/** The four physical axes after calibration, −1..1, with UP and RIGHT positive. */
export interface PhysicalAxes {
  readonly leftX: number;
  readonly leftY: number;
  readonly rightX: number;
  readonly rightY: number;
}

export type PhysicalAxis = keyof PhysicalAxes;
export const PHYSICAL_AXES: readonly PhysicalAxis[] = ['leftX', 'leftY', 'rightX', 'rightY'];

export const MODE_LAYOUT: Readonly<Record<StickMode, Readonly<Record<keyof Sticks, PhysicalAxis>>>> = {
  1: { yaw: 'leftX', pitch: 'leftY', roll: 'rightX', throttle: 'rightY' },
  2: { yaw: 'leftX', throttle: 'leftY', roll: 'rightX', pitch: 'rightY' },
  3: { roll: 'leftX', pitch: 'leftY', yaw: 'rightX', throttle: 'rightY' },
};

export function applyMode(axes: PhysicalAxes, mode: StickMode): Sticks {
  const m = MODE_LAYOUT[mode];
  return { roll: axes[m.roll], pitch: axes[m.pitch], throttle: axes[m.throttle], yaw: axes[m.yaw] };
}
