/** Runs the first `version` migrations, as an older Outpost would have. */
import type { Db } from '../../../../electron/core/store/db';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

export function migrateTo(db: Db, version: number): readonly string[] {
  const r = migrate(db, MIGRATIONS.slice(0, version));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.applied;
}
