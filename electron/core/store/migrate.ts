/** Runs pending migrations against `PRAGMA user_version`, one transaction each. */
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrateReport {
  readonly from: number;
  readonly to: number;
  /** `0003_events` style names of what ran now, in order. */
  readonly applied: readonly string[];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` up to the last migration in `migrations`. A DB written by a newer
 * Outpost is refused rather than half-understood: writing to tables whose meaning
 * changed would corrupt the user's history.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Result<MigrateReport> {
  const listError = checkList(migrations);
  if (listError !== null) return err(appError('migration_list_invalid', listError));
  const from = schemaVersion(db);
  const known = migrations.length;
  if (from > known) {
    return err(
      appError(
        'schema_too_new',
        `This database has schema version ${from}, but this version of Outpost only knows up to ${known}. ` +
          'Update Outpost, or open a different data folder.',
        { found: from, known },
      ),
    );
  }
  const applied: string[] = [];
  for (const m of migrations.slice(from)) {
    const label = `${String(m.version).padStart(4, '0')}_${m.name}`;
    try {
      // user_version lives in the DB header and is written inside the same
      // transaction, so a crash leaves either the old schema or the new one.
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (e) {
      return err(appError('migration_failed', `Migration ${label} failed: ${(e as Error).message}`, { version: m.version }));
    }
    applied.push(label);
  }
  return ok({ from, to: schemaVersion(db), applied });
}

/** Versions must be exactly 1..n in order, so `user_version` indexes the list. */
function checkList(migrations: readonly Migration[]): string | null {
  for (const [i, m] of migrations.entries()) {
    if (m.version !== i + 1) return `Migration at position ${i} has version ${m.version}, expected ${i + 1}.`;
  }
  return null;
}
