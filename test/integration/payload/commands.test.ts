/**
 * Payload commands through the real engine, the real broker and the simulator: each one reaches the device with
 * exactly the documented field names, authority is grabbed first, bad values never leave the engine, device
 * refusals come back as readable text, and the gimbal / IR / thermal loops close through the aircraft OSD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayloadCommandRequest } from '../../../shared/ipc/payload';
import { PAYLOAD_COMMANDS, PAYLOAD_METHODS, type PhotoProgress } from '../../../shared/protocol/payload';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import type { SimExtensionFactory } from '../../../electron/core/sim/extension';
import { payloadSimExtension } from '../../../electron/core/sim/extensions/payload';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';
import { samples } from '../../unit/payload/samples';

interface Seen {
  readonly gateway: string;
  readonly method: string;
  readonly data: Record<string, unknown>;
}

let t: TestEngine;
let fleet: Fleet;
const seen: Seen[] = [];
/** Answers the next payload command with this code instead of the simulator (an RC taking the payload). */
let refuseNextWith: number | null = null;

const recorder: SimExtensionFactory = (api) => ({
  service(method, data) {
    seen.push({ gateway: api.gatewaySn, method, data: data as Record<string, unknown> });
    if (refuseNextWith !== null && method !== 'payload_authority_grab') {
      const result = refuseNextWith;
      refuseNextWith = null;
      return { result };
    }
    return null;
  },
});

const dock = () => fleet.devices.find((d) => d.kind === 'dock2')!;
const rc = () => fleet.devices.find((d) => d.kind === 'rc-plus')!;
const cmd = (req: PayloadCommandRequest) => t.engine.invoke['payload:command'](req);
const cameraFields = (sn: string) => t.engine.shadow.get(sn)?.groups.camera?.fields ?? {};
const payloadOf = (sn: string, idx: string) => (cameraFields(sn)[idx] ?? {}) as Record<string, number>;
const cameraOf = (sn: string) => ((cameraFields(sn).cameras as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};

beforeAll(async () => {
  t = await startTestEngine();
  fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    count: 2,
    kinds: ['dock2', 'rc-plus'],
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    osdHz: 4,
    center: { lat: 46.0, lon: 7.0, height: 500 },
    device: { extensions: [recorder, payloadSimExtension] },
  });
  await fleet.ready();
  await waitForPatch(t.engine, () => typeof payloadOf(dock().aircraftSn, '81-0-0').gimbal_yaw === 'number', 10_000);
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
  await t?.stop();
});

describe('payload commands reach the simulated dock', () => {
  it('sends every method once, with exactly the documented field names, after one authority grab', async () => {
    const sn = dock().aircraftSn;
    seen.length = 0;
    for (const c of samples('81-0-0').slice(1)) {
      const r = await cmd({ sn, ...c } as PayloadCommandRequest);
      expect(r, c.method).toMatchObject({ ok: true });
    }
    expect(seen[0]).toMatchObject({ method: 'payload_authority_grab', data: { payload_index: '81-0-0' } });
    expect(seen.filter((s) => s.method === 'payload_authority_grab')).toHaveLength(1);
    expect(new Set(seen.map((s) => s.method))).toEqual(new Set(PAYLOAD_METHODS));
    for (const s of seen) expect(Object.keys(s.data).sort(), s.method).toEqual(Object.keys(PAYLOAD_COMMANDS.get(s.method as never)!.fields).sort());
    expect(seen.every((s) => s.gateway === dock().gatewaySn)).toBe(true);
  });

  it('refuses an out-of-range zoom in the engine: the field and its range are named, nothing is sent', async () => {
    const before = seen.length;
    const r = await cmd({ sn: dock().aircraftSn, method: 'camera_focal_length_set', data: { payload_index: '81-0-0', camera_type: 'ir', zoom_factor: 40 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    if (!r.ok) expect(r.error.message).toBe('camera_focal_length_set: zoom_factor must be a number in 2–20 × for the infrared lens (got 40)');
    expect(seen.length).toBe(before);
  });

  it('shows the device result code as readable text (the simulator checks ranges too)', async () => {
    const r = await t.engine.caller.call(dock().gatewaySn, 'camera_focal_length_set', { payload_index: '81-0-0', camera_type: 'zoom', zoom_factor: 300 });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: 'camera_focal_length_set: Failed to zoom in/out with zoom camera (code 327010)' } });
  });

  it('grabs payload control again after a "no control" refusal and retries once', async () => {
    refuseNextWith = 327012;
    seen.length = 0;
    const r = await cmd({ sn: dock().aircraftSn, method: 'gimbal_reset', data: { payload_index: '81-0-0', reset_mode: 1 } });
    expect(r).toMatchObject({ ok: true, value: { authorityGrabbed: true, via: 'services' } });
    expect(seen.map((s) => s.method)).toEqual(['gimbal_reset', 'payload_authority_grab', 'gimbal_reset']);
  });

  it('an RC Plus (Pilot 2) does not take payload services: readable refusal, no authority grab', async () => {
    const r = await cmd({ sn: rc().aircraftSn, method: 'camera_photo_take', data: { payload_index: '53-0-0' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: 'camera_photo_take: Operation not supported. Check device status (code 314000)' } });
  });
});

describe('loops through the aircraft OSD', () => {
  it('look-at: the gimbal turns to face the target', async () => {
    const sn = dock().aircraftSn;
    const pos = () => t.engine.shadow.get(sn)!.groups.position!.fields as Record<string, number>;
    const target = { latitude: pos().latitude! + 0.004, longitude: pos().longitude! - 0.003, height: 480 };
    const r = await cmd({ sn, method: 'camera_look_at', data: { payload_index: '81-0-0', locked: false, ...target } });
    expect(r.ok).toBe(true);
    const expected = () => bearingAndElevation(pos(), target);
    await waitForPatch(t.engine, () => {
      const g = payloadOf(sn, '81-0-0');
      const e = expected();
      return Math.abs(angleDiff(g.gimbal_yaw!, e.yaw)) < 2 && Math.abs(g.gimbal_pitch! - e.pitch) < 2;
    }, 10_000);
  });

  it('IR area metering: the OSD reports the area with its average, min and max inside it', async () => {
    const sn = dock().aircraftSn;
    const area = { x: 0.55, y: 0.2, width: 0.3, height: 0.3 };
    expect((await cmd({ sn, method: 'ir_metering_area_set', data: { payload_index: '81-0-0', ...area } })).ok).toBe(true);
    await waitForPatch(t.engine, () => (cameraOf(sn).ir_metering_area as { x?: number } | undefined)?.x === area.x, 5_000);
    const a = cameraOf(sn).ir_metering_area as { aver_temperature: number; min_temperature_point: Pt; max_temperature_point: Pt };
    expect(cameraOf(sn).ir_metering_mode).toBe(2);
    for (const p of [a.min_temperature_point, a.max_temperature_point]) {
      expect(p.x).toBeGreaterThanOrEqual(area.x);
      expect(p.x).toBeLessThanOrEqual(area.x + area.width);
      expect(p.y).toBeGreaterThanOrEqual(area.y);
      expect(p.y).toBeLessThanOrEqual(area.y + area.height);
    }
    expect(a.min_temperature_point.temperature).toBeLessThan(a.aver_temperature);
    expect(a.max_temperature_point.temperature).toBeGreaterThan(a.aver_temperature);
    expect(a.max_temperature_point.temperature).toBeGreaterThan(50); // the scene's hot spot is in this area
  });

  it('palette and isotherm through property/set show up in the OSD; a bad palette is refused', async () => {
    const sn = dock().aircraftSn;
    const r = await t.engine.invoke['payload:thermalSet']({ sn, payloadIndex: '81-0-0', settings: { thermal_current_palette_style: 6, thermal_isotherm_state: 1, thermal_isotherm_upper_limit: 80 } });
    expect(r).toEqual({ ok: true, value: { thermal_current_palette_style: 6, thermal_isotherm_state: 1, thermal_isotherm_upper_limit: 80 } });
    expect(payloadOf(sn, '81-0-0').thermal_current_palette_style).toBe(6);
    const bad = await t.engine.invoke['payload:thermalSet']({ sn, payloadIndex: '81-0-0', settings: { thermal_current_palette_style: 4 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
  });

  it('a panorama reports camera_photo_take_progress up to 100 %', async () => {
    const sn = dock().aircraftSn;
    const events: PhotoProgress[] = [];
    const done = new Promise<void>((resolve) => {
      const off = t.engine.bus.on('payload:photoProgress', (p) => {
        events.push(p);
        if (p.status !== 'ok') return;
        off();
        resolve();
      });
    });
    expect((await cmd({ sn, method: 'camera_mode_switch', data: { payload_index: '81-0-0', camera_mode: 3 } })).ok).toBe(true);
    expect(await cmd({ sn, method: 'camera_photo_take', data: { payload_index: '81-0-0' } })).toMatchObject({ ok: true, value: { output: { status: 'in_progress' } } });
    await done;
    expect(events.map((e) => e.percent)).toEqual([0, 25, 50, 75, 90, 100]);
    expect(events[0]).toMatchObject({ gateway: dock().gatewaySn, stepText: 'Taking panorama', resultText: 'Success' });
  });
});

interface Pt {
  x: number;
  y: number;
  temperature: number;
}

/** Independent of the simulator's maths: great-circle initial bearing and elevation over the local horizon. */
function bearingAndElevation(from: Record<string, number>, to: { latitude: number; longitude: number; height: number }) {
  const r = Math.PI / 180;
  const [φ1, φ2, Δλ] = [from.latitude! * r, to.latitude * r, (to.longitude - from.longitude!) * r];
  const yaw = Math.atan2(Math.sin(Δλ) * Math.cos(φ2), Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ)) / r;
  const d = 2 * 6_371_000 * Math.asin(Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2));
  return { yaw, pitch: Math.max(-90, Math.atan2(to.height - from.height!, d) / r) };
}

const angleDiff = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;
