import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/db';
import { schemaVersion } from '../../../../electron/core/store/migrate';
import { columns, indexes, schemaSnapshot } from '../helpers';
import { migrateTo } from './helpers';

describe('migration 0003_events', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('adds hms and device_events, keeping earlier data', () => {
    migrateTo(db, 2);
    db.prepare("INSERT INTO devices (sn, first_seen, last_seen, updated_at) VALUES ('DOCK1', 1, 1, 1)").run();
    db.prepare("INSERT INTO organizations VALUES ('o1', 'Org', 'ABC123', 1)").run();
    db.prepare("INSERT INTO device_bindings VALUES ('DOCK1', 'o1', 'Dock north', '3-2-0', 5)").run();

    expect(migrateTo(db, 3)).toEqual(['0003_events']);
    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'hms')).toEqual(['id', 'sn', 'code', 'level', 'module', 'in_the_sky', 'text', 'args', 'received_at']);
    expect(columns(db, 'device_events')).toEqual(['id', 'sn', 'method', 'data', 'received_at']);
    expect(indexes(db, 'hms')).toEqual(['hms_received', 'hms_sn_received']);
    expect(indexes(db, 'device_events')).toEqual(['device_events_sn_received']);
    expect(db.prepare('SELECT sn, callsign FROM device_bindings').all()).toEqual([{ sn: 'DOCK1', callsign: 'Dock north' }]);
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });
  });

  it('re-running does nothing', () => {
    migrateTo(db, 3);
    db.prepare("INSERT INTO hms (sn, code, level, module, in_the_sky, text, received_at) VALUES ('D', '0x1', 1, 3, 0, 't', 1)").run();
    const before = schemaSnapshot(db);
    expect(migrateTo(db, 3)).toEqual([]);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM hms').get()).toEqual({ n: 1 });
  });
});
