/** 0001: devices and the gateway → sub-device topology (from `update_topo`). */
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        sn           TEXT PRIMARY KEY NOT NULL,
        model_key    TEXT,
        device_class TEXT NOT NULL DEFAULT 'unknown',
        gateway_sn   TEXT,
        online       INTEGER NOT NULL DEFAULT 0,
        callsign     TEXT,
        first_seen   INTEGER NOT NULL,
        last_seen    INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
      ) STRICT;

      -- One row per sub-device: a child is attached to at most one gateway, the
      -- latest update_topo wins. idx is DJI's sub_devices[].index (text, e.g. "A").
      CREATE TABLE topology (
        child_sn   TEXT PRIMARY KEY NOT NULL,
        gateway_sn TEXT NOT NULL,
        model_key  TEXT,
        idx        TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX topology_gateway ON topology (gateway_sn);
    `);
  },
};
