/**
 * A dock that follows the docs connects to the engine's embedded broker, goes
 * through bring-up (config → bind status → organization → bind → update_topo),
 * and shows up in GET /api/v1/devices with live position within 2 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice, type TestDevice } from '../../helpers/mqtt-device';
import { API_TOKEN, DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';

const DOCK = 'DOCK2SN0001';
const AIRCRAFT = 'M3TDSN0001';

let t: TestEngine;
let dock: TestDevice;

beforeAll(async () => {
  t = await startTestEngine();
  dock = await connectDevice(t.mqttUrl, DOCK, { username: DEVICE_USER, password: DEVICE_PASS });
});

afterAll(async () => {
  await dock?.close();
  await t?.stop();
});

const req = async (method: string, data: unknown): Promise<Record<string, unknown>> => {
  const { tid, bid } = await dock.publish(`thing/product/${DOCK}/requests`, method, data);
  const reply = await dock.next(`thing/product/${DOCK}/requests_reply`, tid);
  expect(reply.bid).toBe(bid);
  expect(reply.method).toBe(method);
  return reply.data as Record<string, unknown>;
};

describe('dock bring-up over the embedded broker', () => {
  it('answers config with the DJI app settings and NTP host', async () => {
    const data = await req('config', { config_scope: 'product', config_type: 'json' });
    expect(data).toMatchObject({ ntp_server_host: expect.any(String), ntp_server_port: 123, app_id: expect.any(String), app_key: expect.any(String), app_license: expect.any(String) });
  });

  it('binds the dock to the organization with the binding code, stored in SQLite', async () => {
    const before = await req('airport_bind_status', { devices: [{ sn: DOCK }, { sn: AIRCRAFT }] });
    expect(before).toMatchObject({ result: 0, output: { bind_status: [{ sn: DOCK, is_device_bind_organization: false }, { sn: AIRCRAFT, is_device_bind_organization: false }] } });

    const wrong = await req('airport_organization_get', { device_binding_code: 'NOPE00', organization_id: t.engine.organizationId });
    expect(wrong.result).not.toBe(0);
    const org = await req('airport_organization_get', { device_binding_code: t.engine.bindingCode, organization_id: t.engine.organizationId });
    expect(org).toEqual({ result: 0, output: { organization_name: 'Outpost' } });

    const bound = await req('airport_organization_bind', {
      bind_devices: [
        { device_binding_code: t.engine.bindingCode, organization_id: t.engine.organizationId, device_callsign: 'North Dock', sn: DOCK, device_model_key: '3-2-0' },
        { device_binding_code: 'BADCOD', organization_id: t.engine.organizationId, device_callsign: 'x', sn: AIRCRAFT, device_model_key: '0-91-1' },
      ],
    });
    const errInfos = (bound.output as { err_infos: { sn: string; err_code: number }[] }).err_infos;
    expect(errInfos.find((e) => e.sn === DOCK)?.err_code).toBe(0);
    expect(errInfos.find((e) => e.sn === AIRCRAFT)?.err_code).not.toBe(0);

    const after = await req('airport_bind_status', { devices: [{ sn: DOCK }] });
    expect(after).toMatchObject({ result: 0, output: { bind_status: [{ sn: DOCK, is_device_bind_organization: true, organization_name: 'Outpost', device_callsign: 'North Dock' }] } });
    const row = t.engine.store.db.prepare('SELECT callsign FROM device_bindings WHERE sn = ?').get(DOCK) as { callsign: string } | undefined;
    expect(row?.callsign).toBe('North Dock');
  });

  it('answers storage_config_get with temporary upload credentials, and flighttask_resource_get for an unknown flight with an error result', async () => {
    // Media capability (electron/core/media): the embedded S3 endpoint's STS for this gateway.
    const storage = await req('storage_config_get', { module: 0 });
    expect(storage).toMatchObject({
      result: 0,
      output: {
        bucket: expect.any(String),
        endpoint: expect.stringMatching(/^https?:\/\//),
        object_key_prefix: expect.any(String),
        provider: expect.any(String),
        credentials: { access_key_id: expect.any(String), access_key_secret: expect.any(String), expire: expect.any(Number), security_token: expect.any(String) },
      },
    });
    // Missions capability: a flight Outpost never prepared has no wayline file to hand out.
    const resource = await req('flighttask_resource_get', { flight_id: 'no-such-flight' });
    expect(resource.result).not.toBe(0);
  });

  it('replies to an unknown requests method with an error result instead of silence', async () => {
    const data = await req('no_such_method', {});
    expect(data.result).not.toBe(0);
  });

  it('acknowledges update_topo with status_reply and shows live position in /api/v1/devices within 2 s', async () => {
    const t0 = Date.now();
    const { tid, bid } = await dock.publish(`sys/product/${DOCK}/status`, 'update_topo', {
      domain: '3', type: 2, sub_type: 0, device_secret: 'secret', nonce: 'nonce', thing_version: '1.1.2',
      sub_devices: [{ sn: AIRCRAFT, domain: '0', type: 91, sub_type: 1, index: 'A', device_secret: 's', nonce: 'n', thing_version: '1.1.2' }],
    });
    const reply = await dock.next(`sys/product/${DOCK}/status_reply`, tid);
    expect(reply).toMatchObject({ tid, bid, method: 'update_topo', data: { result: 0 } });
    await dock.publish(`thing/product/${AIRCRAFT}/osd`, undefined, { latitude: 22.5, longitude: 113.9, height: 120.5, elevation: 80, attitude_head: 45, mode_code: 4, battery: { capacity_percent: 87, remain_flight_time: 1200, return_home_power: 20, landing_power: 10, batteries: [] } });
    await dock.publish(`thing/product/${DOCK}/osd`, undefined, { latitude: 22.49, longitude: 113.89, height: 30, mode_code: 4, drone_in_dock: 0, temperature: 24.5 });

    let devices: Record<string, unknown>[] = [];
    while (Date.now() - t0 < 2000) {
      const res = await fetch(`${t.httpUrl}/api/v1/devices`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      expect(res.status).toBe(200);
      devices = ((await res.json()) as { devices: Record<string, unknown>[] }).devices;
      const a = devices.find((d) => d.sn === AIRCRAFT) as { osd: { latitude: number | null } } | undefined;
      if (a?.osd.latitude !== null && a?.osd.latitude !== undefined) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now() - t0).toBeLessThan(2000);
    const d = devices.find((x) => x.sn === DOCK);
    const a = devices.find((x) => x.sn === AIRCRAFT);
    expect(d).toMatchObject({ sn: DOCK, model_key: '3-2-0', online: true, gateway: null, children: [AIRCRAFT], callsign: 'North Dock' });
    expect(a).toMatchObject({ sn: AIRCRAFT, model_key: '0-91-1', online: true, gateway: DOCK, osd: { latitude: 22.5, longitude: 113.9, height: 120.5, heading: 45, battery: 87 } });
    expect(typeof a?.updated_at).toBe('number');
    const snap = t.engine.shadow.get(AIRCRAFT);
    expect(snap?.groups.status?.fields.mode_text).toBe('Automatic takeoff'); // aircraft mode_code 4 (enums.md §2.2)
    expect(snap?.groups.environment).toBeUndefined(); // unknown until first seen
  });

  it('refuses /api/v1/devices without the bearer token', async () => {
    expect((await fetch(`${t.httpUrl}/api/v1/devices`)).status).toBe(401);
    expect((await fetch(`${t.httpUrl}/api/v1/devices`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('replies events_reply to an event with need_reply: 1 and decodes HMS to readable text', async () => {
    const { tid, bid } = await dock.publish(`thing/product/${DOCK}/events`, 'hms', {
      list: [{ level: 2, module: 3, in_the_sky: 0, code: '0x16100083', device_type: '0-91-1', imminent: 1, args: { component_index: 0, sensor_index: 0 } }],
    }, { need_reply: 1 });
    const reply = await dock.next(`thing/product/${DOCK}/events_reply`, tid);
    expect(reply).toMatchObject({ tid, bid, method: 'hms', data: { result: 0 } });
    await waitForPatch(t.engine, () => (t.engine.shadow.get(AIRCRAFT)?.hms.length ?? 0) > 0);
    const h = t.engine.shadow.get(AIRCRAFT)!.hms[0]!;
    expect(h.code).toBe('0x16100083');
    expect(h.text.length).toBeGreaterThan(10);
    expect(h.text).not.toMatch(/unknown/i);
    const stored = await t.engine.invoke['hms:recent']({ sn: AIRCRAFT, limit: 5 });
    expect(stored[0]?.code).toBe('0x16100083');
  });
});
