/** What both telemetry writers share: turning one OSD message into a row, and the track query. */
import type { TrackPoint } from '../../../shared/ipc/contract';
import type { Logger } from '../util/log';
import type { Db } from './db';
import { clampLimit } from './events';
import { toJson } from './json';
import type { RecorderStats } from './telemetry';

export const DEFAULT_TRACK_LIMIT = 10_000;
export const MAX_TRACK_LIMIT = 200_000;

export type Row = readonly [sn: string, t: number, lat: number | null, lon: number | null, height: number | null, data: string];

/** The row for one OSD message, or why it is rejected. */
export function toRow(sn: string, t: number, data: Readonly<Record<string, unknown>>, rawJson: string | undefined): Row | string {
  if (typeof sn !== 'string' || sn === '') return 'empty sn';
  if (typeof t !== 'number' || !Number.isFinite(t)) return 't is not a finite number';
  if (typeof data !== 'object' || data === null) return 'data is not an object';
  // The message as received, when the caller has it, spares a JSON.stringify per row at 30k rows/s.
  let text = rawJson;
  if (text === undefined) {
    const json = toJson(data);
    if (!json.ok) return json.error.message;
    text = json.value;
  }
  return [sn, Math.trunc(t), num(data.latitude), num(data.longitude), num(data.height), text];
}

/** Positions of one device, ascending time: the latest `limit` fixes at or after `sinceMs`. */
export function trackReader(db: Db): (sn: string, q: { readonly sinceMs?: number; readonly limit?: number }) => readonly TrackPoint[] {
  // (0, 0) is what an aircraft reports before it has a GPS fix, not a place it flew.
  const trackSql = (since: boolean): string => `
    SELECT t, latitude, longitude, height FROM (
      SELECT id, t, latitude, longitude, height FROM telemetry
      WHERE sn = ? ${since ? 'AND t >= ?' : ''} AND latitude IS NOT NULL AND longitude IS NOT NULL
        AND NOT (latitude = 0 AND longitude = 0)
      ORDER BY t DESC, id DESC LIMIT ?
    ) ORDER BY t, id`;
  const trackAll = db.prepare<[string, number], TrackPoint>(trackSql(false));
  const trackSince = db.prepare<[string, number, number], TrackPoint>(trackSql(true));
  return (sn, q) => {
    const limit = clampLimit(q.limit, DEFAULT_TRACK_LIMIT, MAX_TRACK_LIMIT);
    return q.sinceMs === undefined ? trackAll.all(sn, limit) : trackSince.all(sn, Math.trunc(q.sinceMs), limit);
  };
}

/** Rate-limited rejection counting shared by both writers. */
export function rejecter(s: { rejected: number }, log: Logger): (why: string, sn: unknown) => false {
  return (why, sn) => {
    s.rejected++;
    // Bad input can arrive at OSD rate; log the first and then one in a thousand.
    if (s.rejected % 1000 === 1) log.warn('telemetry row rejected', { why, sn, rejected: s.rejected });
    return false;
  };
}

/** A throwing observer must not turn a committed batch into an error for the caller. */
export function notifyFlush(onFlush: ((st: RecorderStats) => void) | undefined, st: () => RecorderStats, log: Logger): void {
  if (onFlush === undefined) return;
  try {
    onFlush(st());
  } catch (e) {
    log.warn('telemetry onFlush observer threw', { error: (e as Error).message });
  }
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
