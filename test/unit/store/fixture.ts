/** A fully migrated `:memory:` database for module tests. */
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { migrate } from '../../../electron/core/store/migrate';

export { count } from './helpers';

export function memoryDb(): Db {
  const db = openDatabase(':memory:');
  const r = migrate(db);
  if (!r.ok) throw new Error(r.error.message);
  return db;
}
