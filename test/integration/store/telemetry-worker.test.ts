import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { migrate } from '../../../electron/core/store/migrate';
import { createRecorder, type RecorderOptions, type RecorderStats, type TelemetryRecorder } from '../../../electron/core/store/telemetry';
import { createWorkerRecorder } from '../../../electron/core/store/telemetry-worker';
import { createLogger } from '../../../electron/core/util/log';

const osd = (i: number) => ({ latitude: 22 + i / 1e4, longitude: 113, height: 100, mode_code: 3 });

/** The recorder's writer thread on a real WAL file, checked through a second connection. */
describe('telemetry recorder on its writer thread', () => {
  let dir: string;
  let db: Db;
  let lines: string[];
  let recs: TelemetryRecorder[];
  const opts = (o: RecorderOptions = {}): RecorderOptions => ({ logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }), ...o });
  const make = (o: RecorderOptions = {}): TelemetryRecorder => {
    const r = createRecorder(db, opts(o));
    recs.push(r);
    return r;
  };
  const ts = (): number[] => (db.prepare('SELECT t FROM telemetry ORDER BY id').all() as { t: number }[]).map((r) => r.t);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-recw-'));
    db = openDatabase(join(dir, 'outpost.db'));
    const m = migrate(db);
    if (!m.ok) throw new Error(m.error.message);
    lines = [];
    recs = [];
  });
  afterEach(() => {
    for (const r of recs) r.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('track() right after record() sees the rows the writer thread committed', () => {
    const rec = make({ batchSize: 1000 });
    rec.record('AC1', 200, osd(2));
    rec.record('AC1', 100, osd(1));
    expect(rec.stats().pending).toBe(2);
    expect(rec.track('AC1').map((p) => p.t)).toEqual([100, 200]);
    expect(rec.stats()).toMatchObject({ pending: 0, rowsWritten: 2, batches: 1, flushErrors: 0 });
  });

  it('stats and onFlush follow the writer acknowledgements, off the calling thread', async () => {
    const seen: RecorderStats[] = [];
    let done!: () => void;
    const twoBatches = new Promise<void>((r) => (done = r));
    // batchSize 6: rows go to the writer three at a time (half a batch); the last two wait for the timer.
    const rec = make({ batchSize: 6, flushIntervalMs: 20, onFlush: (s) => (seen.push(s), s.batches === 2 && done()) });
    for (let i = 0; i < 5; i++) rec.record('AC1', i, osd(i));
    // Posted, not yet acknowledged: nothing counts as written yet.
    expect(rec.stats()).toMatchObject({ rowsWritten: 0, pending: 5 });
    await twoBatches;
    expect(seen.map((s) => [s.rowsWritten, s.batches])).toEqual([
      [3, 1],
      [5, 2],
    ]);
    expect(seen[1]!.lastFlushMs).toBeGreaterThanOrEqual(0);
    expect(ts()).toEqual([0, 1, 2, 3, 4]);
    expect(rec.record('AC1', 5, osd(5))).toBe(true);
    expect(rec.flush()).toEqual({ ok: true, value: 1 });
    expect(rec.stats()).toMatchObject({ rowsWritten: 6, pending: 0 });
  });

  it('never holds more than one batch unacknowledged: a producer faster than the writer waits for it', () => {
    const rec = make({ batchSize: 100, flushIntervalMs: 10_000 });
    let most = 0;
    for (let i = 0; i < 5_000; i++) {
      rec.record('AC1', i, osd(i));
      most = Math.max(most, rec.stats().pending);
    }
    expect(most).toBeLessThanOrEqual(100);
    // Synchronous records never yield, so every commit seen so far was awaited by record() itself.
    expect(rec.stats().rowsWritten).toBeGreaterThanOrEqual(5_000 - 100);
    expect(rec.flush().ok).toBe(true);
    expect(ts()).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
  });

  it('a batch the database refuses is kept, reported, and committed in order on a later flush', async () => {
    const rec = make({ batchSize: 4, flushIntervalMs: 20 }); // posted two rows at a time
    db.exec("CREATE TRIGGER fail BEFORE INSERT ON telemetry WHEN NEW.t = 2 BEGIN SELECT RAISE(ABORT, 'simulated disk full'); END");
    rec.record('AC1', 1, osd(1));
    rec.record('AC1', 2, osd(2)); // batch [1, 2] fails as a whole in the writer
    rec.record('AC1', 3, osd(3));
    rec.record('AC1', 4, osd(4)); // batch [3, 4] was posted behind it: skipped, not written out of order
    const r = rec.flush();
    expect(r).toMatchObject({ ok: false, error: { code: 'telemetry_flush_failed' } });
    if (!r.ok) expect(r.error.message).toContain('simulated disk full');
    expect(ts()).toEqual([]);
    expect(rec.stats()).toMatchObject({ pending: 4, rowsWritten: 0 });
    expect(rec.stats().flushErrors).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.includes('ERROR') && l.includes('simulated disk full'))).toBe(true);

    db.exec('DROP TRIGGER fail');
    // The retry comes from the timer, not from a caller.
    let done!: () => void;
    const committed = new Promise<void>((res) => (done = res));
    const watcher = setInterval(() => rec.stats().rowsWritten === 4 && done(), 5);
    await committed;
    clearInterval(watcher);
    expect(ts()).toEqual([1, 2, 3, 4]);
    expect(rec.stats()).toMatchObject({ pending: 0, rowsWritten: 4 });
  });

  it('a locked database turns into a timeout error, never a hang, and the rows land once the lock goes', () => {
    const rec = make({ batchSize: 1000, busyTimeoutMs: 3000, syncTimeoutMs: 100 });
    db.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    rec.record('AC1', 1, osd(1));
    expect(rec.flush()).toMatchObject({ ok: false, error: { code: 'telemetry_flush_timeout' } });
    db.exec('COMMIT');
    const again = rec.flush(); // waits for the same, still in-flight batch
    expect(again.ok).toBe(true);
    expect(ts()).toEqual([1]);
  });

  it('a writer thread that dies is restarted and its unacknowledged rows re-sent, without loss or duplicates', async () => {
    const workers: Worker[] = [];
    const N = 19_000;
    let exited: Promise<unknown> | null = null;
    const kill = (s: RecorderStats): void => {
      // Kill the first writer after its third acknowledged batch: some rows are committed, the rest in flight.
      if (s.batches !== 3 || exited !== null) return;
      exited = once(workers[0]!, 'exit');
      void workers[0]!.terminate();
    };
    const rec = createWorkerRecorder(db, opts({ batchSize: 1000, flushIntervalMs: 10, onFlush: kill }), { onWorkerStart: (w) => workers.push(w) });
    recs.push(rec);
    // Like an engine between messages: yield after each chunk so acknowledgements (and the kill) arrive.
    for (let i = 0; i < N; i++) {
      rec.record('AC1', i, osd(i));
      if (i % 250 === 249) await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise<void>((res) => {
      const poll = setInterval(() => exited !== null && (clearInterval(poll), res()), 1);
    });
    await exited;
    for (let i = N; i < N + 500; i++) rec.record('AC1', i, osd(i));
    expect(rec.flush().ok).toBe(true);
    expect(workers.length).toBe(2);
    expect(lines.some((l) => l.includes('writer thread exited'))).toBe(true);
    const { n, uniq, lo, hi } = db.prepare('SELECT count(*) AS n, count(DISTINCT t) AS uniq, min(t) AS lo, max(t) AS hi FROM telemetry').get() as Record<string, number>;
    expect({ n, uniq, lo, hi }).toEqual({ n: N + 500, uniq: N + 500, lo: 0, hi: N + 499 });
    expect(ts()).toEqual(Array.from({ length: N + 500 }, (_, i) => i)); // in order
    expect(rec.stats()).toMatchObject({ pending: 0, rowsWritten: N + 500 });
  });

  it("thread: 'main' keeps the in-thread writer for a file", () => {
    const rec = make({ batchSize: 2, thread: 'main' });
    rec.record('AC1', 1, osd(1));
    rec.record('AC1', 2, osd(2));
    expect(ts()).toEqual([1, 2]); // committed synchronously by record()
    expect(rec.stats()).toMatchObject({ rowsWritten: 2, pending: 0 });
  });

  it('close() commits everything, ends the thread and refuses further rows', () => {
    const workers: Worker[] = [];
    const rec = createWorkerRecorder(db, opts({ batchSize: 1000 }), { onWorkerStart: (w) => workers.push(w) });
    for (let i = 0; i < 10; i++) rec.record('AC1', i, osd(i));
    expect(rec.close()).toEqual({ ok: true, value: 10 });
    expect(ts()).toHaveLength(10);
    expect(rec.record('AC1', 11, osd(11))).toBe(false);
    expect(rec.close()).toEqual({ ok: true, value: 0 });
    expect(workers).toHaveLength(1);
  });
});
