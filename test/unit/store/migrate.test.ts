import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { migrate, schemaVersion } from '../../../electron/core/store/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/core/store/migrations';
import { schemaSnapshot } from './helpers';

describe('migrate', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('lists migrations as 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies every migration to a fresh database and records user_version', () => {
    const r = migrate(db);
    expect(r).toEqual({
      ok: true,
      value: { from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`) },
    });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('does nothing on a second run', () => {
    migrate(db);
    const before = schemaSnapshot(db);
    expect(migrate(db)).toEqual({ ok: true, value: { from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] } });
    expect(schemaSnapshot(db)).toEqual(before);
  });

  it('refuses a database written by a newer Outpost and leaves it untouched', () => {
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    const r = migrate(db);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('schema_too_new');
    expect(r.error.message).toContain(`schema version ${MIGRATIONS.length + 1}`);
    expect(r.error.message).toContain(`only knows up to ${MIGRATIONS.length}`);
    expect(schemaSnapshot(db)).toEqual([]);
  });

  it('rolls a failing migration back completely and reports it', () => {
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const r = migrate(db, [MIGRATIONS[0]!, broken]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('migration_failed');
    expect(r.error.message).toContain('0002_broken');
    // 0001 committed on its own; 0002 left no trace, not even its first table.
    expect(schemaVersion(db)).toBe(1);
    expect(schemaSnapshot(db).some((s) => s.includes('half_done'))).toBe(false);
  });

  it('rejects a list with a gap or wrong order', () => {
    const r = migrate(db, [MIGRATIONS[0]!, MIGRATIONS[2]!]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('migration_list_invalid');
    expect(schemaVersion(db)).toBe(0);
  });
});
