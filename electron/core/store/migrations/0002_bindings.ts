/** 0002: organizations and device bindings (dock `airport_organization_bind`). */
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'bindings',
  up(db) {
    db.exec(`
      CREATE TABLE organizations (
        id           TEXT PRIMARY KEY NOT NULL,
        name         TEXT NOT NULL,
        binding_code TEXT NOT NULL UNIQUE,
        created_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE device_bindings (
        sn               TEXT PRIMARY KEY NOT NULL,
        organization_id  TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        callsign         TEXT NOT NULL,
        device_model_key TEXT,
        bound_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX device_bindings_org ON device_bindings (organization_id);
    `);
  },
};
