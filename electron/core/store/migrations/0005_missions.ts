/**
 * 0006: waylines (metadata; the KMZ bytes live in DATA_DIR/waylines/<id>.kmz with their MD5), flight tasks and
 * every task event. IF NOT EXISTS: the missions feature also runs this on start, so it works before the index
 * lists it (idempotent; see electron/core/missions/store.ts).
 */
import type { Migration } from './types';

export const MISSIONS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS waylines (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    drone_enum      INTEGER NOT NULL,
    drone_sub_enum  INTEGER NOT NULL,
    payload_enums   TEXT NOT NULL,
    template_types  TEXT NOT NULL,
    distance_m      REAL NOT NULL,
    duration_s      INTEGER NOT NULL,
    waypoint_count  INTEGER NOT NULL,
    height_mode     TEXT NOT NULL,
    path            TEXT NOT NULL,
    draft           TEXT,
    favourite       INTEGER NOT NULL DEFAULT 0,
    md5             TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS waylines_updated ON waylines (updated_at);

  CREATE TABLE IF NOT EXISTS flight_tasks (
    flight_id       TEXT PRIMARY KEY,
    gateway_sn      TEXT NOT NULL,
    wayline_id      TEXT NOT NULL,
    wayline_name    TEXT NOT NULL,
    task_type       INTEGER NOT NULL,
    execute_time    INTEGER,
    prepare         TEXT NOT NULL,
    status          TEXT NOT NULL,
    percent         INTEGER NOT NULL DEFAULT 0,
    current_step    INTEGER,
    waypoint_index  INTEGER,
    mission_state   INTEGER,
    media_count     INTEGER NOT NULL DEFAULT 0,
    error_code      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS flight_tasks_gateway ON flight_tasks (gateway_sn, created_at);

  CREATE TABLE IF NOT EXISTS flight_task_events (
    id          INTEGER PRIMARY KEY,
    flight_id   TEXT NOT NULL,
    method      TEXT NOT NULL,
    data        TEXT NOT NULL,
    received_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS flight_task_events_flight ON flight_task_events (flight_id, id);
`;

export const migration0005: Migration = {
  version: 5,
  name: 'missions',
  up(db) {
    db.exec(MISSIONS_SCHEMA);
  },
};
