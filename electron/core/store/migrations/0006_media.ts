/**
 * 0006: media — the embedded S3 endpoint's object index, multipart uploads in progress, the temporary
 * credentials handed out by storage_config_get / STS, the media library, and media settings.
 * Object bytes live in <dataDir>/media/objects; a row exists only once its file is fsynced and renamed.
 */
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'media',
  up(db) {
    db.exec(`
      CREATE TABLE s3_objects (
        bucket       TEXT NOT NULL,
        key          TEXT NOT NULL,
        file         TEXT NOT NULL,
        size         INTEGER NOT NULL,
        etag         TEXT NOT NULL,
        content_type TEXT,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (bucket, key)
      ) STRICT;

      CREATE TABLE s3_uploads (
        upload_id    TEXT PRIMARY KEY,
        bucket       TEXT NOT NULL,
        key          TEXT NOT NULL,
        content_type TEXT,
        created_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE s3_parts (
        upload_id   TEXT NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE,
        part_number INTEGER NOT NULL,
        file        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        etag        TEXT NOT NULL,
        PRIMARY KEY (upload_id, part_number)
      ) STRICT;

      CREATE TABLE media_credentials (
        access_key_id TEXT PRIMARY KEY,
        secret        TEXT NOT NULL,
        session_token TEXT NOT NULL,
        bucket        TEXT NOT NULL,
        prefix        TEXT NOT NULL,
        holder        TEXT NOT NULL,
        expires_at    INTEGER NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX media_credentials_expires ON media_credentials (expires_at);

      CREATE TABLE media_files (
        id                INTEGER PRIMARY KEY,
        bucket            TEXT NOT NULL,
        object_key        TEXT NOT NULL,
        name              TEXT NOT NULL,
        path              TEXT,
        source            TEXT NOT NULL,
        gateway_sn        TEXT,
        drone_model_key   TEXT,
        payload_model_key TEXT,
        flight_id         TEXT,
        file_group_id     TEXT,
        is_original       INTEGER,
        sub_file_type     INTEGER,
        kind              TEXT NOT NULL,
        fingerprint       TEXT,
        tiny_fingerprint  TEXT,
        captured_at       INTEGER,
        lat               REAL,
        lng               REAL,
        absolute_altitude REAL,
        relative_altitude REAL,
        gimbal_yaw        REAL,
        size              INTEGER,
        thumb             TEXT,
        received_at       INTEGER NOT NULL,
        UNIQUE (bucket, object_key)
      ) STRICT;
      CREATE INDEX media_files_fingerprint ON media_files (fingerprint);
      CREATE INDEX media_files_tiny ON media_files (tiny_fingerprint);
      CREATE INDEX media_files_flight ON media_files (flight_id);
      CREATE INDEX media_files_captured ON media_files (captured_at);

      CREATE TABLE media_settings (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
