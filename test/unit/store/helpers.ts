/** Schema inspection helpers for the store tests. */
import type { Db } from '../../../electron/core/store/db';

export function columns(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((r) => r.name);
}

export function indexes(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name`).all(table) as { name: string }[]).map(
    (r) => r.name,
  );
}

/** Every schema object's SQL, to prove a re-run changed nothing. */
export function schemaSnapshot(db: Db): string[] {
  return (db.prepare(`SELECT type || ' ' || name || ' ' || COALESCE(sql, '') AS s FROM sqlite_master ORDER BY name`).all() as { s: string }[]).map(
    (r) => r.s,
  );
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
