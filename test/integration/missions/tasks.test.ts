/**
 * Flight tasks end to end: the real engine + broker + HTTP server and two simulated Dock 2s. The dock downloads
 * the KMZ over the signed URL, checks its MD5, flies it, runs the actions and reports progress; pause/resume,
 * undo of a timed task, a tampered file, and the signed link's refusals.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlightTask, TaskPrepareRequest } from '../../../shared/ipc/missions';
import { DEFAULT_DRAFT, type RouteDraft } from '../../../shared/wpml';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, type TestEngine } from '../../helpers/engine';
import { connectDevice } from '../../helpers/mqtt-device';
import { docsKmz } from '../../unit/wpml/fixtures';

let t: TestEngine;
let fleet: Fleet;
const HOME = { lat: 46.0, lon: 7.0, height: 500 };

const inv = <C extends keyof TestEngine['engine']['invoke']>(c: C) => t.engine.invoke[c];
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Resolves with the first `missions:task` for `flightId` that satisfies `pred` (event-driven). */
function waitTask(flightId: () => string | null, pred: (x: FlightTask) => boolean, timeoutMs = 30_000): Promise<FlightTask> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`task condition not reached; last: ${JSON.stringify(last)}`))), timeoutMs);
    let last: FlightTask | null = null;
    const off = t.engine.bus.on('missions:task', (x) => {
      if (x.flightId !== flightId()) return;
      last = x;
      if (!pred(x)) return;
      clearTimeout(timer);
      off();
      resolve(x);
    });
  });
}

/** A small square near the dock at `home`: 4 waypoints 30 m apart, 12 m up, 12 m/s. */
function square(home: { lat: number; lon: number }): RouteDraft {
  const d = 30 / 111_000;
  const at = (n: number, e: number) => ({ lat: home.lat + n * d, lon: home.lon + (e * d) / Math.cos((home.lat * Math.PI) / 180), height: 12, actions: [] });
  return {
    ...DEFAULT_DRAFT,
    speed: 12,
    takeOffSecurityHeight: 8,
    waypoints: [
      { ...at(1, 0), actions: [{ kind: 'takePhoto' }] },
      { ...at(1, 1), actions: [{ kind: 'startRecord' }] },
      { ...at(0, 1), actions: [{ kind: 'stopRecord' }] },
      { ...at(0, 0.3), actions: [{ kind: 'takePhoto' }] },
    ],
  };
}

const base = (gateway: string, waylineId: string): TaskPrepareRequest => ({
  gateway, waylineId, taskType: 0, rthAltitude: 60, rthMode: 1, outOfControlAction: 0, exitWaylineWhenRcLost: 1, waylinePrecisionType: 0,
});

beforeAll(async () => {
  t = await startTestEngine();
  fleet = await startFleet({
    url: t.mqttUrl, username: DEVICE_USER, password: DEVICE_PASS, count: 2, kind: 'dock2', spacingM: 2000,
    bindingCode: t.engine.bindingCode, organizationId: t.engine.organizationId, osdHz: 2, center: HOME, device: { autoFly: false },
  });
  await fleet.ready();
}, 30_000);

afterAll(async () => {
  await fleet?.stop();
  await t?.stop();
});

const devHome = (i: number) => {
  const s = fleet.devices[i]!.snapshot();
  return { lat: s.lat, lon: s.lon };
};

describe('missions: flight tasks against the simulator', () => {
  it('stores an imported KMZ and a drawn route with their MD5 on disk', async () => {
    const imported = unwrap(await inv('missions:import')({ name: 'docs-example.kmz', base64: Buffer.from(docsKmz()).toString('base64') }));
    expect(imported).toMatchObject({ name: 'docs-example', droneName: 'Matrice 30', waypointCount: 2 });
    const drawn = unwrap(await inv('missions:saveDraft')({ name: 'square', draft: square(devHome(0)) }));
    expect(drawn.waypointCount).toBe(4);
    expect(createHash('md5').update(readFileSync(`${t.dataDir}/waylines/${drawn.id}.kmz`)).digest('hex')).toBe(drawn.md5);
    const list = inv('missions:list')(undefined) as readonly { id: string }[];
    expect(list.map((w) => w.id).sort()).toEqual([imported.id, drawn.id].sort());
    const detail = unwrap(await inv('missions:get')({ id: drawn.id }) as never) as { path: unknown[]; draft: unknown };
    expect(detail.path).toHaveLength(4);
    expect(detail.draft).not.toBeNull();
  });

  it('refuses a hostile file and stores nothing', async () => {
    const before = (inv('missions:list')(undefined) as readonly unknown[]).length;
    const r = await inv('missions:import')({ name: 'evil.kmz', base64: Buffer.from('PK\u0003\u0004 not really').toString('base64') }) as { ok: boolean };
    expect(r.ok).toBe(false);
    expect((inv('missions:list')(undefined) as readonly unknown[]).length).toBe(before);
  });

  it('prepare → execute → progress by waypoint → done, with media counted from the actions', async () => {
    const gw = fleet.devices[0]!.gatewaySn;
    const w = unwrap(await inv('missions:saveDraft')({ name: 'square-a', draft: square(devHome(0)) }));
    let flightId: string | null = null;
    const indexes = new Set<number>();
    const off = t.engine.bus.on('missions:task', (x) => x.flightId === flightId && x.waypointIndex !== null && indexes.add(x.waypointIndex));
    const done = waitTask(() => flightId, (x) => x.status === 'ok', 40_000);
    const task = unwrap(await inv('missions:prepare')(base(gw, w.id)));
    flightId = task.flightId;
    expect(task.status).toBe('in_progress');
    const final = await done;
    off();
    expect(final.percent).toBe(100);
    expect(final.mediaCount).toBe(3); // two photos + one video
    expect([...indexes].sort()).toEqual([0, 1, 2, 3]);
    const methods = (await inv('missions:taskEvents')({ flightId: task.flightId })).map((e) => e.method);
    expect(methods.slice(0, 2)).toEqual(['flighttask_prepare', 'flighttask_execute']);
    expect(methods.filter((m) => m === 'flighttask_progress').length).toBeGreaterThan(3);
  }, 60_000);

  it('a tampered KMZ fails with the documented code and readable text', async () => {
    const gw = fleet.devices[1]!.gatewaySn;
    const w = unwrap(await inv('missions:saveDraft')({ name: 'tampered', draft: square(devHome(1)) }));
    const file = `${t.dataDir}/waylines/${w.id}.kmz`;
    const bytes = readFileSync(file);
    bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    let flightId: string | null = null;
    const failed = waitTask(() => flightId, (x) => x.status === 'failed');
    flightId = unwrap(await inv('missions:prepare')(base(gw, w.id))).flightId;
    const f = await failed;
    expect(f.errorCode).toBe(314013);
    expect(f.errorText).toMatch(/flight route file/);
  }, 40_000);

  it('pause and resume a running task', async () => {
    const gw = fleet.devices[1]!.gatewaySn;
    const w = unwrap(await inv('missions:saveDraft')({ name: 'square-b', draft: square(devHome(1)) }));
    let flightId: string | null = null;
    const onRoute = waitTask(() => flightId, (x) => x.waylineMissionState === 6);
    flightId = unwrap(await inv('missions:prepare')(base(gw, w.id))).flightId;
    await onRoute;
    const paused = waitTask(() => flightId, (x) => x.status === 'paused' && x.waylineMissionState === 7);
    unwrap(await inv('missions:control')({ gateway: gw, flightId, action: 'pause' }));
    await paused;
    const resumed = waitTask(() => flightId, (x) => x.status === 'in_progress' && x.waylineMissionState === 6);
    unwrap(await inv('missions:control')({ gateway: gw, flightId, action: 'recovery' }));
    await resumed;
    const done = waitTask(() => flightId, (x) => x.status === 'ok', 40_000);
    expect((await done).percent).toBe(100);
  }, 80_000);

  it('a timed task can be undone before it starts, and never executes', async () => {
    const gw = fleet.devices[0]!.gatewaySn;
    const w = (inv('missions:list')(undefined) as readonly { id: string; name: string }[]).find((x) => x.name === 'square')!;
    const task = unwrap(await inv('missions:prepare')({ ...base(gw, w.id), taskType: 1, executeTime: Date.now() + 60_000 }));
    expect(task.status).toBe('sent');
    const undone = unwrap(await inv('missions:control')({ gateway: gw, flightId: task.flightId, action: 'undo' }));
    expect(undone?.status).toBe('canceled');
    const methods = (await inv('missions:taskEvents')({ flightId: task.flightId })).map((e) => e.method);
    expect(methods).toEqual(['flighttask_prepare', 'flighttask_undo']);
  });

  it('refuses bad task parameters before anything is sent', async () => {
    const w = (inv('missions:list')(undefined) as readonly { id: string }[])[0]!;
    const r = await inv('missions:prepare')({ ...base(fleet.devices[0]!.gatewaySn, w.id), rthAltitude: 5 });
    expect(r.ok ? '' : r.error.message).toMatch(/rthAltitude/);
  });

  it('serves the KMZ only on a genuine, unexpired signed link', async () => {
    const w = (inv('missions:list')(undefined) as readonly { id: string; md5: string }[])[0]!;
    expect((await fetch(`${t.httpUrl}/missions/kmz/${w.id}.kmz`)).status).toBe(403);
    expect((await fetch(`${t.httpUrl}/missions/kmz/${w.id}.kmz?exp=${Date.now() + 1e6}&sig=${'0'.repeat(64)}`)).status).toBe(403);
  });

  it('answers flighttask_resource_get with a fresh signed URL + MD5 the dock can download, and flighttask_progress_get', async () => {
    const task = (await inv('missions:tasks')({ limit: 50 })).find((x) => x.status === 'ok')!;
    const w = unwrap(await inv('missions:get')({ id: task.waylineId }) as never) as { md5: string };
    const sn = 'MISSIONREQ01';
    const dev = await connectDevice(t.mqttUrl, sn, { username: DEVICE_USER, password: DEVICE_PASS });
    await dev.client.subscribeAsync(`thing/product/${sn}/requests_reply`);
    try {
      const { tid } = await dev.publish(`thing/product/${sn}/requests`, 'flighttask_resource_get', { flight_id: task.flightId });
      const reply = (await dev.next(`thing/product/${sn}/requests_reply`, tid)) as { data: { result: number; output: { file: { url: string; fingerprint: string } } } };
      expect(reply.data.result).toBe(0);
      expect(reply.data.output.file.fingerprint).toBe(w.md5);
      const res = await fetch(reply.data.output.file.url);
      expect(res.status).toBe(200);
      expect(createHash('md5').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(w.md5);
      const p = await dev.publish(`thing/product/${sn}/requests`, 'flighttask_progress_get', { flight_id: task.flightId, target_sn: sn });
      const pr = (await dev.next(`thing/product/${sn}/requests_reply`, p.tid)) as { data: { result: number; output: { status: string; progress: { percent: number } } } };
      expect(pr.data).toMatchObject({ result: 0, output: { status: 'ok', progress: { percent: 100 } } });
    } finally {
      await dev.close();
    }
  });
});
