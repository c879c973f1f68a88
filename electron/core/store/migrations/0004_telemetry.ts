/** 0004: every OSD message, with the position pulled out for tracks. */
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'telemetry',
  up(db) {
    db.exec(`
      CREATE TABLE telemetry (
        id        INTEGER PRIMARY KEY,
        sn        TEXT NOT NULL,
        t         INTEGER NOT NULL,
        latitude  REAL,
        longitude REAL,
        height    REAL,
        data      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX telemetry_sn_t ON telemetry (sn, t);
    `);
  },
};
