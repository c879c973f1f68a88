/**
 * The telemetry recorder with its inserts on a worker thread (its own connection to the same WAL
 * file). record() stays synchronous and cheap on the engine thread; batches are posted to the
 * writer, and rows leave this side only when the writer acknowledges their commit, so stats(),
 * onFlush and the crash test's "committed" counts mean durably written. flush/track/close wait
 * for the acknowledgement synchronously (Atomics.wait, bounded by syncTimeoutMs).
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { systemClock, type TimerHandle } from '../util/clock';
import { silentLogger } from '../util/log';
import { DEFAULT_BUSY_TIMEOUT_MS, type Db } from './db';
import type { RecorderOptions, RecorderStats, TelemetryRecorder } from './telemetry';
import { notifyFlush, rejecter, toRow, trackReader, type Row } from './telemetry-rows';
import { WORKER_SOURCE } from './telemetry-worker-source';

type IdRow = readonly [id: number, ...row: Row];
type Ack =
  | { readonly type: 'ack'; readonly id: number; readonly ok: true; readonly written: number; readonly ms: number }
  | { readonly type: 'ack'; readonly id: number; readonly ok: false; readonly error: string; readonly skipped: boolean }
  | { readonly type: 'closed' };

interface Writer {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly flag: Int32Array;
}

export const DEFAULT_SYNC_TIMEOUT_MS = 15_000;
/** The longest one record() blocks for a lagging writer; a healthy one acknowledges a batch in well under it. */
const BACKPRESSURE_TIMEOUT_MS = 1_000;

/** Test seam: see the writer thread each time one starts (to kill it). */
export interface WorkerHooks {
  readonly onWorkerStart?: (w: Worker) => void;
}

export function createWorkerRecorder(db: Db, opts: RecorderOptions, hooks: WorkerHooks = {}): TelemetryRecorder {
  const batchSize = Math.max(1, Math.trunc(opts.batchSize ?? 500));
  const flushIntervalMs = Math.max(1, opts.flushIntervalMs ?? 200);
  const maxPending = Math.max(batchSize, Math.trunc(opts.maxPending ?? 100_000));
  // A crash loses at most the last batch: accepted-but-unacknowledged rows never exceed batchSize while
  // the writer is healthy. Rows go to the writer in half batches, so one half is committed while the
  // next fills and record() waits only when the writer falls a whole batch behind.
  const backlog = batchSize;
  const postAt = Math.max(1, Math.ceil(batchSize / 2));
  const syncTimeoutMs = Math.max(1, opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? silentLogger;
  const track = trackReader(db);
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const nativeBinding = opts.nativeBinding ?? nonEmpty(process.env.OUTPOST_SQLITE_BINDING);
  const busyTimeoutMs = Math.max(0, Math.trunc(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));

  // The writer inserts with explicit ids, so a batch re-sent after a crash cannot duplicate.
  let nextId = ((db.prepare('SELECT max(id) AS m FROM telemetry').get() as { m: number | null }).m ?? 0) + 1;
  let pending: IdRow[] = [];
  /** Posted, not yet acknowledged, in id order; always older than every row in `pending`. */
  const inflight = new Map<number, IdRow[]>();
  let inflightRows = 0;
  let batchId = 0;
  let epoch = 0;
  let writer: Writer | null = null;
  let timer: TimerHandle | null = null;
  let closed = false;
  let failing = false;
  /** Set by the ack handler for a waiting flush: the error of the failed batch. */
  let lastError: string | null = null;
  const s = { rowsWritten: 0, batches: 0, lastFlushMs: null as number | null, rejected: 0, dropped: 0, flushErrors: 0 };

  const stats = (): RecorderStats => ({ ...s, pending: pending.length + inflightRows });
  const reject = rejecter(s, log);

  function start(): Writer {
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, file: db.name, nativeBinding, busyTimeoutMs, port: port2, signal: flag.buffer },
      transferList: [port2],
    });
    const w: Writer = { worker, port: port1, flag };
    port1.on('message', (m: Ack) => onMessage(m));
    worker.on('error', (e) => log.error('telemetry writer thread failed', { error: e.message }));
    worker.on('exit', (code) => onExit(w, code));
    // Neither may keep the process alive: the engine's own handles decide that.
    worker.unref();
    port1.unref();
    hooks.onWorkerStart?.(worker);
    return w;
  }

  /** Rows of every unacknowledged batch go back to the front, in order, to be re-sent. */
  function requeue(): void {
    if (inflight.size === 0) return;
    const back: IdRow[] = [];
    for (const rows of inflight.values()) back.push(...rows);
    pending = back.concat(pending);
    inflight.clear();
    inflightRows = 0;
    epoch++;
  }

  function onMessage(m: Ack): void {
    if (m.type !== 'ack') return;
    const rows = inflight.get(m.id);
    if (rows === undefined) return; // a batch already re-queued (skipped, or from a dead writer)
    if (!m.ok) {
      s.flushErrors++;
      failing = true;
      lastError = m.error;
      requeue();
      log.error('telemetry flush failed; rows kept for retry', { error: m.error, pending: pending.length });
      arm();
      return;
    }
    inflight.delete(m.id);
    inflightRows -= rows.length;
    // Every row of an acknowledged batch is stored, including rows a dead writer had already
    // committed (re-sent, ignored by ON CONFLICT, so not in `m.written`).
    s.rowsWritten += rows.length;
    s.batches++;
    s.lastFlushMs = m.ms;
    failing = false;
    notifyFlush(opts.onFlush, stats, log);
  }

  function onExit(w: Writer, code: number): void {
    if (writer !== w) return;
    // Acks it sent before dying are still queued on the port.
    drain(w);
    writer = null;
    if (closed) return;
    s.flushErrors++;
    failing = true;
    log.error('telemetry writer thread exited; restarting it and re-sending unacknowledged rows', { code, unacknowledged: inflightRows });
    requeue();
    // Restart on the timer, not at once: a writer that dies on start must not spin.
    arm();
  }

  function drain(w: Writer): void {
    for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) onMessage(m.message as Ack);
  }

  /** Posts every pending row, at most batchSize per message. */
  function post(): void {
    if (pending.length === 0) return;
    writer ??= start();
    for (let i = 0; i < pending.length; i += batchSize) {
      const rows = pending.slice(i, i + batchSize);
      const id = ++batchId;
      inflight.set(id, rows);
      inflightRows += rows.length;
      writer.port.postMessage({ type: 'batch', id, epoch, rows });
    }
    pending = [];
  }

  function arm(): void {
    if (timer !== null || closed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      post();
    }, flushIntervalMs);
  }

  /** Blocks until `done()` (acks are handled meanwhile), a batch fails, or time runs out. */
  function waitUntil(done: () => boolean, timeoutMs: number): Result<void> {
    lastError = null;
    const deadline = performance.now() + timeoutMs;
    const w = writer;
    while (w !== null && !done() && lastError === null) {
      const seen = Atomics.load(w.flag, 0);
      drain(w);
      if (done() || lastError !== null) break;
      const left = deadline - performance.now();
      if (left <= 0) {
        s.flushErrors++;
        // A writer that is stuck (locked DB) or dead (its exit event cannot arrive while we block):
        // stop waiting per record until it acknowledges again; the timer keeps retrying.
        failing = true;
        arm();
        log.error('telemetry writer did not acknowledge in time', { timeoutMs, unacknowledged: inflightRows });
        return err(appError('telemetry_flush_timeout', `The telemetry writer did not confirm ${inflightRows} rows within ${timeoutMs} ms`));
      }
      Atomics.wait(w.flag, 0, seen, left);
    }
    return lastError === null ? ok(undefined) : err(appError('telemetry_flush_failed', `Could not write telemetry: ${lastError}`));
  }

  /** Posts what is pending and blocks until every batch is acknowledged. */
  const flushSync = (): Result<number> => {
    const before = s.rowsWritten;
    post();
    const r = waitUntil(() => inflight.size === 0, syncTimeoutMs);
    return r.ok ? ok(s.rowsWritten - before) : r;
  };

  const record = (sn: string, t: number, data: Readonly<Record<string, unknown>>, rawJson?: string): boolean => {
    const row = toRow(sn, t, data, rawJson);
    if (typeof row === 'string') return reject(row, sn);
    // A healthy writer that falls behind slows the producer (as the in-thread writer did) rather
    // than letting the backlog grow; rows beyond maxPending are dropped only while the DB fails.
    if (!closed && !failing && pending.length + inflightRows >= backlog) {
      post();
      waitUntil(() => pending.length + inflightRows < backlog, Math.min(syncTimeoutMs, BACKPRESSURE_TIMEOUT_MS));
    }
    if (closed || pending.length + inflightRows >= maxPending) {
      s.dropped++;
      if (s.dropped % 1000 === 1) log.warn('telemetry row dropped', { closed, pending: pending.length + inflightRows, dropped: s.dropped });
      return false;
    }
    pending.push([nextId++, ...row]);
    // While the DB is failing, retries wait for the timer instead of hammering it per message.
    if (pending.length >= postAt && !failing) post();
    if (pending.length > 0) arm();
    return true;
  };

  return {
    record,
    flush: flushSync,
    close: () => {
      if (closed) return ok(0);
      // Mark closed first so a failed final flush cannot re-arm the timer.
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      const r = flushSync();
      const w = writer;
      if (w !== null) {
        // Close the writer's connection before the main one closes the file, then end the thread.
        // (A writer that just timed out is not waited for twice.)
        if (r.ok || r.error.code !== 'telemetry_flush_timeout') {
          const seen = Atomics.load(w.flag, 0);
          w.port.postMessage({ type: 'close' });
          Atomics.wait(w.flag, 0, seen, syncTimeoutMs);
          drain(w);
        }
        void w.worker.terminate();
      }
      return r;
    },
    stats,
    track: (sn, q = {}) => {
      if (!closed) flushSync();
      return track(sn, q);
    },
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}
