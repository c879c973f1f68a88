/**
 * Until migration 0006_media is in the shared MIGRATIONS list (it needed the numbers before it), a test data dir
 * gets the media tables up front so the real engine runs with media. A no-op once 0006 is listed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/core/store/db';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { migration0006 } from '../../../electron/core/store/migrations/0006_media';
import { migration0007 } from '../../../electron/core/store/migrations/0007_multipart_layout';

export function prepareMediaDb(dataDir: string): void {
  if (MIGRATIONS.some((m) => m.name === 'media')) return;
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'outpost.db'));
  db.transaction(() => (migration0006.up(db), migration0007.up(db)))();
  db.close();
}
