import { describe, expect, it } from 'vitest';
import { bindButton, defaultProfile, newlyPressed, pressedActions, validateProfile } from '../../../shared/control/profile';

describe('button bindings', () => {
  it('binds an action to a button, and the button leaves the action it drove before', () => {
    const p = defaultProfile(); // take_photo: 0, return_home: 3
    const r = bindButton(p, 'return_home', 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.buttons.return_home).toBe(0);
    expect(r.value.buttons.take_photo).toBeNull();
    // Other bindings are untouched, and the result is a valid stored profile.
    expect(r.value.buttons.emergency_stop).toBe(p.buttons.emergency_stop);
    expect(validateProfile(JSON.parse(JSON.stringify(r.value)))).toEqual({ ok: true, value: r.value });
    // Pressing button 0 now means return home, not photo.
    expect(pressedActions([], [true], r.value)).toEqual(['return_home']);
  });

  it('unbinds with null, and refuses a button number outside 0..31 naming the action', () => {
    const cleared = bindButton(defaultProfile(), 'speed_mode', null);
    expect(cleared.ok && cleared.value.buttons.speed_mode).toBeNull();
    const bad = bindButton(defaultProfile(), 'record', 40);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_binding' } });
    if (!bad.ok) expect(bad.error.message).toContain('buttons.record');
  });

  it('capture takes the button that went down, not one already held', () => {
    expect(newlyPressed([], [])).toBeNull();
    expect(newlyPressed([4], [4])).toBeNull();
    expect(newlyPressed([4], [4, 7])).toBe(7);
    expect(newlyPressed([], [2])).toBe(2);
  });
});
