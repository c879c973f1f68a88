/** Opens a better-sqlite3 database tuned for a write-heavy local store (WAL, NORMAL sync, FKs on). */
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path to a better_sqlite3.node built for the running ABI. The Electron shell
   * needs an Electron-ABI build while tests use the Node one, so the default
   * comes from env OUTPOST_SQLITE_BINDING and falls back to the package's own.
   */
  readonly nativeBinding?: string;
  /** How long a writer waits for a lock held by another connection. */
  readonly busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
export const PAGE_SIZE = 16_384;

/**
 * Opens (creating if needed) `file`, or `:memory:`. Throws what better-sqlite3
 * throws (bad path, not a database, wrong ABI); `openStore` turns that into a value.
 */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Db {
  const nativeBinding = opts.nativeBinding ?? nonEmpty(process.env.OUTPOST_SQLITE_BINDING);
  const db = new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
  try {
    // Telemetry rows carry ~2 KB of OSD JSON; 16 KiB pages cut the B-tree work per
    // row by about a third (measured). Only takes effect on a new, empty file.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    // WAL: readers never block the telemetry writer; NORMAL: in WAL mode a crash
    // (even SIGKILL) cannot corrupt the file, at worst the last commits before a
    // power cut are lost, which is the trade we want at 30k rows/s.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}
