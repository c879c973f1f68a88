/** Keyboard fallback: flight keys, action keys (every action but the emergency stop, which is Space), and the key help. */
import { describe, expect, it } from 'vitest';
import { BUTTON_ACTIONS } from '../../../../../shared/control/profile';
import { actionOfKey, ESTOP_KEY, isFlightKey, KEY_HELP, sticksFromKeys } from '../../../../../renderer/src/features/drc/keyboard';

describe('keyboard fallback', () => {
  it('every button action has a key; Space is the emergency stop', () => {
    const keys = ['h', 'p', 'v', 'r', 'f', '+', '=', '-', 'm'];
    const actions = new Set(keys.map(actionOfKey));
    expect([...actions].sort()).toEqual(BUTTON_ACTIONS.filter((a) => a !== 'emergency_stop').sort());
    expect(ESTOP_KEY).toBe(' ');
    expect(actionOfKey(' ')).toBeNull();
  });

  it('action keys are case-insensitive and never clash with the flight keys', () => {
    expect(actionOfKey('H')).toBe('return_home');
    expect(actionOfKey('+')).toBe('zoom_in');
    expect(actionOfKey('=')).toBe('zoom_in');
    expect(actionOfKey('-')).toBe('zoom_out');
    for (const k of ['w', 'a', 's', 'd', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
      expect(isFlightKey(k)).toBe(true);
      expect(actionOfKey(k)).toBeNull();
    }
    // Held action keys do not move the sticks.
    expect(sticksFromKeys(new Set(['h', 'r', 'w']))).toEqual({ roll: 0, pitch: 1, throttle: 0, yaw: 0 });
  });

  it('the key help names every key it binds', () => {
    const help = KEY_HELP.map(([k]) => k).join(' ');
    for (const k of ['W', 'S', 'A', 'D', 'Space', 'H', 'P', 'V', 'R', 'F', '+', 'M']) expect(help).toContain(k);
    expect(KEY_HELP.find(([k]) => k.includes('H'))![1]).toMatch(/return home/);
  });
});
