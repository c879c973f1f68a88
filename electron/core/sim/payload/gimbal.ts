/**
 * Gimbal kinematics of the simulated payload: angles in DJI's OSD convention (gimbal_yaw is a heading, −180..180,
 * 0 = north; gimbal_pitch is from the horizon, negative = down), slewing at a fixed rate towards a goal.
 * Pitch is limited to −90..+35°, the M3TD/M4TD gimbal's mechanical range.
 */
import { headingOf, normalizeHeading } from '../geo';

export const PITCH_MIN = -90;
export const PITCH_MAX = 35;
const RATE_DEG_S = 90;
const DEG = Math.PI / 180;
const EARTH_RADIUS_M = 6_378_137;

export interface Angles {
  readonly yaw: number;
  readonly pitch: number;
}

export interface Geo {
  readonly lat: number;
  readonly lon: number;
  /** Ellipsoid height, metres. */
  readonly height: number;
}

const clampPitch = (p: number): number => Math.min(PITCH_MAX, Math.max(PITCH_MIN, p));

/** Heading and elevation from `from` to `to` (flat earth: fine over the few km a camera can see). */
export function anglesTo(from: Geo, to: Geo): Angles {
  const north = (to.lat - from.lat) * DEG * EARTH_RADIUS_M;
  const east = (to.lon - from.lon) * DEG * EARTH_RADIUS_M * Math.cos(from.lat * DEG);
  const up = to.height - from.height;
  return { yaw: headingOf(east, north), pitch: clampPitch(Math.atan2(up, Math.hypot(east, north)) / DEG) };
}

/** Where the line of sight meets the ground plane at `groundHeight` (laser rangefinder target), or null looking up. */
export function groundHit(from: Geo, a: Angles, groundHeight: number): (Geo & { distance: number }) | null {
  const drop = from.height - groundHeight;
  if (a.pitch >= -1 || drop <= 0) return null;
  const distance = drop / Math.sin(-a.pitch * DEG);
  const horizontal = distance * Math.cos(a.pitch * DEG);
  const north = horizontal * Math.cos(a.yaw * DEG);
  const east = horizontal * Math.sin(a.yaw * DEG);
  return {
    lat: from.lat + north / EARTH_RADIUS_M / DEG,
    lon: from.lon + east / (EARTH_RADIUS_M * Math.cos(from.lat * DEG)) / DEG,
    height: groundHeight,
    distance,
  };
}

/** Current angles, moving towards `goal` at RATE_DEG_S (yaw the short way round). */
export class Gimbal {
  private at: Angles;
  private lastMs: number;

  constructor(start: Angles, nowMs: number) {
    this.at = start;
    this.lastMs = nowMs;
  }

  advance(goal: Angles, nowMs: number): Angles {
    const step = (RATE_DEG_S * Math.max(0, nowMs - this.lastMs)) / 1000;
    this.lastMs = nowMs;
    const dYaw = normalizeHeading(goal.yaw - this.at.yaw);
    const dPitch = clampPitch(goal.pitch) - this.at.pitch;
    const yaw = normalizeHeading(this.at.yaw + Math.sign(dYaw) * Math.min(Math.abs(dYaw), step));
    const pitch = this.at.pitch + Math.sign(dPitch) * Math.min(Math.abs(dPitch), step);
    this.at = { yaw: round1(yaw), pitch: round1(pitch) };
    return this.at;
  }
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
