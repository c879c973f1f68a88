/**
 * Dock 3's DRC-only camera settings through the real engine, broker and simulator, watched on the wire
 * (official-cn-latest dock3 remote-control.md): refused outside DRC; in DRC each goes out on drc/down with exactly
 * the documented field names and a seq, is answered on drc/up with `{result: 0}` under the same method and seq,
 * the simulated dock pushes drc_camera_state_push / drc_camera_osd_info_push with its new state, and the engine puts
 * that state into the aircraft's camera group. A bad value never reaches the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrcFeature } from '../../../electron/core/drc/feature';
import { payloadFeature } from '../../../electron/core/payload/feature';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { createDrcSimExtension } from '../../../electron/core/sim/extensions/drc';
import { payloadSimExtension } from '../../../electron/core/sim/extensions/payload';
import type { DrcCameraRequest } from '../../../shared/ipc/payload';
import { DRC_CAMERA_COMMANDS } from '../../../shared/protocol/payload';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';
import { drcCameraSamples } from '../../unit/payload/drc-camera-samples';
import { waitDrc } from '../drc/helpers';
import { Wire } from './wire';

let t: TestEngine;
let fleet: Fleet;
let wire: Wire;

const dock3 = () => fleet.devices.find((d) => d.kind === 'dock3')!;
const set = (req: DrcCameraRequest) => t.engine.invoke['payload:drcCamera'](req);
const on = (leaf: string) => wire.on(dock3().gatewaySn, leaf);
const reported = () => ((t.engine.shadow.get(dock3().aircraftSn)?.groups.camera?.fields.drc_camera ?? {}) as Record<string, Record<string, unknown>>)['99-0-0'] ?? {};

const payloadDowns = () => on('drc/down').filter((m) => m.method !== 'heart_beat' && m.method !== 'stick_control');

beforeAll(async () => {
  t = await startTestEngine({ features: [createDrcFeature(), payloadFeature] });
  fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    count: 1,
    kinds: ['dock3'],
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    osdHz: 4,
    center: { lat: 46.0, lon: 7.0, height: 500 },
    device: { autoFly: false, extensions: [payloadSimExtension, createDrcSimExtension()] },
  });
  await fleet.ready();
  const gw = dock3().gatewaySn;
  wire = new Wire(t.mqttUrl);
  await wire.watch(gw);
  await waitForPatch(t.engine, () => t.engine.shadow.get(dock3().aircraftSn)?.groups.camera !== undefined && t.engine.shadow.get(gw)?.modelKey === '3-3-0', 10_000);
}, 60_000);

afterAll(async () => {
  await wire?.close();
  await fleet?.stop();
  await t?.stop();
});

describe('Dock 3 DRC-only camera settings', () => {
  it('outside DRC: refused with a clear message, nothing on services or drc/down', async () => {
    const r = await set({ sn: dock3().aircraftSn, method: 'drc_camera_iso_set', data: { payload_index: '99-0-0', camera_type: 'zoom', iso_value: 5 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_in_drc', message: 'drc_camera_iso_set: Dock 3 takes this setting only on the DRC link; enter DRC first (it has no services form)' } });
    expect(on('services').map((m) => m.method)).not.toContain('drc_camera_iso_set');
    expect(payloadDowns()).toEqual([]);
  });

  it('in DRC: each method goes out with the documented fields, is answered {result: 0} under its method and seq, and the state push follows', async () => {
    const gw = dock3().gatewaySn;
    const enter = await t.engine.invoke['drc:enter']({ gateway: gw });
    expect(enter.ok).toBe(true);
    await waitDrc(t.engine, gw, (s) => s.phase === 'active' && s.link.rttMs !== null, 15_000);
    const servicesBefore = on('services').length;
    const sent = drcCameraSamples('99-0-0');
    for (const c of sent) {
      const r = await set({ sn: dock3().aircraftSn, ...c } as DrcCameraRequest);
      expect(r, c.method).toEqual({ ok: true, value: { method: c.method, gateway: gw } });
    }
    const downs = payloadDowns();
    expect(downs.map((m) => m.method)).toEqual(sent.map((c) => c.method));
    for (const [i, m] of downs.entries()) {
      expect(Object.keys(m.data).sort(), m.method).toEqual(Object.keys(DRC_CAMERA_COMMANDS.get(sent[i]!.method)!.fields).sort());
      expect(m.data, m.method).toEqual(sent[i]!.data);
      expect(m.seq, m.method).toEqual(expect.any(Number));
      const up = await wire.until(() => on('drc/up').find((u) => u.method === m.method && u.seq === m.seq), `answer to ${m.method}`);
      expect(up.data, m.method).toEqual({ result: 0 });
    }
    expect(on('services').length).toBe(servicesBefore); // no services form, no payload_authority_grab

    // The simulated dock's last pushes carry the state every command set.
    const lastState = on('drc/up').filter((m) => m.method === 'drc_camera_state_push').at(-1)!;
    expect(lastState.data).toMatchObject({
      payload_index: '99-0-0',
      camera_state: { photo_format: 16, night_mode_settings: { night_mode: 1, denoise_level: 3, night_vision_enable: true, infrared_fill_light_enable: true } },
    });
    const lastOsd = on('drc/up').filter((m) => m.method === 'drc_camera_osd_info_push').at(-1)!;
    expect(lastOsd.data).toMatchObject({
      payload_index: '99-0-0',
      wide_lense: { wide_shutter_speed: 16 },
      zoom_lense: { zoom_iso: 5, zoom_aperture_value: 280 },
    });

    // …and the engine shows it in the aircraft's camera group (what the camera panel reads).
    await waitForPatch(t.engine, () => reported().photo_format === 16 && reported().zoom_aperture_value === 280, 5_000);
    expect(reported()).toMatchObject({ night_mode: 1, denoise_level: 3, night_vision_enable: true, infrared_fill_light_enable: true, zoom_iso: 5, wide_shutter_speed: 16 });
  });

  it('a bad value is refused naming the field and its allowed values, and never reaches drc/down', async () => {
    const before = payloadDowns().length;
    const r = await set({ sn: dock3().aircraftSn, method: 'drc_camera_night_mode_set', data: { payload_index: '99-0-0', mode: 7 as 0 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'out_of_range', message: 'drc_camera_night_mode_set: mode must be one of 0 (off), 1 (on), 2 (auto) (got 7)' } });
    const shutter = await set({ sn: dock3().aircraftSn, method: 'drc_camera_shutter_set', data: { payload_index: '99-0-0', camera_type: 'ir' as 'wide', shutter_value: 3 } });
    expect(shutter).toMatchObject({ ok: false, error: { code: 'out_of_range', details: { field: 'camera_type' } } });
    // A later good command is the next thing on drc/down: the refused ones were never sent.
    expect((await set({ sn: dock3().aircraftSn, method: 'drc_camera_night_mode_set', data: { payload_index: '99-0-0', mode: 2 } })).ok).toBe(true);
    expect(payloadDowns().slice(before).map((m) => [m.method, m.data])).toEqual([['drc_camera_night_mode_set', { payload_index: '99-0-0', mode: 2 }]]);
    await waitForPatch(t.engine, () => reported().night_mode === 2, 5_000);
  });

  it('the dock refuses what only it can check (another payload index) with a documented code, as readable text', async () => {
    const r = await set({ sn: dock3().aircraftSn, method: 'drc_camera_iso_set', data: { payload_index: '81-0-0', camera_type: 'wide', iso_value: 3 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: expect.stringMatching(/^drc_camera_iso_set: .+ \(code 325001\)$/) } });
    expect(reported().wide_iso).toBe(8);
  });
});
