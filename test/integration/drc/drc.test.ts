/**
 * DRC against the real engine, the real broker and the simulator: enter on a simulated dock with
 * per-session broker credentials, fly north, hold on neutral, dead-man, emergency stop, lost
 * heartbeat, Pilot 2 refusal, and the ACL of the issued credentials.
 */
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrcFeature } from '../../../electron/core/drc/feature';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { drcSim, type DrcSimHandle } from '../../../electron/core/sim/drc/control';
import { createDrcSimExtension } from '../../../electron/core/sim/extensions/drc';
import { NEUTRAL } from '../../../shared/control/sticks';
import type { DrcSessionView } from '../../../shared/ipc/drc';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';
import { grantedQos } from '../link/helpers';
import { nextDown, stickOf, streamSticks, waitDrc, waitTelemetry } from './helpers';

let t: TestEngine;
let fleet: Fleet;
let refusing: Fleet;

const fleetOpts = (extra: Partial<Parameters<typeof startFleet>[0]>) => ({
  url: t.mqttUrl,
  username: DEVICE_USER,
  password: DEVICE_PASS,
  bindingCode: t.engine.bindingCode,
  organizationId: t.engine.organizationId,
  osdHz: 1,
  count: 1,
  ...extra,
});

beforeAll(async () => {
  t = await startTestEngine({ features: [createDrcFeature()] });
  fleet = await startFleet(fleetOpts({ count: 3, kinds: ['dock2', 'dock3', 'rc-plus'], device: { autoFly: false, extensions: [createDrcSimExtension()] } }));
  refusing = await startFleet(fleetOpts({ kinds: ['rc-plus'], snPrefix: 'NOPE', device: { autoFly: false, extensions: [createDrcSimExtension({ pilotAnswer: 'failed' })] } }));
  await Promise.all([fleet.ready(), refusing.ready()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([fleet?.stop(), refusing?.stop()]);
  await t?.stop();
});

const dockA = () => fleet.devices[0]!;
const dockB = () => fleet.devices[1]!;
const sim = (sn: string): DrcSimHandle => drcSim(sn)!;
const enter = async (gateway: string): Promise<DrcSessionView> => {
  const r = await t.engine.invoke['drc:enter']({ gateway });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const exit = (gateway: string) => t.engine.invoke['drc:exit']({ gateway });
const lat = (sn: string): number => t.engine.shadow.get(sn)?.groups.position?.fields.latitude as number;

describe('DRC on a simulated dock', () => {
  it('enters with per-session credentials the dock really logs in with; heartbeat round trip measured', async () => {
    const v = await enter(dockA().gatewaySn);
    expect(v).toMatchObject({ phase: 'active', flow: 'dock', stickMethod: 'stick_control', stickHz: 10, aircraft: dockA().aircraftSn });
    const broker = sim(dockA().gatewaySn).lastBroker as Record<string, unknown>;
    expect(broker).toMatchObject({ address: expect.stringMatching(/^127\.0\.0\.1:\d+$/), client_id: `drc-${dockA().gatewaySn}`, enable_tls: false });
    expect(broker.username).not.toBe(DEVICE_USER);
    expect(broker.expire_time).toBeGreaterThan(Date.now() / 1000); // epoch SECONDS
    expect(broker.expire_time).toBeLessThan(Date.now() / 1000 + 24 * 3600);
    const healthy = await waitDrc(t.engine, dockA().gatewaySn, (s) => s.link.rttMs !== null && s.link.deviceDrcState === 2);
    expect(healthy.link.rttMs).toBeLessThan(200);
  });

  it('sticks forward (heading north) → the aircraft climbs out and its latitude increases; the map position follows at the DRC rate', async () => {
    const gw = dockA().gatewaySn;
    const { id } = (await t.engine.invoke['drc:sessions']()).find((s) => s.gateway === gw)!;
    const start = lat(dockA().aircraftSn);
    const stop = streamSticks(t.engine, gw, id, () => ({ roll: 0, pitch: 1, throttle: 0.6, yaw: 0 }));
    try {
      const osd = await waitTelemetry(t.engine, gw, (x) => x.osd !== undefined && x.osd.latitude > start + 20 / 111_320, 15_000);
      expect(osd.osd!.speed_x).toBeGreaterThan(3); // northward
      await waitForPatch(t.engine, () => lat(dockA().aircraftSn) > start + 20 / 111_320);
      expect(t.engine.shadow.get(dockA().aircraftSn)?.groups.status?.fields.mode_code).toBeDefined();
    } finally {
      stop();
    }
  });

  it('neutral sticks → the aircraft brakes and holds position', async () => {
    const gw = dockA().gatewaySn;
    const { id } = (await t.engine.invoke['drc:sessions']()).find((s) => s.gateway === gw)!;
    const stop = streamSticks(t.engine, gw, id, () => NEUTRAL);
    try {
      await waitTelemetry(t.engine, gw, (x) => x.osd !== undefined && Math.hypot(x.osd.speed_x, x.osd.speed_y) === 0 && x.osd.speed_z === 0, 10_000);
      const held: number[] = [];
      await waitTelemetry(t.engine, gw, (x) => {
        if (x.osd) held.push(x.osd.latitude);
        return held.length >= 10; // one second at 10 Hz
      });
      expect((Math.max(...held) - Math.min(...held)) * 111_320).toBeLessThan(0.05);
    } finally {
      stop();
    }
  });

  it('dead-man: when the input stops, neutral sticks reach the dock within 300 ms + one tick', async () => {
    const gw = dockA().gatewaySn;
    const { id } = (await t.engine.invoke['drc:sessions']()).find((s) => s.gateway === gw)!;
    const stop = streamSticks(t.engine, gw, id, () => ({ roll: 0.5, pitch: 0, throttle: 0, yaw: 0 }));
    await nextDown(sim(gw), (e) => e.method === 'stick_control' && stickOf(e).roll > 1024);
    stop();
    const lastInput = Date.now();
    const neutral = await nextDown(sim(gw), (e) => e.method === 'stick_control' && stickOf(e).roll === 1024);
    expect(neutral.at - lastInput).toBeLessThan(300 + 100 + 30);
    const v = await waitDrc(t.engine, gw, (s) => s.input.state === 'stale');
    expect(v.input.why).toMatch(/gamepad unplugged/);
  });

  it('emergency stop reaches drc/down immediately, not on the next tick', async () => {
    const gw = dockA().gatewaySn;
    const got = nextDown(sim(gw), (e) => e.method === 'drone_emergency_stop');
    const before = Date.now();
    const r = await t.engine.invoke['drc:emergencyStop']({ gateway: gw });
    expect(r.ok).toBe(true);
    const e = await got;
    expect(e.at - before).toBeLessThan(50);
    expect(e.seq).toBe(r.ok ? r.value.seq : -1);
    expect((await waitDrc(t.engine, gw, (s) => s.input.state === 'latched')).input.why).toMatch(/centre/);
  });

  it('a lost heartbeat (device stops echoing) ends the session within ~3 s; no stick is sent after the end', async () => {
    const gw = dockA().gatewaySn;
    sim(gw).dropHeartbeatEcho = true;
    const ended = await waitDrc(t.engine, gw, (s) => s.phase === 'ended', 6_000);
    expect(ended.end).toMatchObject({ reason: 'heartbeat_lost', message: expect.stringContaining('Sticks stopped') });
    expect(ended.end!.at - ended.link.lastEchoAt!).toBeGreaterThan(3000);
    expect(ended.end!.at - ended.link.lastEchoAt!).toBeLessThan(3300);
    // The clean-up drc_mode_exit takes the dock out of DRC: its drc_state goes to 0.
    await waitForPatch(t.engine, () => t.engine.shadow.get(gw)?.groups.drc?.fields.drc_state === 0);
    const afterEnd = sim(gw).received.filter((e) => e.method === 'stick_control' && (e.seq ?? 0) > ended.sent.lastSeq);
    expect(afterEnd).toEqual([]);
    sim(gw).dropHeartbeatEcho = false;
  });
});

describe('DRC credentials are scoped to one dock', () => {
  it("dock A's DRC login cannot publish on dock B's drc/down, cannot subscribe to it, and dies with the session", async () => {
    const a = dockA().gatewaySn;
    const b = dockB().gatewaySn;
    await enter(a);
    await enter(b);
    const creds = sim(a).lastBroker as { username: string; password: string };
    const intruder = await connectAsync(t.mqttUrl, { clientId: 'intruder', username: creds.username, password: creds.password, reconnectPeriod: 0 });
    try {
      const refusedBefore = t.engine.counters.get('link.acl.publish_refused');
      const forged = JSON.stringify({ method: 'stick_control', seq: 999_999, data: { roll: 1684, pitch: 1684, throttle: 1684, yaw: 1684 } });
      await intruder.publishAsync(`thing/product/${b}/drc/down`, forged, { qos: 1 });
      await intruder.publishAsync(`thing/product/${a}/drc/down`, forged, { qos: 1 }); // only drc/up is theirs to publish
      // A legitimate message published after the forged ones is delivered; the forged ones never were.
      const marker = nextDown(sim(b), (e) => e.method === 'drone_emergency_stop');
      await t.engine.invoke['drc:emergencyStop']({ gateway: b });
      await marker;
      expect(sim(b).received.filter((e) => e.seq === 999_999)).toEqual([]);
      expect(sim(a).received.filter((e) => e.seq === 999_999)).toEqual([]);
      expect(t.engine.counters.get('link.acl.publish_refused')).toBe(refusedBefore + 2);
      expect(await grantedQos(intruder, [`thing/product/${b}/drc/down`, `thing/product/${b}/drc/up`, `thing/product/${a}/drc/down`])).toEqual([128, 128, 1]);
    } finally {
      await intruder.endAsync(true);
      await exit(a);
      await exit(b);
    }
    await expect(connectAsync(t.mqttUrl, { clientId: 'intruder2', username: creds.username, password: creds.password, reconnectPeriod: 0 })).rejects.toThrow(/Not authorized|Bad username/i);
  });

  it('a second operator taking over ends the first session with the reason', async () => {
    const a = dockA().gatewaySn;
    const first = await enter(a);
    const refused = await t.engine.invoke['drc:enter']({ gateway: a });
    expect(refused).toMatchObject({ ok: false, error: { code: 'session_active' } });
    const firstEnded = waitDrc(t.engine, a, (s) => s.id === first.id && s.phase === 'ended');
    const second = await t.engine.invoke['drc:enter']({ gateway: a, takeover: true });
    expect(second).toMatchObject({ ok: true, value: { phase: 'active' } });
    expect(second.ok && second.value.id).not.toBe(first.id);
    expect((await firstEnded).end).toMatchObject({ reason: 'authority_taken', message: expect.stringContaining('Another operator') });
    await exit(a);
  });
});

describe('DRC authority taken on the device', () => {
  it('another cloud grabbing flight authority (control_source changes) ends the session as authority_lost', async () => {
    const a = dockA().gatewaySn;
    await enter(a);
    const ended = waitDrc(t.engine, a, (s) => s.phase === 'ended');
    const grab = await t.engine.caller.call(a, 'flight_authority_grab', {}); // as a second platform would
    expect(grab.ok).toBe(true);
    expect((await ended).end).toMatchObject({ reason: 'authority_lost', message: expect.stringContaining('cloud-') });
  });
});

describe('DRC through Pilot 2', () => {
  it('the pilot accepts: cloud_control_auth_request → notify ok → active; exit releases cloud control', async () => {
    const rc = fleet.devices[2]!.gatewaySn;
    const first = await enter(rc);
    expect(['awaiting_pilot', 'active']).toContain(first.phase);
    const v = await waitDrc(t.engine, rc, (s) => s.phase === 'active');
    expect(v).toMatchObject({ flow: 'pilot', pilotAnswer: 'ok' });
    const out = await exit(rc);
    expect(out).toMatchObject({ ok: true, value: { phase: 'ended', end: { reason: 'exited' } } });
    await waitForPatch(t.engine, () => (t.engine.shadow.get(rc)?.groups.state?.fields.cloud_control_auth as unknown[] | undefined)?.length === 0);
  });

  it('the pilot refuses: the session ends as pilot_failed and says so; nothing is sent on drc/down', async () => {
    const rc = refusing.devices[0]!.gatewaySn;
    await enter(rc);
    const v = await waitDrc(t.engine, rc, (s) => s.phase === 'ended');
    expect(v).toMatchObject({ pilotAnswer: 'failed', end: { reason: 'pilot_failed', message: expect.stringContaining('denied') } });
    expect(sim(rc).received).toEqual([]);
  });
});
