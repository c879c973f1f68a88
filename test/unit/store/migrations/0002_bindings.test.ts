import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/db';
import { schemaVersion } from '../../../../electron/core/store/migrate';
import { columns, schemaSnapshot } from '../helpers';
import { migrateTo } from './helpers';

describe('migration 0002_bindings', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('adds organizations and device_bindings, keeping 0001 data', () => {
    migrateTo(db, 1);
    db.prepare("INSERT INTO devices (sn, model_key, first_seen, last_seen, updated_at) VALUES ('DOCK1', '3-2-0', 1, 2, 2)").run();
    db.prepare("INSERT INTO topology (child_sn, gateway_sn, idx, updated_at) VALUES ('AC1', 'DOCK1', 'A', 2)").run();

    expect(migrateTo(db, 2)).toEqual(['0002_bindings']);
    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'organizations')).toEqual(['id', 'name', 'binding_code', 'created_at']);
    expect(columns(db, 'device_bindings')).toEqual(['sn', 'organization_id', 'callsign', 'device_model_key', 'bound_at']);
    expect(db.prepare('SELECT sn, model_key FROM devices').all()).toEqual([{ sn: 'DOCK1', model_key: '3-2-0' }]);
    expect(db.prepare('SELECT child_sn, gateway_sn FROM topology').all()).toEqual([{ child_sn: 'AC1', gateway_sn: 'DOCK1' }]);
  });

  it('enforces a unique binding code and the organization foreign key', () => {
    migrateTo(db, 2);
    db.prepare("INSERT INTO organizations VALUES ('o1', 'Org', 'ABC123', 1)").run();
    expect(() => db.prepare("INSERT INTO organizations VALUES ('o2', 'Other', 'ABC123', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO device_bindings VALUES ('D1', 'nope', 'cs', '3-2-0', 1)").run()).toThrow(/FOREIGN KEY/);
  });

  it('re-running does nothing', () => {
    migrateTo(db, 2);
    db.prepare("INSERT INTO organizations VALUES ('o1', 'Org', 'ABC123', 1)").run();
    const before = schemaSnapshot(db);
    expect(migrateTo(db, 2)).toEqual([]);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 1 });
  });
});
