/**
 * Keyboard fallback (Mode 2 feel): W/S pitch, A/D roll, ↑/↓ throttle, ←/→ yaw; Space is the
 * emergency stop. Keys give full deflection; the dead-man still applies when the window hangs.
 */
import type { Sticks } from '../../../../shared/control/sticks';

export const ESTOP_KEY = ' ';

const AXIS_KEYS: Readonly<Record<string, readonly [keyof Sticks, number]>> = {
  w: ['pitch', 1],
  s: ['pitch', -1],
  a: ['roll', -1],
  d: ['roll', 1],
  arrowup: ['throttle', 1],
  arrowdown: ['throttle', -1],
  arrowleft: ['yaw', -1],
  arrowright: ['yaw', 1],
};

export const isFlightKey = (key: string): boolean => key.toLowerCase() in AXIS_KEYS;

export function sticksFromKeys(down: ReadonlySet<string>): Sticks {
  const s = { roll: 0, pitch: 0, throttle: 0, yaw: 0 };
  for (const k of down) {
    const m = AXIS_KEYS[k.toLowerCase()];
    if (m) s[m[0]] = Math.max(-1, Math.min(1, s[m[0]] + m[1]));
  }
  return s;
}
