import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/db';
import { migrate, schemaVersion } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { openStore } from '../../../electron/core/store/store';

const CHILD = fileURLToPath(new URL('./sigkill-child.ts', import.meta.url));
const BATCH = 500;
const KILL_AFTER_BATCHES = 6;

interface ChildOutcome {
  readonly signal: NodeJS.Signals | null;
  readonly lastCommitted: number;
  readonly commitLines: number;
  readonly lastRecorded: number;
  readonly stderr: string;
}

/**
 * Runs the writer and SIGKILLs it `delayMs` after it reported its Nth committed
 * batch (different delays land the kill at different points: between batches,
 * inside a transaction, during JSON encoding). Resolves once its stdout is drained.
 */
function runAndKill(file: string, delayMs: number): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(BATCH)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = -1;
    let commitLines = 0;
    let lastRecorded = -1;
    let stderr = '';
    let buf = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, n] = line.split(' ');
        if (kind === 'committed') {
          lastCommitted = Number(n);
          commitLines++;
          if (commitLines === KILL_AFTER_BATCHES) setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (kind === 'recorded') lastRecorded = Number(n);
      }
    });
    child.on('error', reject);
    // 'close' fires after the process exited AND its stdio streams ended, so every
    // line the child managed to write before dying has been parsed by now.
    child.on('close', (_code, signal) => resolve({ signal, lastCommitted, commitLines, lastRecorded, stderr }));
  });
}

describe('telemetry survives SIGKILL', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-sigkill-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([0, 4, 9, 17, 30])('kill %d ms after a commit: keeps every committed batch, loses at most the last batch', async (delayMs) => {
    const file = join(dir, 'outpost.db');
    const out = await runAndKill(file, delayMs);

    expect(out.stderr).not.toMatch(/error/i);
    expect(out.signal).toBe('SIGKILL');
    expect(out.commitLines).toBeGreaterThanOrEqual(KILL_AFTER_BATCHES);
    // The writer commits half batches (see telemetry-worker.ts).
    expect(out.lastCommitted).toBeGreaterThanOrEqual((KILL_AFTER_BATCHES * BATCH) / 2);
    // The writer died mid-flight: its WAL was never checkpointed and removed.
    expect(existsSync(`${file}-wal`)).toBe(true);

    const db = openDatabase(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(migrate(db)).toEqual({ ok: true, value: { from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] } });

      const { rows, minT, maxT, distinctT } = db
        .prepare('SELECT count(*) AS rows, min(t) AS minT, max(t) AS maxT, count(DISTINCT t) AS distinctT FROM telemetry')
        .get() as { rows: number; minT: number; maxT: number; distinctT: number };

      // Nothing the child reported as committed is missing…
      expect(rows).toBeGreaterThanOrEqual(out.lastCommitted);
      // …what committed after its last report was in flight to the writer thread (killed before the ack)…
      expect(rows).toBeLessThanOrEqual(out.lastCommitted + BATCH);
      // …and of what the child had accepted at its last report, at most one batch was lost.
      expect(rows).toBeGreaterThanOrEqual(out.lastRecorded - BATCH);
      // Whole batches only, in order: rows are exactly t = 0 … rows-1, no holes, no duplicates.
      expect([minT, maxT, distinctT]).toEqual([0, rows - 1, rows]);
      const sample = db.prepare('SELECT latitude, data FROM telemetry WHERE t = ?').get(rows - 1) as { latitude: number; data: string };
      expect(JSON.parse(sample.data)).toMatchObject({ latitude: sample.latitude, mode_code: 3 });
    } finally {
      db.close();
    }

    // The recovered file is fully usable by the app again.
    const reopened = openStore(file);
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    reopened.value.recorder.record('1581F5BMD2323001', 10_000_000, { latitude: 1, longitude: 2, height: 3 });
    expect(reopened.value.recorder.track('1581F5BMD2323001', { sinceMs: 10_000_000 })).toEqual([
      { t: 10_000_000, latitude: 1, longitude: 2, height: 3 },
    ]);
    reopened.value.close();
  });
});
