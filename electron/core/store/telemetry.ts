/**
 * The telemetry recorder: every OSD message into SQLite, in batched transactions, plus track queries.
 * For a database file the inserts run on a worker thread (telemetry-worker.ts) so that batch commits
 * never delay the engine's event loop (the DRC stick stream is a 10-30 Hz timer on it); `:memory:`
 * databases cannot be shared with another connection and are written in-thread, as here.
 */
import type { TrackPoint } from '../../../shared/ipc/contract';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { systemClock, type Clock, type TimerHandle } from '../util/clock';
import { silentLogger, type Logger } from '../util/log';
import type { Db } from './db';
import { notifyFlush, rejecter, toRow, trackReader, type Row } from './telemetry-rows';
import { createWorkerRecorder } from './telemetry-worker';

export { DEFAULT_TRACK_LIMIT, MAX_TRACK_LIMIT } from './telemetry-rows';

export interface RecorderOptions {
  /**
   * Rows per transaction; reaching it flushes at once. Also the most a crash can lose: the worker
   * writer commits in half batches and never holds more than one batch unacknowledged.
   */
  readonly batchSize?: number;
  /** Upper bound on how long a recorded row waits before it is committed. */
  readonly flushIntervalMs?: number;
  /** Rows held while the DB refuses writes (disk full, locked); beyond it new rows are dropped and counted. */
  readonly maxPending?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Called after each committed batch (metrics, the crash test's progress line). */
  readonly onFlush?: (stats: RecorderStats) => void;
  /** Where the inserts run; default 'worker' for a file, always 'main' for `:memory:`. */
  readonly thread?: 'main' | 'worker';
  /** The worker's better-sqlite3 binding (see db.ts); default env OUTPOST_SQLITE_BINDING. */
  readonly nativeBinding?: string;
  /** The worker connection's busy_timeout. */
  readonly busyTimeoutMs?: number;
  /** How long flush/track/close wait for the worker's acknowledgement before returning an error. */
  readonly syncTimeoutMs?: number;
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

export function createRecorder(db: Db, opts: RecorderOptions = {}): TelemetryRecorder {
  return opts.thread === 'main' || db.memory ? createMainRecorder(db, opts) : createWorkerRecorder(db, opts);
}

function createMainRecorder(db: Db, opts: RecorderOptions): TelemetryRecorder {
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
  const track = trackReader(db);

  let pending: Row[] = [];
  let timer: TimerHandle | null = null;
  let closed = false;
  let failing = false;
  const s = { rowsWritten: 0, batches: 0, lastFlushMs: null as number | null, rejected: 0, dropped: 0, flushErrors: 0 };

  const stats = (): RecorderStats => ({ ...s, pending: pending.length });

  const reject = rejecter(s, log);

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
      notifyFlush(opts.onFlush, stats, log);
    }
    return ok(written);
  };

  function arm(): void {
    if (timer !== null || closed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      flush();
    }, flushIntervalMs);
  }

  const record = (sn: string, t: number, data: Readonly<Record<string, unknown>>, rawJson?: string): boolean => {
    const row = toRow(sn, t, data, rawJson);
    if (typeof row === 'string') return reject(row, sn);
    if (closed || pending.length >= maxPending) {
      s.dropped++;
      if (s.dropped % 1000 === 1) log.warn('telemetry row dropped', { closed, pending: pending.length, dropped: s.dropped });
      return false;
    }
    pending.push(row);
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
      return track(sn, q);
    },
  };
}
