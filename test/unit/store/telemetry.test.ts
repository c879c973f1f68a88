import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../electron/core/store/db';
import { createRecorder, type RecorderOptions, type RecorderStats } from '../../../electron/core/store/telemetry';
import { systemClock } from '../../../electron/core/util/clock';
import { createLogger } from '../../../electron/core/util/log';
import { count, memoryDb } from './fixture';

const osd = (lat: number, lon: number, extra: Record<string, unknown> = {}) => ({ latitude: lat, longitude: lon, height: 100, mode_code: 3, ...extra });

describe('telemetry recorder', () => {
  let db: Db;
  let lines: string[];
  const make = (o: RecorderOptions = {}) =>
    createRecorder(db, { clock: systemClock, logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }), ...o });

  beforeEach(() => {
    vi.useFakeTimers();
    db = memoryDb();
    lines = [];
  });
  afterEach(() => {
    db.close();
    vi.useRealTimers();
  });

  it('holds rows until the flush interval, then commits them', () => {
    const rec = make({ batchSize: 100, flushIntervalMs: 200 });
    rec.record('AC1', 1000, osd(22.5, 113.9));
    rec.record('AC1', 1100, osd(22.6, 114.0));
    expect(count(db, 'telemetry')).toBe(0);
    expect(rec.stats()).toMatchObject({ pending: 2, rowsWritten: 0, batches: 0, lastFlushMs: null });
    vi.advanceTimersByTime(199);
    expect(count(db, 'telemetry')).toBe(0);
    vi.advanceTimersByTime(1);
    expect(count(db, 'telemetry')).toBe(2);
    expect(rec.stats()).toMatchObject({ pending: 0, rowsWritten: 2, batches: 1 });
    expect(rec.stats().lastFlushMs).toBeGreaterThanOrEqual(0);
    expect(vi.getTimerCount()).toBe(0); // idle: no timer left running
  });

  it('commits at once when a batch fills, one batch per transaction', () => {
    const seen: RecorderStats[] = [];
    const rec = make({ batchSize: 3, onFlush: (s) => seen.push(s) });
    for (let i = 0; i < 7; i++) rec.record('AC1', i, osd(1, 1));
    expect(count(db, 'telemetry')).toBe(6);
    expect(seen.map((s) => [s.rowsWritten, s.batches])).toEqual([
      [3, 1],
      [6, 2],
    ]);
    expect(rec.stats().pending).toBe(1);
    expect(rec.flush()).toEqual({ ok: true, value: 1 });
    expect(count(db, 'telemetry')).toBe(7);
  });

  it('a throwing onFlush observer is logged, and the batch still counts as committed', () => {
    const rec = make({ batchSize: 2, onFlush: () => { throw new Error('observer broke'); } });
    expect(rec.record('AC1', 1, osd(1, 1))).toBe(true);
    expect(rec.record('AC1', 2, osd(1, 1))).toBe(true);
    expect(count(db, 'telemetry')).toBe(2);
    expect(rec.stats()).toMatchObject({ rowsWritten: 2, flushErrors: 0 });
    expect(lines.some((l) => l.includes('observer broke'))).toBe(true);
  });

  it('stores the raw OSD JSON and pulls out the position when present', () => {
    const rec = make();
    const data = osd(22.5796, 113.9425, { elevation: 80.5, battery: { capacity_percent: 78 } });
    rec.record('AC1', 1700000000123, data);
    rec.record('DOCK1', 1700000000124, { mode_code: 0, temperature: 21 });
    rec.flush();
    expect(db.prepare('SELECT sn, t, latitude, longitude, height, data FROM telemetry ORDER BY id').all()).toEqual([
      { sn: 'AC1', t: 1700000000123, latitude: 22.5796, longitude: 113.9425, height: 100, data: JSON.stringify(data) },
      { sn: 'DOCK1', t: 1700000000124, latitude: null, longitude: null, height: null, data: '{"mode_code":0,"temperature":21}' },
    ]);
  });

  it('rejects and counts bad input without throwing', () => {
    const rec = make();
    const cyclic: Record<string, unknown> = { latitude: 1 };
    cyclic.self = cyclic;
    expect(rec.record('', 1, osd(1, 1))).toBe(false);
    expect(rec.record('AC1', Number.NaN, osd(1, 1))).toBe(false);
    expect(rec.record('AC1', 1, null as unknown as Record<string, unknown>)).toBe(false);
    expect(rec.record('AC1', 1, cyclic)).toBe(false);
    expect(rec.record('AC1', 2, { latitude: 'north', height: Infinity })).toBe(true);
    rec.flush();
    expect(rec.stats()).toMatchObject({ rejected: 4, rowsWritten: 1 });
    expect(db.prepare('SELECT latitude, height FROM telemetry').get()).toEqual({ latitude: null, height: null });
    expect(lines.filter((l) => l.includes('telemetry row rejected'))).toHaveLength(1); // rate-limited
  });

  it('keeps rows when the database refuses a batch, and retries on the timer', () => {
    const rec = make({ batchSize: 2, flushIntervalMs: 200 });
    db.exec("CREATE TRIGGER fail BEFORE INSERT ON telemetry WHEN NEW.t = 2 BEGIN SELECT RAISE(ABORT, 'simulated disk full'); END");
    rec.record('AC1', 1, osd(1, 1));
    rec.record('AC1', 2, osd(1, 1)); // batch [1, 2] fails as a whole
    expect(count(db, 'telemetry')).toBe(0);
    expect(rec.stats()).toMatchObject({ pending: 2, flushErrors: 1, rowsWritten: 0 });
    expect(lines.some((l) => l.includes('ERROR') && l.includes('simulated disk full'))).toBe(true);
    rec.record('AC1', 3, osd(1, 1)); // while failing, no per-message retry
    expect(rec.stats().flushErrors).toBe(1);
    db.exec('DROP TRIGGER fail');
    vi.advanceTimersByTime(200);
    expect(db.prepare('SELECT t FROM telemetry ORDER BY id').all()).toEqual([{ t: 1 }, { t: 2 }, { t: 3 }]);
    expect(rec.stats()).toMatchObject({ pending: 0, rowsWritten: 3, batches: 2 });
  });

  it('drops and counts rows beyond maxPending while the database is failing', () => {
    const rec = make({ batchSize: 2, maxPending: 4 });
    db.exec("CREATE TRIGGER fail BEFORE INSERT ON telemetry BEGIN SELECT RAISE(ABORT, 'locked'); END");
    for (let i = 0; i < 6; i++) rec.record('AC1', i, osd(1, 1));
    expect(rec.stats()).toMatchObject({ pending: 4, dropped: 2 });
    db.exec('DROP TRIGGER fail');
    expect(rec.flush()).toEqual({ ok: true, value: 4 });
  });

  it('close flushes, stops the timer, refuses further rows and is idempotent', () => {
    const rec = make({ batchSize: 100 });
    rec.record('AC1', 1, osd(1, 1));
    expect(vi.getTimerCount()).toBe(1);
    expect(rec.close()).toEqual({ ok: true, value: 1 });
    expect(vi.getTimerCount()).toBe(0);
    expect(rec.record('AC1', 2, osd(1, 1))).toBe(false);
    expect(rec.stats()).toMatchObject({ rowsWritten: 1, dropped: 1, pending: 0 });
    expect(rec.close()).toEqual({ ok: true, value: 0 });
  });

  describe('track', () => {
    it('returns positions only, ascending, for one device, including unflushed rows', () => {
      const rec = make({ batchSize: 1000 });
      rec.record('AC1', 300, osd(22.3, 113.3));
      rec.record('AC1', 100, osd(22.1, 113.1, { height: 50 }));
      rec.record('AC1', 200, { mode_code: 0 }); // no position
      rec.record('AC1', 250, osd(0, 0)); // no GPS fix yet
      rec.record('AC2', 150, osd(1, 1));
      rec.record('AC1', 400, { latitude: 22.4, longitude: 113.4 }); // no height
      expect(rec.track('AC1')).toEqual([
        { t: 100, latitude: 22.1, longitude: 113.1, height: 50 },
        { t: 300, latitude: 22.3, longitude: 113.3, height: 100 },
        { t: 400, latitude: 22.4, longitude: 113.4, height: null },
      ]);
      expect(rec.stats().pending).toBe(0);
    });

    it('honours sinceMs and keeps the latest `limit` points', () => {
      const rec = make();
      for (let i = 0; i < 10; i++) rec.record('AC1', 1000 + i * 100, osd(22 + i / 100, 113));
      expect(rec.track('AC1', { sinceMs: 1500 }).map((p) => p.t)).toEqual([1500, 1600, 1700, 1800, 1900]);
      expect(rec.track('AC1', { limit: 3 }).map((p) => p.t)).toEqual([1700, 1800, 1900]);
      expect(rec.track('AC1', { sinceMs: 1200, limit: 2 }).map((p) => p.t)).toEqual([1800, 1900]);
      expect(rec.track('nobody')).toEqual([]);
    });
  });
});
