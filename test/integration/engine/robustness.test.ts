/**
 * Bad input never crashes the engine or corrupts the shadow; offline detection
 * (disconnect, will, silence, aircraft off); services.call correlation and timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice, type TestDevice } from '../../helpers/mqtt-device';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';

const DOCK = 'DOCK3SN0002';
const AIRCRAFT = 'M4TDSN0002';
let t: TestEngine;
let dock: TestDevice;

const topo = (subs: unknown[]) => ({ domain: 3, type: 3, sub_type: 0, device_secret: 's', nonce: 'n', thing_version: '1', sub_devices: subs });
const AIRCRAFT_SUB = { sn: AIRCRAFT, domain: 0, type: 100, sub_type: 1, index: 'A', device_secret: 's', nonce: 'n', thing_version: '1' };

beforeAll(async () => {
  t = await startTestEngine({ silenceTimeoutMs: 800, serviceTimeoutMs: 400 });
  dock = await connectDevice(t.mqttUrl, DOCK, { username: DEVICE_USER, password: DEVICE_PASS });
  const { tid } = await dock.publish(`sys/product/${DOCK}/status`, 'update_topo', topo([AIRCRAFT_SUB]));
  await dock.next(`sys/product/${DOCK}/status_reply`, tid);
  await dock.publish(`thing/product/${AIRCRAFT}/osd`, undefined, { latitude: 30.1, longitude: 120.2, height: 50 });
  await waitForPatch(t.engine, () => t.engine.shadow.get(AIRCRAFT)?.groups.position?.fields.latitude === 30.1);
});

afterAll(async () => {
  await dock?.close().catch(() => undefined);
  await t?.stop();
});

describe('bad input', () => {
  it('counts and survives malformed, oversized, unknown and wrongly typed messages without touching the shadow', async () => {
    const c = () => t.engine.counters.snapshot();
    const before = c();
    await dock.publishRaw(`thing/product/${AIRCRAFT}/osd`, '{not json');
    await dock.publishRaw(`thing/product/${AIRCRAFT}/osd`, Buffer.alloc(300 * 1024, 0x20));
    await dock.publish(`thing/product/${DOCK}/events`, 'made_up_event', { x: 1 });
    await dock.publish(`thing/product/${AIRCRAFT}/osd`, undefined, { latitude: 'north', longitude: 120.3, height: 51 });
    await dock.publishRaw(`thing/product/${AIRCRAFT}/osd`, JSON.stringify({ bid: 'b', timestamp: 1, data: {} })); // no tid
    // A good message after the bad ones proves the engine is alive and the order is kept.
    await dock.publish(`thing/product/${AIRCRAFT}/osd`, undefined, { latitude: 30.2, longitude: 120.2, height: 52 });
    await waitForPatch(t.engine, () => t.engine.shadow.get(AIRCRAFT)?.groups.position?.fields.latitude === 30.2);
    const after = c();
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect(delta('decode.malformed_json')).toBe(1);
    expect(delta('decode.oversize')).toBe(1);
    expect(delta('decode.unknown_method')).toBe(1);
    expect(delta('decode.invalid_data')).toBe(1);
    expect(delta('decode.bad_envelope')).toBe(1);
    // The wrongly typed message changed nothing: longitude 120.3 never landed.
    expect(t.engine.shadow.get(AIRCRAFT)?.groups.position?.fields).toMatchObject({ latitude: 30.2, longitude: 120.2, height: 52 });
  });

  it('answers a requests message with bad data with an error result', async () => {
    const { tid } = await dock.publish(`thing/product/${DOCK}/requests`, 'airport_organization_bind', { bind_devices: 'not-a-list' });
    const reply = await dock.next(`thing/product/${DOCK}/requests_reply`, tid);
    expect((reply.data as { result: number }).result).not.toBe(0);
  });
});

describe('services.call', () => {
  it('correlates services_reply by tid/bid and returns the typed result', async () => {
    const call = t.engine.caller.call(DOCK, 'cover_open', {});
    const svc = await dock.next(`thing/product/${DOCK}/services`);
    expect(svc.method).toBe('cover_open');
    // A reply with a different bid must not settle the call.
    await dock.publishRaw(`thing/product/${DOCK}/services_reply`, JSON.stringify({ tid: svc.tid, bid: 'other', timestamp: Date.now(), method: 'cover_open', data: { result: 0 } }));
    await dock.publishRaw(`thing/product/${DOCK}/services_reply`, JSON.stringify({ tid: svc.tid, bid: svc.bid, timestamp: Date.now(), method: 'cover_open', data: { result: 0, output: { status: 'in_progress' } } }));
    const r = await call;
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.output).toEqual({ status: 'in_progress' });
  });

  it('turns a non-zero result into a readable device error', async () => {
    const call = t.engine.caller.call(DOCK, 'cover_close', {});
    const svc = await dock.next(`thing/product/${DOCK}/services`);
    await dock.publishRaw(`thing/product/${DOCK}/services_reply`, JSON.stringify({ tid: svc.tid, bid: svc.bid, timestamp: Date.now(), method: 'cover_close', data: { result: 314000 } }));
    const r = await call;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('device_error');
      expect(r.error.message).toContain('314000');
    }
  });

  it('times out with a typed error when no reply comes', async () => {
    const r = await t.engine.caller.call(DOCK, 'debug_mode_open', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('timeout');
  });
});

describe('offline detection', () => {
  it('empty sub_devices means the aircraft is off', async () => {
    const { tid } = await dock.publish(`sys/product/${DOCK}/status`, 'update_topo', topo([]));
    await dock.next(`sys/product/${DOCK}/status_reply`, tid);
    await waitForPatch(t.engine, () => t.engine.shadow.get(AIRCRAFT)?.online === false);
    expect(t.engine.shadow.get(DOCK)).toMatchObject({ online: true, children: [] });
    expect(t.engine.store.topology.childrenOf(DOCK)).toEqual([]);
  });

  it('silence past the timeout marks a gateway offline, and a message brings it back', async () => {
    await waitForPatch(t.engine, () => t.engine.shadow.get(DOCK)?.online === false, 5000);
    await dock.publish(`thing/product/${DOCK}/osd`, undefined, { mode_code: 0 });
    await waitForPatch(t.engine, () => t.engine.shadow.get(DOCK)?.online === true);
  });

  it('a client disconnect marks the gateway and its aircraft offline', async () => {
    const { tid } = await dock.publish(`sys/product/${DOCK}/status`, 'update_topo', topo([AIRCRAFT_SUB]));
    await dock.next(`sys/product/${DOCK}/status_reply`, tid);
    await waitForPatch(t.engine, () => t.engine.shadow.get(AIRCRAFT)?.online === true);
    await dock.close();
    await waitForPatch(t.engine, () => t.engine.shadow.get(DOCK)?.online === false && t.engine.shadow.get(AIRCRAFT)?.online === false);
    expect(t.engine.store.devices.get(DOCK)?.online).toBe(false);
  });

  it('a will message (empty payload on the status topic) marks the gateway offline', async () => {
    const sn = 'DOCK2WILL01';
    const d = await connectDevice(t.mqttUrl, sn, { username: DEVICE_USER, password: DEVICE_PASS, will: { topic: `sys/product/${sn}/status`, payload: Buffer.alloc(0) } });
    const { tid } = await d.publish(`sys/product/${sn}/status`, 'update_topo', { ...topo([]), type: 2 });
    await d.next(`sys/product/${sn}/status_reply`, tid);
    const willsBefore = t.engine.counters.get('offline.will');
    d.client.stream.destroy(); // abnormal close → the broker publishes the will
    await waitForPatch(t.engine, () => t.engine.shadow.get(sn)?.online === false);
    expect(t.engine.counters.get('offline.will')).toBe(willsBefore + 1);
    d.client.end(true);
  });
});
