import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/db';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { openStore } from '../../../electron/core/store/store';
import { createLogger } from '../../../electron/core/util/log';

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens, migrates and wires every domain store to one database', () => {
    const lines: string[] = [];
    const r = openStore(':memory:', { logger: createLogger({ sink: (l) => lines.push(l) }) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(lines.some((l) => l.includes('database migrated'))).toBe(true);

    s.devices.upsert({ sn: 'DOCK1', deviceClass: 'dock' }, 1);
    s.topology.replaceChildren('DOCK1', [{ sn: 'AC1', modelKey: '0-91-0', index: 'A' }], 1);
    const org = s.bindings.ensureDefaultOrganization({ name: 'Team' });
    expect(org.ok).toBe(true);
    s.events.insertEvent('DOCK1', 'hms', { list: [] }, 1);
    s.recorder.record('AC1', 1, { latitude: 22, longitude: 113, height: 10 });
    expect(s.recorder.track('AC1')).toHaveLength(1);
    expect(s.devices.list()).toHaveLength(1);
    expect(s.topology.gatewayOf('AC1')).toBe('DOCK1');

    s.close();
    s.close(); // idempotent
    expect(s.db.open).toBe(false);
  });

  it('flushes pending telemetry on close so a clean shutdown loses nothing', () => {
    const file = join(dir, 'a.db');
    const first = openStore(file, { recorder: { batchSize: 1000 } });
    if (!first.ok) throw new Error(first.error.message);
    for (let i = 0; i < 10; i++) first.value.recorder.record('AC1', i, { latitude: 1, longitude: 1 });
    expect(first.value.recorder.stats().pending).toBe(10);
    first.value.close();

    const again = openStore(file);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.recorder.track('AC1')).toHaveLength(10);
    again.value.close();
  });

  it('refuses a database from a newer Outpost with a clear error and closes it', () => {
    const file = join(dir, 'newer.db');
    const db = openDatabase(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const r = openStore(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('schema_too_new');
    expect(r.error.message).toMatch(/Update Outpost/);
    // It must not have been half-migrated.
    const check = openDatabase(file);
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('reports a file that is not a database as a value', () => {
    const file = join(dir, 'junk.db');
    writeFileSync(file, 'this is certainly not an sqlite file, it is much longer than a header though'.repeat(20));
    const r = openStore(file);
    expect(r).toMatchObject({ ok: false, error: { code: 'db_open_failed' } });
    if (!r.ok) expect(r.error.message).toContain(file);
  });
});
