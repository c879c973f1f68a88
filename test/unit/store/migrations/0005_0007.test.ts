/** Migrations 0005 (missions), 0006 (media) and 0007 (multipart layout) on :memory:: tables appear, earlier data survives, re-running does nothing. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/store/migrate';
import { migrateTo } from './helpers';

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations 0005_missions and 0006_media', () => {
  it('0005 adds the mission store on top of 0004, keeping telemetry rows', () => {
    const db = new Database(':memory:');
    migrateTo(db, 4);
    db.prepare("INSERT INTO telemetry (sn, t, latitude, longitude, height, data) VALUES ('A', 1, 1, 2, 3, '{}')").run();
    expect(migrateTo(db, 5)).toEqual(['0005_missions']);
    expect(schemaVersion(db)).toBe(5);
    expect(tables(db)).toEqual(expect.arrayContaining(['waylines', 'flight_tasks', 'flight_task_events']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM telemetry').get()).toEqual({ n: 1 });
  });

  it('0006 adds the media index and the S3 tables on top of 0005', () => {
    const db = new Database(':memory:');
    migrateTo(db, 5);
    expect(migrateTo(db, 6)).toEqual(['0006_media']);
    expect(schemaVersion(db)).toBe(6);
    expect(tables(db)).toEqual(expect.arrayContaining(['s3_objects', 's3_uploads', 's3_parts', 'media_credentials', 'media_files', 'media_settings']));
  });

  it('0007 adds file_offset to s3_parts; parts stored under 0006 keep meaning "own file" (NULL)', () => {
    const db = new Database(':memory:');
    migrateTo(db, 6);
    db.prepare("INSERT INTO s3_uploads (upload_id, bucket, key, content_type, created_at) VALUES ('u1', 'b', 'k', NULL, 1)").run();
    db.prepare("INSERT INTO s3_parts (upload_id, part_number, file, size, etag) VALUES ('u1', 1, '/tmp/p1', 5, 'e')").run();
    expect(migrateTo(db, 7)).toEqual(['0007_multipart_layout']);
    expect(db.prepare('SELECT part_number, file, file_offset FROM s3_parts').all()).toEqual([{ part_number: 1, file: '/tmp/p1', file_offset: null }]);
  });

  it('running all migrations again applies nothing', () => {
    const db = new Database(':memory:');
    migrateTo(db, 7);
    const r = migrate(db);
    expect(r.ok && r.value.applied.length === 0 && r.value.from === r.value.to).toBe(true);
  });
});
