/**
 * Payload commands during a real DRC session, through the real engine, broker and simulator, watched on the wire.
 * RC Plus 2 (Pilot 2 + Matrice 4T): after cloud control is granted and drc_mode_enter, each command goes out as
 * `drc_<method>` on drc/down with exactly the documented field names and a seq, the device answers on drc/up under
 * the same method and seq with `{result}` (dji-rc-plus-2 remote-control.md), and its state changes as with the
 * services form. Dock 3 in DRC keeps payload commands on `services` (dock3 drc.md lists them there only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrcFeature } from '../../../electron/core/drc/feature';
import { payloadFeature } from '../../../electron/core/payload/feature';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { createDrcSimExtension } from '../../../electron/core/sim/extensions/drc';
import { payloadSimExtension } from '../../../electron/core/sim/extensions/payload';
import type { PayloadCommandRequest } from '../../../shared/ipc/payload';
import { PAYLOAD_COMMANDS, type PayloadMethod } from '../../../shared/protocol/payload';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';
import { samples } from '../../unit/payload/samples';
import { waitDrc } from '../drc/helpers';
import { Wire, type WireMessage } from './wire';

let t: TestEngine;
let fleet: Fleet;
let wire: Wire;

const rc2 = () => fleet.devices.find((d) => d.kind === 'rc-plus-2')!;
const dock3 = () => fleet.devices.find((d) => d.kind === 'dock3')!;
const cmd = (req: PayloadCommandRequest) => t.engine.invoke['payload:command'](req);
const cameraFields = (sn: string) => t.engine.shadow.get(sn)?.groups.camera?.fields ?? {};
const payloadOf = (sn: string, idx: string) => (cameraFields(sn)[idx] ?? {}) as Record<string, number>;
const cameraOf = (sn: string) => ((cameraFields(sn).cameras as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
const on = (gw: string, leaf: string) => wire.on(gw, leaf);

/** The drc/up answer to a drc/down message: same method, same seq. */
const answerTo = (gw: string, down: WireMessage): Promise<WireMessage> =>
  wire.until(() => on(gw, 'drc/up').find((m) => m.method === down.method && m.seq === down.seq), `drc/up answer to ${down.method} #${down.seq}`);

async function enterDrc(gateway: string): Promise<void> {
  const r = await t.engine.invoke['drc:enter']({ gateway });
  if (!r.ok) throw new Error(r.error.message);
  await waitDrc(t.engine, gateway, (s) => s.phase === 'active' && s.link.rttMs !== null, 15_000);
}

beforeAll(async () => {
  t = await startTestEngine({ features: [createDrcFeature(), payloadFeature] });
  fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    count: 2,
    kinds: ['rc-plus-2', 'dock3'],
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    osdHz: 4,
    center: { lat: 46.0, lon: 7.0, height: 500 },
    device: { autoFly: false, extensions: [payloadSimExtension, createDrcSimExtension()] },
  });
  await fleet.ready();
  // A device-credentialed client per gateway (a device client is bound to one gateway) sees its topics cross the broker.
  wire = new Wire(t.mqttUrl);
  for (const gw of [rc2().gatewaySn, dock3().gatewaySn]) await wire.watch(gw);
  await waitForPatch(t.engine, () => typeof payloadOf(rc2().aircraftSn, '89-0-0').gimbal_yaw === 'number' && typeof payloadOf(dock3().aircraftSn, '99-0-0').gimbal_yaw === 'number', 10_000);
}, 60_000);

afterAll(async () => {
  await wire?.close();
  await fleet?.stop();
  await t?.stop();
});

describe('RC Plus 2 in DRC: payload commands on drc/down, answers on drc/up', () => {
  it('refuses payload services outside DRC (the RC Plus 2 documents none)', async () => {
    const r = await cmd({ sn: rc2().aircraftSn, method: 'gimbal_reset', data: { payload_index: '89-0-0', reset_mode: 1 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: 'gimbal_reset: Operation not supported. Check device status (code 314000)' } });
  });

  it('every command goes out as drc_<method> with the documented field names and is answered with {result} under its method and seq', async () => {
    await enterDrc(rc2().gatewaySn);
    const gw = rc2().gatewaySn;
    const servicesBefore = on(gw, 'services').length;
    const downBefore = on(gw, 'drc/down').length;
    const sent = samples('89-0-0').slice(1); // payload_authority_grab has no DRC form
    for (const c of sent) {
      const r = await cmd({ sn: rc2().aircraftSn, ...c } as PayloadCommandRequest);
      expect(r, c.method).toMatchObject({ ok: true, value: { via: 'drc', gateway: gw, authorityGrabbed: false } });
    }
    const downs = on(gw, 'drc/down').slice(downBefore).filter((m) => m.method !== 'heart_beat' && m.method !== 'stick_control');
    expect(downs.map((m) => m.method)).toEqual(sent.map((c) => `drc_${c.method}`));
    for (const [i, m] of downs.entries()) {
      const spec = PAYLOAD_COMMANDS.get(sent[i]!.method as PayloadMethod)!;
      expect(Object.keys(m.data).sort(), m.method).toEqual(Object.keys(spec.fields).sort());
      expect(m.data, m.method).toEqual(sent[i]!.data);
      expect(m.seq, m.method).toEqual(expect.any(Number));
      const up = await answerTo(gw, m);
      // Panorama: drc_camera_photo_take answers `status` beside `result` (remote-control.md "开始拍照").
      const panorama = m.method === 'drc_camera_photo_take' && i === downs.length - 2;
      expect(up.data, m.method).toEqual(panorama ? { result: 0, status: 'in_progress' } : { result: 0 });
    }
    // The docs' own example of drc_camera_aim, field for field.
    expect(Object.keys(downs.find((m) => m.method === 'drc_camera_aim')!.data).sort()).toEqual(['camera_type', 'locked', 'payload_index', 'x', 'y']);
    expect(on(gw, 'services').length).toBe(servicesBefore); // nothing on services, no payload_authority_grab
  });

  it('the simulated aircraft changes state as with the services form: IR area, IR zoom, gimbal reset, aim', async () => {
    const sn = rc2().aircraftSn;
    const area = { x: 0.55, y: 0.2, width: 0.3, height: 0.3 };
    expect((await cmd({ sn, method: 'ir_metering_area_set', data: { payload_index: '89-0-0', ...area } })).ok).toBe(true);
    await waitForPatch(t.engine, () => (cameraOf(sn).ir_metering_area as { x?: number } | undefined)?.x === area.x, 5_000);
    const a = cameraOf(sn).ir_metering_area as { width: number; max_temperature_point: { x: number; temperature: number } };
    expect(cameraOf(sn).ir_metering_mode).toBe(2);
    expect(a.width).toBe(area.width);
    expect(a.max_temperature_point.x).toBeGreaterThanOrEqual(area.x);
    expect(a.max_temperature_point.temperature).toBeGreaterThan(50); // the scene's hot spot lies in this area

    expect((await cmd({ sn, method: 'camera_focal_length_set', data: { payload_index: '89-0-0', camera_type: 'ir', zoom_factor: 6 } })).ok).toBe(true);
    await waitForPatch(t.engine, () => cameraOf(sn).ir_zoom_factor === 6, 5_000);

    // Reset "down" (mode 1): yaw back to the aircraft's heading, pitch straight down.
    const heading = t.engine.shadow.get(sn)!.groups.attitude!.fields.attitude_head as number;
    const gimbal = () => payloadOf(sn, '89-0-0');
    expect((await cmd({ sn, method: 'gimbal_reset', data: { payload_index: '89-0-0', reset_mode: 1 } })).ok).toBe(true);
    await waitForPatch(t.engine, () => gimbal().gimbal_pitch === -90 && Math.abs(angleDiff(gimbal().gimbal_yaw!, heading)) < 0.2, 5_000);

    expect((await cmd({ sn, method: 'camera_aim', data: { payload_index: '89-0-0', camera_type: 'wide', locked: false, x: 0.9, y: 0.5 } })).ok).toBe(true);
    // 0.4 of the 84° wide field to the right: the gimbal turns ~34° clockwise.
    await waitForPatch(t.engine, () => Math.abs(angleDiff(gimbal().gimbal_yaw!, heading + 33.6)) < 1, 5_000);
  });

  it('a device refusal on drc/up comes back as readable text', async () => {
    const r = await cmd({ sn: rc2().aircraftSn, method: 'camera_recording_stop', data: { payload_index: '89-0-0' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: expect.stringMatching(/^drc_camera_recording_stop: .+ \(code 327008\)$/) } });
  });

  it('after drc_mode_exit the same command goes back to services (and is refused there)', async () => {
    expect((await t.engine.invoke['drc:exit']({ gateway: rc2().gatewaySn })).ok).toBe(true);
    await waitDrc(t.engine, rc2().gatewaySn, (s) => s.phase === 'ended');
    const r = await cmd({ sn: rc2().aircraftSn, method: 'gimbal_reset', data: { payload_index: '89-0-0', reset_mode: 0 } });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('code 314000') } });
    expect(on(rc2().gatewaySn, 'services').map((m) => m.method)).toContain('gimbal_reset');
  });
});

describe('Dock 3 in DRC: payload commands stay on services', () => {
  it('grabs payload authority and sends camera_aim on services; nothing drc_camera_* on its drc/down', async () => {
    const gw = dock3().gatewaySn;
    const sn = dock3().aircraftSn;
    await enterDrc(gw);
    const yaw = payloadOf(sn, '99-0-0').gimbal_yaw!;
    const r = await cmd({ sn, method: 'camera_aim', data: { payload_index: '99-0-0', camera_type: 'wide', locked: false, x: 0.1, y: 0.5 } });
    expect(r).toMatchObject({ ok: true, value: { via: 'services', authorityGrabbed: true } });
    expect(on(gw, 'services').map((m) => m.method)).toEqual(expect.arrayContaining(['payload_authority_grab', 'camera_aim']));
    expect(on(gw, 'drc/down').filter((m) => m.method.startsWith('drc_'))).toEqual([]);
    await waitForPatch(t.engine, () => Math.abs(angleDiff(payloadOf(sn, '99-0-0').gimbal_yaw!, yaw - 33.6)) < 1, 5_000);
  });
});

const angleDiff = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;
