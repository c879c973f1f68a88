/** HMS alerts (`events` method `hms`) and a log of every other device event. */
import type { HmsRecord } from '../../../shared/ipc/contract';
import type { HmsEntry } from '../../../shared/model/device';
import { err, ok, type Result } from '../../../shared/util/result';
import type { Db } from './db';
import { fromJson, toJson } from './json';

export interface DeviceEventRecord {
  readonly id: number;
  readonly sn: string;
  readonly method: string;
  readonly data: unknown;
  readonly receivedAt: number;
}

export interface RecentQuery {
  readonly sn?: string;
  readonly limit?: number;
}

export interface EventStore {
  /** Inserts all entries in one transaction; returns how many were written. */
  insertHms(sn: string, entries: readonly HmsEntry[]): number;
  /** Newest first. */
  recentHms(q: RecentQuery): readonly HmsRecord[];
  /** Returns the row id, or an error when `data` cannot be encoded as JSON. */
  insertEvent(sn: string, method: string, data: unknown, at: number): Result<number>;
  /** Newest first. */
  recentEvents(q: RecentQuery): readonly DeviceEventRecord[];
}

export const DEFAULT_RECENT_LIMIT = 100;
export const MAX_RECENT_LIMIT = 10_000;

interface HmsRow {
  id: number;
  sn: string;
  code: string;
  level: number;
  text: string;
  received_at: number;
}

interface EventRow {
  id: number;
  sn: string;
  method: string;
  data: string;
  received_at: number;
}

export function createEventStore(db: Db): EventStore {
  const insertHmsStmt = db.prepare(`
    INSERT INTO hms (sn, code, level, module, in_the_sky, text, args, received_at)
    VALUES (@sn, @code, @level, @module, @in_the_sky, @text, @args, @received_at)
  `);
  const hmsCols = 'id, sn, code, level, text, received_at';
  const recentHmsAll = db.prepare<[number], HmsRow>(`SELECT ${hmsCols} FROM hms ORDER BY received_at DESC, id DESC LIMIT ?`);
  const recentHmsSn = db.prepare<[string, number], HmsRow>(
    `SELECT ${hmsCols} FROM hms WHERE sn = ? ORDER BY received_at DESC, id DESC LIMIT ?`,
  );
  const insertEventStmt = db.prepare('INSERT INTO device_events (sn, method, data, received_at) VALUES (?, ?, ?, ?)');
  const recentEventsAll = db.prepare<[number], EventRow>(
    'SELECT * FROM device_events ORDER BY received_at DESC, id DESC LIMIT ?',
  );
  const recentEventsSn = db.prepare<[string, number], EventRow>(
    'SELECT * FROM device_events WHERE sn = ? ORDER BY received_at DESC, id DESC LIMIT ?',
  );

  const insertMany = db.transaction((sn: string, entries: readonly HmsEntry[]) => {
    for (const e of entries) {
      const args = e.args === undefined ? null : toJson(e.args);
      insertHmsStmt.run({
        sn,
        code: e.code,
        level: Math.trunc(e.level),
        module: Math.trunc(e.module),
        in_the_sky: e.inTheSky ? 1 : 0,
        text: e.text,
        // args come from parsed JSON, so encoding cannot realistically fail; if it
        // does, the alert itself is still worth keeping without its arguments.
        args: args === null || !args.ok ? null : args.value,
        received_at: Math.trunc(e.receivedAt),
      });
    }
    return entries.length;
  });

  return {
    insertHms: (sn, entries) => (entries.length === 0 ? 0 : insertMany(sn, entries)),
    recentHms: (q) => {
      const limit = clampLimit(q.limit);
      const rows = q.sn === undefined ? recentHmsAll.all(limit) : recentHmsSn.all(q.sn, limit);
      return rows.map((r) => ({ id: r.id, sn: r.sn, code: r.code, level: r.level, text: r.text, receivedAt: r.received_at }));
    },
    insertEvent: (sn, method, data, at) => {
      const json = toJson(data);
      if (!json.ok) return err(json.error);
      return ok(Number(insertEventStmt.run(sn, method, json.value, Math.trunc(at)).lastInsertRowid));
    },
    recentEvents: (q) => {
      const limit = clampLimit(q.limit);
      const rows = q.sn === undefined ? recentEventsAll.all(limit) : recentEventsSn.all(q.sn, limit);
      return rows.map((r) => ({ id: r.id, sn: r.sn, method: r.method, data: fromJson(r.data), receivedAt: r.received_at }));
    },
  };
}

export function clampLimit(limit: number | undefined, fallback = DEFAULT_RECENT_LIMIT, max = MAX_RECENT_LIMIT): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.trunc(limit)));
}
