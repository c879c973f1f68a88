/**
 * Per-axis calibration as a GCS knows it (QGroundControl's joystick vocabulary): the raw
 * min/centre/max the operator measured, a deadband around centre, reverse, and expo.
 */
import { appError, err, ok, type Result } from '../util/result';

export interface AxisCalibration {
  /** Raw reading at full deflection low / rest / high (Gamepad API axes are −1..1). */
  readonly min: number;
  readonly center: number;
  readonly max: number;
  /** Fraction of each half-travel (0..0.5) treated as centre. */
  readonly deadband: number;
  readonly reverse: boolean;
  /** 0 = linear … 1 = fully cubic near centre (fine control around hover). */
  readonly expo: number;
}

export const DEFAULT_AXIS: AxisCalibration = Object.freeze({ min: -1, center: 0, max: 1, deadband: 0.05, reverse: false, expo: 0.3 });

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** Raw → −1..1 around the calibrated centre, each half scaled on its own (sticks are rarely symmetric). */
export function normalizeAxis(raw: number, c: AxisCalibration): number {
  if (!Number.isFinite(raw)) return 0;
  const v = raw >= c.center ? (raw - c.center) / Math.max(1e-6, c.max - c.center) : (raw - c.center) / Math.max(1e-6, c.center - c.min);
  return clamp(v, -1, 1);
}

/** Zero inside the deadband, then rescaled so the output still reaches ±1 (no jump at the edge). */
export function applyDeadband(v: number, deadband: number): number {
  const d = clamp(deadband, 0, 0.5);
  const a = Math.abs(v);
  if (a <= d) return 0;
  return (Math.sign(v) * (a - d)) / (1 - d);
}

/** Expo curve: out = (1 − e)·v + e·v³; keeps ±1 at the ends and the sign. */
export function applyExpo(v: number, expo: number): number {
  const e = clamp(expo, 0, 1);
  return (1 - e) * v + e * v * v * v;
}

/** The whole axis chain: normalise → deadband → expo → reverse. */
export function calibrateAxis(raw: number, c: AxisCalibration): number {
  const v = applyExpo(applyDeadband(normalizeAxis(raw, c), c.deadband), c.expo);
  const out = c.reverse ? -v : v;
  return out === 0 ? 0 : out; // no −0 on the wire
}

/** Validate a stored/edited calibration; the message names the field and its range. */
export function validateAxis(name: string, v: unknown): Result<AxisCalibration> {
  if (typeof v !== 'object' || v === null) return err(appError('invalid_calibration', `${name}: expected an object`));
  const o = v as Record<string, unknown>;
  const num = (k: string, lo: number, hi: number): string | null =>
    typeof o[k] !== 'number' || !Number.isFinite(o[k]) || (o[k] as number) < lo || (o[k] as number) > hi ? `${name}.${k}: expected a number in ${lo}..${hi}` : null;
  const problem = num('min', -1, 1) ?? num('center', -1, 1) ?? num('max', -1, 1) ?? num('deadband', 0, 0.5) ?? num('expo', 0, 1);
  if (problem) return err(appError('invalid_calibration', problem));
  if (typeof o.reverse !== 'boolean') return err(appError('invalid_calibration', `${name}.reverse: expected true or false`));
  const c = o as unknown as AxisCalibration;
  if (!(c.min < c.center && c.center < c.max)) return err(appError('invalid_calibration', `${name}: needs min < center < max (got ${c.min}, ${c.center}, ${c.max})`));
  return ok({ min: c.min, center: c.center, max: c.max, deadband: c.deadband, reverse: c.reverse, expo: c.expo });
}
