import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/db';
import { schemaVersion } from '../../../../electron/core/store/migrate';
import { columns, indexes, schemaSnapshot } from '../helpers';
import { migrateTo } from './helpers';

describe('migration 0001_init', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('creates devices and topology', () => {
    expect(migrateTo(db, 1)).toEqual(['0001_init']);
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'devices')).toEqual([
      'sn', 'model_key', 'device_class', 'gateway_sn', 'online', 'callsign', 'first_seen', 'last_seen', 'updated_at',
    ]);
    expect(columns(db, 'topology')).toEqual(['child_sn', 'gateway_sn', 'model_key', 'idx', 'updated_at']);
    expect(indexes(db, 'topology')).toEqual(['topology_gateway']);
  });

  it('re-running does nothing', () => {
    migrateTo(db, 1);
    db.prepare("INSERT INTO devices (sn, first_seen, last_seen, updated_at) VALUES ('D1', 1, 1, 1)").run();
    const before = schemaSnapshot(db);
    expect(migrateTo(db, 1)).toEqual([]);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(db.prepare('SELECT sn, device_class, online FROM devices').all()).toEqual([{ sn: 'D1', device_class: 'unknown', online: 0 }]);
  });
});
