/** The telemetry recorder: every OSD message into SQLite, in batched transactions, plus track queries. */
import type { TrackPoint } from '../../../shared/ipc/contract';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { systemClock, type Clock, type TimerHandle } from '../util/clock';
import { silentLogger, type Logger } from '../util/log';
import type { Db } from './db';
import { clampLimit } from './events';
import { toJson } from './json';

export interface RecorderOptions {
  /** Rows per transaction; reaching it flushes at once. */
  readonly batchSize?: number;
  /** Upper bound on how long a recorded row waits before it is committed. */
  readonly flushIntervalMs?: number;
  /** Rows held while the DB refuses writes (disk full, locked); beyond it new rows are dropped and counted. */
  readonly maxPending?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Called after each committed batch (metrics, the crash test's progress line). */
  readonly onFlush?: (stats: RecorderStats) => void;
}

export interface RecorderStats {
  readonly rowsWritten: number;
  readonly batches: number;
  readonly pending: number;
  /** Wall time of the last committed batch in ms, null before the first. */
  readonly lastFlushMs: number | null;
  /** Bad input: empty sn, non-finite t, data not encodable as JSON. */
  readonly rejected: number;
  /** Good rows refused because the recorder was closed or `maxPending` was reached. */
  readonly dropped: number;
  readonly flushErrors: number;
}

export interface TrackQuery {
  readonly sinceMs?: number;
  readonly limit?: number;
}

export interface TelemetryRecorder {
  /**
   * Queues one OSD `data` object; false when it was rejected or dropped (see stats).
   * `rawJson` (the message exactly as received) is stored instead of re-encoding `data`.
   */
  record(sn: string, t: number, data: Readonly<Record<string, unknown>>, rawJson?: string): boolean;
  /** Commits everything pending, one transaction per batch; returns rows committed now. */
  flush(): Result<number>;
  /** Flushes, stops the timer, and refuses further rows. Idempotent. */
  close(): Result<number>;
  stats(): RecorderStats;
  /** Positions of `sn`, ascending time: the latest `limit` fixes at or after `sinceMs`. Flushes first. */
  track(sn: string, q?: TrackQuery): readonly TrackPoint[];
}

export const DEFAULT_TRACK_LIMIT = 10_000;
export const MAX_TRACK_LIMIT = 200_000;

type Row = readonly [sn: string, t: number, lat: number | null, lon: number | null, height: number | null, data: string];

export function createRecorder(db: Db, opts: RecorderOptions = {}): TelemetryRecorder {
  const batchSize = Math.max(1, Math.trunc(opts.batchSize ?? 500));
  const flushIntervalMs = Math.max(1, opts.flushIntervalMs ?? 200);
  const maxPending = Math.max(batchSize, Math.trunc(opts.maxPending ?? 100_000));
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? silentLogger;

  const insert = db.prepare('INSERT INTO telemetry (sn, t, latitude, longitude, height, data) VALUES (?, ?, ?, ?, ?, ?)');
  const writeBatch = db.transaction((rows: readonly Row[], n: number) => {
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      insert.run(r[0], r[1], r[2], r[3], r[4], r[5]);
    }
  });
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

  let pending: Row[] = [];
  let timer: TimerHandle | null = null;
  let closed = false;
  let failing = false;
  const s = { rowsWritten: 0, batches: 0, lastFlushMs: null as number | null, rejected: 0, dropped: 0, flushErrors: 0 };

  const stats = (): RecorderStats => ({ ...s, pending: pending.length });

  const reject = (why: string, sn: unknown): false => {
    s.rejected++;
    // Bad input can arrive at OSD rate; log the first and then one in a thousand.
    if (s.rejected % 1000 === 1) log.warn('telemetry row rejected', { why, sn, rejected: s.rejected });
    return false;
  };

  const flush = (): Result<number> => {
    let written = 0;
    while (pending.length > 0) {
      const n = Math.min(batchSize, pending.length);
      const started = performance.now();
      try {
        writeBatch(pending, n);
      } catch (e) {
        s.flushErrors++;
        failing = true;
        log.error('telemetry flush failed; rows kept for retry', { error: (e as Error).message, pending: pending.length });
        arm();
        return err(appError('telemetry_flush_failed', `Could not write telemetry: ${(e as Error).message}`));
      }
      s.lastFlushMs = performance.now() - started;
      s.rowsWritten += n;
      s.batches++;
      written += n;
      failing = false;
      if (n === pending.length) pending = [];
      else pending.splice(0, n);
      if (opts.onFlush !== undefined) notify(opts.onFlush);
    }
    return ok(written);
  };

  // A throwing observer must not turn a committed batch into an error for the caller.
  function notify(onFlush: (st: RecorderStats) => void): void {
    try {
      onFlush(stats());
    } catch (e) {
      log.warn('telemetry onFlush observer threw', { error: (e as Error).message });
    }
  }

  function arm(): void {
    if (timer !== null || closed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      flush();
    }, flushIntervalMs);
  }

  const record = (sn: string, t: number, data: Readonly<Record<string, unknown>>, rawJson?: string): boolean => {
    if (typeof sn !== 'string' || sn === '') return reject('empty sn', sn);
    if (typeof t !== 'number' || !Number.isFinite(t)) return reject('t is not a finite number', sn);
    if (typeof data !== 'object' || data === null) return reject('data is not an object', sn);
    if (closed || pending.length >= maxPending) {
      s.dropped++;
      if (s.dropped % 1000 === 1) log.warn('telemetry row dropped', { closed, pending: pending.length, dropped: s.dropped });
      return false;
    }
    // The message as received, when the caller has it, spares a JSON.stringify per row at 30k rows/s.
    let text = rawJson;
    if (text === undefined) {
      const json = toJson(data);
      if (!json.ok) return reject(json.error.message, sn);
      text = json.value;
    }
    pending.push([sn, Math.trunc(t), num(data.latitude), num(data.longitude), num(data.height), text]);
    // While the DB is failing, retries wait for the timer instead of hammering it per message.
    if (pending.length >= batchSize && !failing) flush();
    if (pending.length > 0) arm();
    return true;
  };

  return {
    record,
    flush,
    close: () => {
      if (closed) return ok(0);
      // Mark closed first so a failed final flush cannot re-arm the timer; rows it
      // could not write are reported in the error (and logged by flush).
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      return flush();
    },
    stats,
    track: (sn, q = {}) => {
      if (!closed) flush();
      const limit = clampLimit(q.limit, DEFAULT_TRACK_LIMIT, MAX_TRACK_LIMIT);
      return q.sinceMs === undefined ? trackAll.all(sn, limit) : trackSince.all(sn, Math.trunc(q.sinceMs), limit);
    },
  };
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
