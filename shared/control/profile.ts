/**
 * A control profile: per-axis calibration, stick mode and button bindings, saved per gamepad id.
 * `sticksFromGamepad` is the whole input chain the renderer runs on every sample.
 */
import { appError, err, ok, type Result } from '../util/result';
import { calibrateAxis, DEFAULT_AXIS, validateAxis, type AxisCalibration } from './calibration';
import { applyMode, PHYSICAL_AXES, STICK_MODES, type PhysicalAxes, type PhysicalAxis, type StickMode } from './modes';
import { DEFAULT_SPEED_MODE, scaleSticks, type SpeedMode } from './speed';
import { clampSticks, type Sticks } from './sticks';

export const BUTTON_ACTIONS = ['emergency_stop', 'return_home', 'take_photo', 'record', 'gimbal_up', 'gimbal_down', 'zoom_in', 'zoom_out', 'speed_mode'] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export interface ControlProfile {
  readonly mode: StickMode;
  /** Which raw Gamepad API axis index feeds each physical axis (standard mapping: 0,1,2,3). */
  readonly axisIndex: Readonly<Record<PhysicalAxis, number>>;
  readonly axes: Readonly<Record<PhysicalAxis, AxisCalibration>>;
  /** Button index per action (null: unbound). */
  readonly buttons: Readonly<Record<ButtonAction, number | null>>;
}

/** Gamepad API "standard" layout: axes 0/1 left X/Y, 2/3 right X/Y; buttons per the W3C standard mapping. */
export function defaultProfile(): ControlProfile {
  return {
    mode: 2,
    axisIndex: { leftX: 0, leftY: 1, rightX: 2, rightY: 3 },
    // Gamepad API Y axes read −1 when pushed UP, so Y is reversed to make up positive.
    axes: { leftX: DEFAULT_AXIS, leftY: { ...DEFAULT_AXIS, reverse: true }, rightX: DEFAULT_AXIS, rightY: { ...DEFAULT_AXIS, reverse: true } },
    buttons: { emergency_stop: 1, return_home: 3, take_photo: 0, record: 2, gimbal_up: 12, gimbal_down: 13, zoom_in: 5, zoom_out: 4, speed_mode: 9 },
  };
}

/** Raw gamepad axes → calibrated physical axes. A missing axis reads as centre. */
export function physicalAxes(raw: readonly number[], p: ControlProfile): PhysicalAxes {
  const read = (a: PhysicalAxis): number => {
    const c = p.axes[a];
    return calibrateAxis(raw[p.axisIndex[a]] ?? c.center, c);
  };
  return { leftX: read('leftX'), leftY: read('leftY'), rightX: read('rightX'), rightY: read('rightY') };
}

/** Raw axes → sticks: calibration, stick mode, then the speed mode's scale. */
export function sticksFromGamepad(raw: readonly number[], p: ControlProfile, speed: SpeedMode = DEFAULT_SPEED_MODE): Sticks {
  return scaleSticks(clampSticks(applyMode(physicalAxes(raw, p), p.mode)), speed);
}

/** Which actions' buttons went down since the previous sample (edge, not level: one photo per press). */
export function pressedActions(prev: readonly boolean[], now: readonly boolean[], p: ControlProfile): ButtonAction[] {
  return BUTTON_ACTIONS.filter((a) => {
    const i = p.buttons[a];
    return i !== null && now[i] === true && prev[i] !== true;
  });
}

/**
 * Bind `action` to gamepad button `index` (null: unbound). A button drives one action: whatever it was bound
 * to before loses it, so one press can never both take a photo and stop the motors.
 */
export function bindButton(p: ControlProfile, action: ButtonAction, index: number | null): Result<ControlProfile> {
  if (index !== null && (!Number.isInteger(index) || index < 0 || index > 31)) return err(appError('invalid_binding', `buttons.${action}: expected a button 0..31, got ${String(index)}`));
  const buttons: Record<ButtonAction, number | null> = { ...p.buttons };
  if (index !== null) for (const a of BUTTON_ACTIONS) if (buttons[a] === index) buttons[a] = null;
  buttons[action] = index;
  return ok({ ...p, buttons });
}

/** The first button held now that was not held before (the one the pilot just pressed), or null. */
export function newlyPressed(before: readonly number[], now: readonly number[]): number | null {
  return now.find((i) => !before.includes(i)) ?? null;
}

/** Validate a stored profile (localStorage is untrusted); falls back field by field is the caller's choice. */
export function validateProfile(v: unknown): Result<ControlProfile> {
  if (typeof v !== 'object' || v === null) return err(appError('invalid_profile', 'profile: expected an object'));
  const o = v as Record<string, unknown>;
  if (!STICK_MODES.includes(o.mode as StickMode)) return err(appError('invalid_profile', `profile.mode: expected 1, 2 or 3, got ${String(o.mode)}`));
  const idx = (o.axisIndex ?? {}) as Record<string, unknown>;
  const axesIn = (o.axes ?? {}) as Record<string, unknown>;
  const axes: Partial<Record<PhysicalAxis, AxisCalibration>> = {};
  for (const a of PHYSICAL_AXES) {
    const i = idx[a];
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > 15) return err(appError('invalid_profile', `profile.axisIndex.${a}: expected an integer 0..15`));
    const c = validateAxis(`profile.axes.${a}`, axesIn[a]);
    if (!c.ok) return c;
    axes[a] = c.value;
  }
  const btnIn = (o.buttons ?? {}) as Record<string, unknown>;
  const buttons: Partial<Record<ButtonAction, number | null>> = {};
  for (const b of BUTTON_ACTIONS) {
    const i = btnIn[b];
    if (i !== null && (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > 31)) return err(appError('invalid_profile', `profile.buttons.${b}: expected null or an integer 0..31`));
    buttons[b] = i as number | null;
  }
  return ok({ mode: o.mode as StickMode, axisIndex: idx as Record<PhysicalAxis, number>, axes: axes as Record<PhysicalAxis, AxisCalibration>, buttons: buttons as Record<ButtonAction, number | null> });
}
