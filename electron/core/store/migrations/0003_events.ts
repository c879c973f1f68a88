/** 0003: HMS alerts and the raw `events` log. */
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'events',
  up(db) {
    db.exec(`
      CREATE TABLE hms (
        id          INTEGER PRIMARY KEY,
        sn          TEXT NOT NULL,
        code        TEXT NOT NULL,
        level       INTEGER NOT NULL,
        module      INTEGER NOT NULL,
        in_the_sky  INTEGER NOT NULL,
        text        TEXT NOT NULL,
        args        TEXT,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX hms_received ON hms (received_at);
      CREATE INDEX hms_sn_received ON hms (sn, received_at);

      CREATE TABLE device_events (
        id          INTEGER PRIMARY KEY,
        sn          TEXT NOT NULL,
        method      TEXT NOT NULL,
        data        TEXT NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX device_events_sn_received ON device_events (sn, received_at);
    `);
  },
};
