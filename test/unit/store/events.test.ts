import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/store/db';
import { clampLimit, createEventStore, type EventStore } from '../../../electron/core/store/events';
import type { HmsEntry } from '../../../shared/model/device';
import { memoryDb } from './fixture';

const hms = (code: string, receivedAt: number, over: Partial<HmsEntry> = {}): HmsEntry => ({
  code,
  level: 2,
  module: 3,
  inTheSky: true,
  text: `text ${code}`,
  receivedAt,
  ...over,
});

describe('event store', () => {
  let db: Db;
  let events: EventStore;
  beforeEach(() => {
    db = memoryDb();
    events = createEventStore(db);
  });
  afterEach(() => db.close());

  it('inserts HMS entries with their module, sky flag and args', () => {
    expect(events.insertHms('AC1', [hms('0x16100083', 10, { args: { component_index: 0, sensor_index: 1 } }), hms('0x1B010001', 11, { inTheSky: false })])).toBe(2);
    expect(db.prepare('SELECT code, level, module, in_the_sky, args FROM hms ORDER BY id').all()).toEqual([
      { code: '0x16100083', level: 2, module: 3, in_the_sky: 1, args: '{"component_index":0,"sensor_index":1}' },
      { code: '0x1B010001', level: 2, module: 3, in_the_sky: 0, args: null },
    ]);
    expect(events.insertHms('AC1', [])).toBe(0);
  });

  it('returns recent HMS newest first, filtered by sn and limited', () => {
    events.insertHms('AC1', [hms('A', 10), hms('B', 30)]);
    events.insertHms('DOCK1', [hms('C', 20, { level: 0, text: 'dock notice' })]);
    const all = events.recentHms({ limit: 10 });
    expect(all.map((r) => r.code)).toEqual(['B', 'C', 'A']);
    expect(all[1]).toEqual({ id: expect.any(Number), sn: 'DOCK1', code: 'C', level: 0, text: 'dock notice', receivedAt: 20 });
    expect(events.recentHms({ sn: 'AC1', limit: 10 }).map((r) => r.code)).toEqual(['B', 'A']);
    expect(events.recentHms({ limit: 1 }).map((r) => r.code)).toEqual(['B']);
    expect(events.recentHms({ sn: 'nobody' })).toEqual([]);
  });

  it('logs device events as JSON and reads them back', () => {
    const id = events.insertEvent('DOCK1', 'flighttask_progress', { output: { status: 'in_progress', progress: { percent: 40 } } }, 50);
    expect(id).toEqual({ ok: true, value: expect.any(Number) });
    events.insertEvent('DOCK2', 'return_home_info', { flight_id: 'f' }, 60);
    expect(events.recentEvents({ sn: 'DOCK1' })).toEqual([
      { id: id.ok ? id.value : -1, sn: 'DOCK1', method: 'flighttask_progress', data: { output: { status: 'in_progress', progress: { percent: 40 } } }, receivedAt: 50 },
    ]);
    expect(events.recentEvents({ limit: 5 }).map((e) => e.method)).toEqual(['return_home_info', 'flighttask_progress']);
  });

  it('refuses data that cannot be JSON without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const r = events.insertEvent('DOCK1', 'x', cyclic, 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'unserializable' } });
    expect(events.insertEvent('DOCK1', 'x', 10n, 1)).toMatchObject({ ok: false, error: { code: 'unserializable' } });
    expect(events.recentEvents({})).toEqual([]);
  });

  it('clamps limits to a sane range', () => {
    expect(clampLimit(undefined)).toBe(100);
    expect(clampLimit(0)).toBe(1);
    expect(clampLimit(-5)).toBe(1);
    expect(clampLimit(2.9)).toBe(2);
    expect(clampLimit(Number.NaN)).toBe(100);
    expect(clampLimit(1e9)).toBe(10_000);
  });
});
