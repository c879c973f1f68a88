/**
 * 0007: multipart parts may live inside their upload's shared data file (at `file_offset`), so that Complete
 * can commit that file as the object instead of copying every part once more. NULL keeps the 0006 meaning:
 * the part is its own file, from byte 0.
 */
import type { Migration } from './types';

export const migration0007: Migration = {
  version: 7,
  name: 'multipart_layout',
  up(db) {
    db.exec('ALTER TABLE s3_parts ADD COLUMN file_offset INTEGER');
  },
};
