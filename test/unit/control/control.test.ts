/** Input maths: calibration, deadband, expo, stick modes, wire encodings, profile validation. */
import { describe, expect, it } from 'vitest';
import {
  applyDeadband, applyExpo, applyMode, calibrateAxis, DEFAULT_AXIS, defaultProfile, fromDroneControl, fromStickControl,
  normalizeAxis, parseSticks, pressedActions, sticksFromGamepad, toDroneControl, toStickControl, validateProfile,
} from '../../../shared/control';

describe('axis calibration', () => {
  const cal = { min: -0.8, center: 0.1, max: 0.9, deadband: 0, reverse: false, expo: 0 };
  it('scales each half on its own around the measured centre', () => {
    expect(normalizeAxis(0.1, cal)).toBe(0);
    expect(normalizeAxis(0.9, cal)).toBe(1);
    expect(normalizeAxis(-0.8, cal)).toBe(-1);
    expect(normalizeAxis(0.5, cal)).toBeCloseTo(0.5);
    expect(normalizeAxis(-0.35, cal)).toBeCloseTo(-0.5);
    expect(normalizeAxis(2, cal)).toBe(1);
    expect(normalizeAxis(Number.NaN, cal)).toBe(0);
  });
  it('deadband zeroes the centre and rescales so full travel still reaches ±1', () => {
    expect(applyDeadband(0.04, 0.05)).toBe(0);
    expect(applyDeadband(-0.05, 0.05)).toBe(0);
    expect(applyDeadband(1, 0.05)).toBe(1);
    expect(applyDeadband(-1, 0.05)).toBe(-1);
    expect(applyDeadband(0.525, 0.05)).toBeCloseTo(0.5);
  });
  it('expo softens the centre, keeps the ends and the sign', () => {
    expect(applyExpo(1, 0.7)).toBe(1);
    expect(applyExpo(-1, 0.7)).toBe(-1);
    expect(applyExpo(0.5, 0)).toBe(0.5);
    expect(applyExpo(0.5, 1)).toBe(0.125);
    expect(applyExpo(-0.5, 0.5)).toBeCloseTo(-0.3125);
  });
  it('reverse flips, and never yields −0', () => {
    expect(calibrateAxis(1, { ...DEFAULT_AXIS, reverse: true })).toBe(-1);
    expect(Object.is(calibrateAxis(0, { ...DEFAULT_AXIS, reverse: true }), 0)).toBe(true);
  });
});

describe('stick modes', () => {
  const axes = { leftX: 0.1, leftY: 0.2, rightX: 0.3, rightY: 0.4 };
  it.each([
    [1, { yaw: 0.1, pitch: 0.2, roll: 0.3, throttle: 0.4 }],
    [2, { yaw: 0.1, throttle: 0.2, roll: 0.3, pitch: 0.4 }],
    [3, { roll: 0.1, pitch: 0.2, yaw: 0.3, throttle: 0.4 }],
  ] as const)('mode %d', (mode, expected) => expect(applyMode(axes, mode)).toEqual(expected));

  it('mode 2 default profile: right stick pushed up (Gamepad axis 3 = −1) is full pitch forward', () => {
    expect(sticksFromGamepad([0, 0, 0, -1], defaultProfile())).toEqual({ roll: 0, pitch: 1, throttle: 0, yaw: 0 });
    expect(sticksFromGamepad([0, -1, 0, 0], defaultProfile())).toEqual({ roll: 0, pitch: 0, throttle: 1, yaw: 0 });
    expect(sticksFromGamepad([], defaultProfile())).toEqual({ roll: 0, pitch: 0, throttle: 0, yaw: 0 });
  });
});

describe('wire encodings', () => {
  it('stick_control: 364..1684, centre 1024 (dock3 drc.md)', () => {
    expect(toStickControl({ roll: -1, pitch: 1, throttle: 0, yaw: 0.5 })).toEqual({ roll: 364, pitch: 1684, throttle: 1024, yaw: 1354 });
    expect(toStickControl({ roll: 3, pitch: -3, throttle: 0, yaw: 0 })).toMatchObject({ roll: 1684, pitch: 364 });
    expect(fromStickControl({ roll: 364, pitch: 1684, throttle: 1024, yaw: 1354 })).toEqual({ roll: -1, pitch: 1, throttle: 0, yaw: 0.5 });
  });
  it('drone_control: x/y ±17 m/s, h −4..5 m/s, w ±90 °/s', () => {
    expect(toDroneControl({ roll: 1, pitch: -1, throttle: 1, yaw: -1 }, 7)).toEqual({ seq: 7, x: -17, y: 17, h: 5, w: -90 });
    expect(toDroneControl({ roll: 0, pitch: 0, throttle: -1, yaw: 0 }, 0).h).toBe(-4);
    expect(fromDroneControl({ x: 8.5, y: 0, h: -2, w: 45 })).toEqual({ roll: 0, pitch: 0.5, throttle: -0.5, yaw: 0.5 });
  });
  it('parseSticks names the bad field and its range', () => {
    expect(parseSticks({ roll: 0, pitch: 2, throttle: 0, yaw: 0 })).toMatchObject({ ok: false, error: { message: 'sticks.pitch: 2 is outside −1..1' } });
    expect(parseSticks({ roll: 0, pitch: 0, throttle: 'x', yaw: 0 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('sticks.throttle') } });
    expect(parseSticks(null).ok).toBe(false);
    expect(parseSticks({ roll: 0, pitch: 0, throttle: 0, yaw: Number.NaN }).ok).toBe(false);
  });
});

describe('profiles and buttons', () => {
  it('the default profile validates; a bad field is named', () => {
    expect(validateProfile(defaultProfile())).toEqual({ ok: true, value: defaultProfile() });
    const bad = { ...defaultProfile(), mode: 4 };
    expect(validateProfile(bad)).toMatchObject({ ok: false, error: { message: expect.stringContaining('profile.mode') } });
    const badAxis = { ...defaultProfile(), axes: { ...defaultProfile().axes, rightY: { ...DEFAULT_AXIS, deadband: 0.9 } } };
    expect(validateProfile(badAxis)).toMatchObject({ ok: false, error: { message: 'profile.axes.rightY.deadband: expected a number in 0..0.5' } });
    expect(validateProfile({ ...defaultProfile(), axes: { ...defaultProfile().axes, leftX: { ...DEFAULT_AXIS, min: 0.5 } } }).ok).toBe(false);
  });
  it('actions fire on the press edge only', () => {
    const p = defaultProfile();
    const down = Array(16).fill(false);
    down[1] = true; // emergency stop
    expect(pressedActions([], down, p)).toEqual(['emergency_stop']);
    expect(pressedActions(down, down, p)).toEqual([]);
  });
});
