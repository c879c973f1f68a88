/** Button actions from held inputs, and speed modes in the stick maths. */
import { describe, expect, it } from 'vitest';
import {
  ActionInput, defaultProfile, GimbalRepeat, heldActions, HoldToConfirm, nextSpeedMode, parseSpeedMode, scaleSticks, SPEED_MODES, speedModeSpec,
  sticksFromGamepad, toStickControl, type ButtonAction,
} from '../../../shared/control';

const held = (...a: ButtonAction[]) => new Set(a);

describe('heldActions', () => {
  it('maps the default profile (W3C standard gamepad) buttons to actions', () => {
    const buttons = Array.from({ length: 17 }, () => false);
    buttons[0] = true; // A
    buttons[12] = true; // d-pad up
    expect(heldActions(buttons, defaultProfile())).toEqual(held('take_photo', 'gimbal_up'));
    expect(heldActions([], defaultProfile())).toEqual(held());
  });

  it('an unbound action is never held', () => {
    const p = { ...defaultProfile(), buttons: { ...defaultProfile().buttons, take_photo: null } };
    expect(heldActions([true], p)).toEqual(held());
  });
});

describe('ActionInput', () => {
  it('press actions fire once per press, on the edge', () => {
    const a = new ActionInput();
    expect(a.step(held('take_photo'), 0, false).pressed).toEqual(['take_photo']);
    expect(a.step(held('take_photo'), 40, false).pressed).toEqual([]);
    expect(a.step(held(), 80, false).pressed).toEqual([]);
    expect(a.step(held('take_photo', 'zoom_in', 'speed_mode'), 120, false).pressed).toEqual(['take_photo', 'zoom_in', 'speed_mode']);
    expect(a.step(held('record', 'emergency_stop', 'zoom_out'), 160, false).pressed).toEqual(['emergency_stop', 'record', 'zoom_out']);
  });

  it('return home and the gimbal are not press actions: return home needs the hold, the gimbal repeats', () => {
    const a = new ActionInput(new HoldToConfirm(1000), new GimbalRepeat(15, 300));
    const first = a.step(held('return_home', 'gimbal_down'), 0, false);
    expect(first.pressed).toEqual([]);
    expect(first.returnHome).toMatchObject({ state: 'holding', fired: false });
    expect(first.gimbalSpeed).toBe(-15);
    let fired = 0;
    for (let t = 40; t <= 1200; t += 40) if (a.step(held('return_home'), t, false).returnHome.fired) fired++;
    expect(fired).toBe(1);
  });

  it('letting go of the gimbal button stops the gimbal; a short return-home press is reported as cancelled', () => {
    const a = new ActionInput(new HoldToConfirm(1000), new GimbalRepeat(15, 300));
    a.step(held('return_home', 'gimbal_up'), 0, false);
    const release = a.step(held(), 200, false);
    expect(release.gimbalSpeed).toBe(0);
    expect(release.returnHome).toMatchObject({ cancelled: true, fired: false });
  });
});

describe('speed modes', () => {
  it('cycle normal → slow → precision → normal', () => {
    expect(SPEED_MODES.map((m) => m.id)).toEqual(['normal', 'slow', 'precision']);
    expect(nextSpeedMode('normal')).toBe('slow');
    expect(nextSpeedMode('slow')).toBe('precision');
    expect(nextSpeedMode('precision')).toBe('normal');
  });

  it('scale every channel (normal leaves the sticks as they are)', () => {
    const s = { roll: -1, pitch: 1, throttle: 0.5, yaw: -0.4 };
    expect(scaleSticks(s, 'normal')).toEqual(s);
    expect(scaleSticks(s, 'slow')).toEqual({ roll: -0.5, pitch: 0.5, throttle: 0.25, yaw: -0.2 });
    expect(scaleSticks(s, 'precision')).toEqual({ roll: -0.25, pitch: 0.25, throttle: 0.125, yaw: -0.1 });
    expect(Object.is(scaleSticks({ roll: 0, pitch: 0, throttle: 0, yaw: 0 }, 'slow').roll, 0)).toBe(true);
  });

  it('apply after calibration: full right stick up is full pitch in normal, half in slow (stick_control 1354)', () => {
    const p = defaultProfile();
    expect(sticksFromGamepad([0, 0, 0, -1], p)).toEqual({ roll: 0, pitch: 1, throttle: 0, yaw: 0 });
    expect(sticksFromGamepad([0, 0, 0, -1], p, 'slow')).toEqual({ roll: 0, pitch: 0.5, throttle: 0, yaw: 0 });
    expect(toStickControl(sticksFromGamepad([0, 0, 0, -1], p, 'slow')).pitch).toBe(1354);
    expect(toStickControl(sticksFromGamepad([0, 0, 0, -1], p, 'precision')).pitch).toBe(1189);
    // The deadband still holds: a resting stick stays exactly centred in every mode.
    expect(toStickControl(sticksFromGamepad([0.03, -0.02, 0, 0], p, 'precision'))).toEqual({ roll: 1024, pitch: 1024, throttle: 1024, yaw: 1024 });
  });

  it('a stored mode is parsed (storage is untrusted): unknown falls back to normal', () => {
    expect(parseSpeedMode('precision')).toBe('precision');
    expect(parseSpeedMode('sport')).toBe('normal');
    expect(parseSpeedMode(null)).toBe('normal');
    expect(speedModeSpec('slow')).toEqual({ id: 'slow', label: 'Slow', scale: 0.5 });
  });
});
