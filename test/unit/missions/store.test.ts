/** Migration 0005 on :memory: (idempotent) and the missions store's SQL. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/db';
import { migrate } from '../../../electron/core/store/migrate';
import { migration0005 } from '../../../electron/core/store/migrations/0005_missions';
import { MissionStore } from '../../../electron/core/missions/store';

const fresh = () => {
  const db = openDatabase(':memory:');
  const m = migrate(db);
  if (!m.ok) throw new Error(m.error.message);
  return db;
};

describe('missions store', () => {
  it('0005 creates its tables and can run twice (feature start before the index lists it)', () => {
    const db = fresh();
    db.transaction(() => migration0005.up(db))();
    db.transaction(() => migration0005.up(db))();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['waylines', 'flight_tasks', 'flight_task_events']));
  });

  it('stores tasks, patches them and keeps every event in order', () => {
    const s = new MissionStore(fresh());
    s.insertTask({ flightId: 'f1', gateway: 'DOCK', waylineId: 'w1', waylineName: 'square', taskType: 0, executeTime: 5, prepare: { a: 1 }, at: 10 });
    const t = s.updateTask('f1', { status: 'in_progress', waypointIndex: 2, mediaCount: 1, errorCode: 314013 }, 20);
    expect(t).toMatchObject({ status: 'in_progress', waypointIndex: 2, mediaCount: 1, errorCode: 314013, updatedAt: 20 });
    expect(t?.errorText).toMatch(/flight route file/);
    s.addEvent('f1', 'flighttask_prepare', { x: 1 }, 11);
    s.addEvent('f1', 'flighttask_progress', { x: 2 }, 12);
    expect(s.events('f1').map((e) => [e.method, e.data])).toEqual([['flighttask_prepare', { x: 1 }], ['flighttask_progress', { x: 2 }]]);
    expect(s.prepareData('f1')).toEqual({ a: 1 });
    expect(s.tasks({ gateway: 'DOCK' })).toHaveLength(1);
  });
});
