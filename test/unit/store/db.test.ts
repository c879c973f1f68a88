import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, PAGE_SIZE } from '../../../electron/core/store/db';

const require = createRequire(import.meta.url);
const realBinding = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('openDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-db-'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file in WAL mode with NORMAL sync, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(dir, 'a.db'), { busyTimeoutMs: 1234 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    db.exec('CREATE TABLE t (x)');
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    db.close();
  });

  it('keeps the page size of an existing database', () => {
    const file = join(dir, 'old.db');
    const raw = new Database(file);
    raw.pragma('page_size = 4096');
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('uses the native binding named by OUTPOST_SQLITE_BINDING', () => {
    vi.stubEnv('OUTPOST_SQLITE_BINDING', realBinding);
    const db = openDatabase(join(dir, 'b.db'));
    expect(db.prepare('SELECT 1 + 1 AS v').get()).toEqual({ v: 2 });
    db.close();

    // A wrong path must fail loudly, which proves the option reaches better-sqlite3.
    vi.stubEnv('OUTPOST_SQLITE_BINDING', join(dir, 'missing.node'));
    expect(() => openDatabase(join(dir, 'c.db'))).toThrow();
  });

  it('an explicit nativeBinding wins over the environment', () => {
    vi.stubEnv('OUTPOST_SQLITE_BINDING', join(dir, 'missing.node'));
    const db = openDatabase(join(dir, 'd.db'), { nativeBinding: realBinding });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('an empty OUTPOST_SQLITE_BINDING falls back to the default build', () => {
    vi.stubEnv('OUTPOST_SQLITE_BINDING', '  ');
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
