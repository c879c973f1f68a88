/**
 * Normalised sticks and their two wire encodings: `stick_control` (Dock 2/3, RC Plus 2: 364..1684,
 * centre 1024; official-cn-latest dock3 drc.md "DRC-杆量控制") and the deprecated `drone_control`
 * (velocities; same page "DRC-飞行控制（已废弃）", Dock 2 110.drc.md "DRC-flight control").
 */
import { appError, err, ok, type Result } from '../util/result';

/** Each axis in −1..1. roll + = right, pitch + = forward, throttle + = up, yaw + = clockwise. */
export interface Sticks {
  readonly roll: number;
  readonly pitch: number;
  readonly throttle: number;
  readonly yaw: number;
}

export const NEUTRAL: Sticks = Object.freeze({ roll: 0, pitch: 0, throttle: 0, yaw: 0 });
export const STICK_AXES = ['roll', 'pitch', 'throttle', 'yaw'] as const;

/** stick_control channel range: [1024 ± 660]. */
export const STICK_CENTER = 1024;
export const STICK_SPAN = 660;
export const STICK_MIN = STICK_CENTER - STICK_SPAN; // 364
export const STICK_MAX = STICK_CENTER + STICK_SPAN; // 1684

export interface StickControlData {
  readonly roll: number;
  readonly pitch: number;
  readonly throttle: number;
  readonly yaw: number;
}

/** drone_control limits (m/s, m/s, m/s, °/s). */
export const DRONE_CONTROL_LIMITS = Object.freeze({ x: 17, y: 17, hUp: 5, hDown: 4, w: 90 });

export interface DroneControlData {
  readonly seq: number;
  /** Forward (+) / backward, m/s. */
  readonly x: number;
  /** Right (+) / left, m/s. */
  readonly y: number;
  /** Up (+) / down, m/s. */
  readonly h: number;
  /** Clockwise (+), °/s. */
  readonly w: number;
}

const clamp1 = (v: number): number => (v > 1 ? 1 : v < -1 ? -1 : v);
const round2 = (v: number): number => Math.round(v * 100) / 100;

export function clampSticks(s: Sticks): Sticks {
  return { roll: clamp1(s.roll), pitch: clamp1(s.pitch), throttle: clamp1(s.throttle), yaw: clamp1(s.yaw) };
}

export function isNeutral(s: Sticks, tolerance = 0): boolean {
  return STICK_AXES.every((a) => Math.abs(s[a]) <= tolerance);
}

/** Validate untrusted sticks (from IPC): four finite numbers in −1..1; names the offending field. */
export function parseSticks(v: unknown): Result<Sticks> {
  if (typeof v !== 'object' || v === null) return err(appError('invalid_sticks', 'sticks: expected an object {roll, pitch, throttle, yaw}'));
  const o = v as Record<string, unknown>;
  for (const a of STICK_AXES) {
    const x = o[a];
    if (typeof x !== 'number' || !Number.isFinite(x)) return err(appError('invalid_sticks', `sticks.${a}: expected a finite number in −1..1, got ${String(x)}`));
    if (x < -1 || x > 1) return err(appError('invalid_sticks', `sticks.${a}: ${x} is outside −1..1`));
  }
  return ok({ roll: o.roll as number, pitch: o.pitch as number, throttle: o.throttle as number, yaw: o.yaw as number });
}

const channel = (v: number): number => Math.round(STICK_CENTER + clamp1(v) * STICK_SPAN);

export function toStickControl(s: Sticks): StickControlData {
  return { roll: channel(s.roll), pitch: channel(s.pitch), throttle: channel(s.throttle), yaw: channel(s.yaw) };
}

/** Inverse of toStickControl (the simulator reads the wire values back). */
export function fromStickControl(d: StickControlData): Sticks {
  const n = (c: number): number => clamp1((c - STICK_CENTER) / STICK_SPAN);
  return { roll: n(d.roll), pitch: n(d.pitch), throttle: n(d.throttle), yaw: n(d.yaw) };
}

/**
 * Sticks → drone_control velocities. Axis meaning follows the newer (cn-latest) page: x forward,
 * y right; the older English page swaps x/y and signs, so firmware that needs it should be checked.
 */
export function toDroneControl(s: Sticks, seq: number): DroneControlData {
  const L = DRONE_CONTROL_LIMITS;
  const t = clamp1(s.throttle);
  return {
    seq,
    x: round2(clamp1(s.pitch) * L.x),
    y: round2(clamp1(s.roll) * L.y),
    h: round2(t >= 0 ? t * L.hUp : t * L.hDown),
    w: round2(clamp1(s.yaw) * L.w),
  };
}

export function fromDroneControl(d: Pick<DroneControlData, 'x' | 'y' | 'h' | 'w'>): Sticks {
  const L = DRONE_CONTROL_LIMITS;
  return { roll: clamp1(d.y / L.y), pitch: clamp1(d.x / L.x), throttle: clamp1(d.h >= 0 ? d.h / L.hUp : d.h / L.hDown), yaw: clamp1(d.w / L.w) };
}
