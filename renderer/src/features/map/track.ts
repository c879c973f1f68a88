/** Pure bounded track buffer per aircraft: the last N positions, skipping repeats of the same point. */
import type { TrackPoint } from '../../../../shared/ipc/contract';
import type { Pose } from './pose';

export interface TrackFix {
  readonly lon: number;
  readonly lat: number;
  readonly height: number;
}

export const TRACK_MAX = 600;

export class TrackBuffer {
  private readonly points: TrackFix[] = [];

  constructor(private readonly max: number = TRACK_MAX) {}

  /** Returns true when the buffer changed. */
  push(p: TrackFix): boolean {
    const last = this.points[this.points.length - 1];
    if (last && last.lon === p.lon && last.lat === p.lat && last.height === p.height) return false;
    this.points.push({ lon: p.lon, lat: p.lat, height: p.height });
    if (this.points.length > this.max) this.points.splice(0, this.points.length - this.max);
    return true;
  }

  /** Seeds with history from `telemetry:track` (oldest first), ahead of points already received live. */
  seed(history: readonly TrackPoint[]): void {
    const live = this.points.splice(0);
    for (const t of history) this.push({ lon: t.longitude, lat: t.latitude, height: t.height ?? 0 });
    for (const p of live) this.push(p);
  }

  get length(): number {
    return this.points.length;
  }

  snapshot(): readonly TrackFix[] {
    return this.points;
  }
}

export const fixOf = (p: Pose): TrackFix => ({ lon: p.lon, lat: p.lat, height: p.height });
