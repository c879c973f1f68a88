/**
 * Keyboard fallback (Mode 2 feel): W/S pitch, A/D roll, ↑/↓ throttle, ←/→ yaw; Space is the
 * emergency stop; letter keys stand in for the gamepad's action buttons (hold H to return home).
 * Keys give full deflection; the dead-man still applies when the window hangs.
 */
import type { ButtonAction } from '../../../../shared/control/profile';
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

/** Action keys (KeyboardEvent.key, lower case). `+` and `=` share a key on US layouts. */
const ACTION_KEYS: Readonly<Record<string, Exclude<ButtonAction, 'emergency_stop'>>> = {
  h: 'return_home',
  p: 'take_photo',
  v: 'record',
  r: 'gimbal_up',
  f: 'gimbal_down',
  '+': 'zoom_in',
  '=': 'zoom_in',
  '-': 'zoom_out',
  m: 'speed_mode',
};

export const isFlightKey = (key: string): boolean => key.toLowerCase() in AXIS_KEYS;

export const actionOfKey = (key: string): ButtonAction | null => ACTION_KEYS[key.toLowerCase()] ?? null;

export function sticksFromKeys(down: ReadonlySet<string>): Sticks {
  const s = { roll: 0, pitch: 0, throttle: 0, yaw: 0 };
  for (const k of down) {
    const m = AXIS_KEYS[k.toLowerCase()];
    if (m) s[m[0]] = Math.max(-1, Math.min(1, s[m[0]] + m[1]));
  }
  return s;
}

/** The key help the UI shows: [keys, what they do]. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['W / S', 'pitch forward / back'],
  ['A / D', 'roll left / right'],
  ['↑ / ↓', 'climb / descend'],
  ['← / →', 'yaw left / right'],
  ['Space', 'emergency stop'],
  ['hold H', 'return home (1 s)'],
  ['P', 'take photo'],
  ['V', 'record on / off'],
  ['R / F', 'gimbal up / down (hold)'],
  ['+ / −', 'zoom in / out'],
  ['M', 'speed mode'],
];
