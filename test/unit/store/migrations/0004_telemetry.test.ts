import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/db';
import { schemaVersion } from '../../../../electron/core/store/migrate';
import { columns, indexes, schemaSnapshot } from '../helpers';
import { migrateTo } from './helpers';

describe('migration 0004_telemetry', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('adds telemetry with an (sn, t) index, keeping earlier data', () => {
    migrateTo(db, 3);
    db.prepare("INSERT INTO hms (sn, code, level, module, in_the_sky, text, received_at) VALUES ('D', '0x16100083', 2, 3, 1, 'x', 9)").run();
    db.prepare("INSERT INTO device_events (sn, method, data, received_at) VALUES ('D', 'fly_to_point_progress', '{}', 9)").run();

    expect(migrateTo(db, 4)).toEqual(['0004_telemetry']);
    expect(schemaVersion(db)).toBe(4);
    expect(columns(db, 'telemetry')).toEqual(['id', 'sn', 't', 'latitude', 'longitude', 'height', 'data']);
    expect(indexes(db, 'telemetry')).toEqual(['telemetry_sn_t']);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT t FROM telemetry WHERE sn = 'x' AND t >= 5 ORDER BY t").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('telemetry_sn_t');
    expect(db.prepare('SELECT code, in_the_sky FROM hms').all()).toEqual([{ code: '0x16100083', in_the_sky: 1 }]);
    expect(db.prepare('SELECT method FROM device_events').all()).toEqual([{ method: 'fly_to_point_progress' }]);
  });

  it('re-running does nothing', () => {
    migrateTo(db, 4);
    db.prepare("INSERT INTO telemetry (sn, t, data) VALUES ('D', 1, '{}')").run();
    const before = schemaSnapshot(db);
    expect(migrateTo(db, 4)).toEqual([]);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM telemetry').get()).toEqual({ n: 1 });
  });
});
