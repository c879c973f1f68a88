/** Camera buttons: zoom stepping and clamping per lens, photo and record plans from the payload OSD. */
import { describe, expect, it } from 'vitest';
import { CAMERA_SETTLE_MS, cameraView, photoCommands, RecordToggle, stepZoom, ZoomStepper } from '../../../shared/control';
import { readPayload, validatePayloadCommand, type PayloadCommand } from '../../../shared/protocol/payload';

const IDX = '81-0-0';
const valid = (c: PayloadCommand) => validatePayloadCommand(c.method, c.data);
const methods = (cs: readonly PayloadCommand[]) => cs.map((c) => c.method);

describe('stepZoom', () => {
  it('steps by √2 (two presses double), rounded to 0.1', () => {
    expect(stepZoom(2, 1, 'zoom')).toBe(2.8);
    expect(stepZoom(2.8, 1, 'zoom')).toBe(4);
    expect(stepZoom(10, -1, 'zoom')).toBe(7.1);
  });

  it('clamps to the visible range 2–200 and says null at the ends', () => {
    expect(stepZoom(180, 1, 'zoom')).toBe(200);
    expect(stepZoom(200, 1, 'zoom')).toBeNull();
    expect(stepZoom(2.5, -1, 'zoom')).toBe(2);
    expect(stepZoom(2, -1, 'zoom')).toBeNull();
    expect(stepZoom(2, -1, 'wide')).toBeNull();
  });

  it('clamps to 2–20 on the infrared lens', () => {
    expect(stepZoom(16, 1, 'ir')).toBe(20);
    expect(stepZoom(20, 1, 'ir')).toBeNull();
    expect(stepZoom(2, -1, 'ir')).toBeNull();
  });

  it('a reported zoom outside the range is brought inside first', () => {
    expect(stepZoom(1, -1, 'zoom')).toBeNull();
    expect(stepZoom(1, 1, 'zoom')).toBe(2.8);
    expect(stepZoom(50, -1, 'ir')).toBe(14.1);
  });

  it('every step it produces passes the payload validation (camera_focal_length_set)', () => {
    const z = new ZoomStepper();
    for (const lens of ['zoom', 'ir'] as const) {
      for (let v = 2; v <= (lens === 'ir' ? 20 : 200); v += 0.7) {
        for (const dir of [1, -1] as const) {
          const p = z.plan(IDX, lens, dir, { zoom: v, irZoom: v }, 0);
          if (p.ok) expect(valid(p.command).ok).toBe(true);
        }
      }
    }
  });
});

describe('ZoomStepper', () => {
  it('steps from the zoom the OSD reports, for the asked lens', () => {
    const z = new ZoomStepper();
    const p = z.plan(IDX, 'zoom', 1, { zoom: 5, irZoom: 2 }, 0);
    expect(p).toEqual({ ok: true, zoom: 7.1, command: { method: 'camera_focal_length_set', data: { payload_index: IDX, camera_type: 'zoom', zoom_factor: 7.1 } } });
    expect(z.plan(IDX, 'ir', 1, { zoom: 5, irZoom: 2 }, 0)).toMatchObject({ ok: true, zoom: 2.8 });
  });

  it('refuses with words when the zoom is unknown or already at the end', () => {
    const z = new ZoomStepper();
    expect(z.plan(IDX, 'zoom', 1, {}, 0)).toEqual({ ok: false, message: 'Zoom: the camera has not reported its zoom yet.' });
    expect(z.plan(IDX, 'zoom', 1, { zoom: 200 }, 0)).toEqual({ ok: false, message: 'Zoom: already at 200×, the most for this lens.' });
    expect(z.plan(IDX, 'ir', -1, { irZoom: 2 }, 0)).toEqual({ ok: false, message: 'Zoom: already at 2×, the least for this lens.' });
  });

  it('quick presses step on from the last accepted zoom until the OSD has caught up', () => {
    const z = new ZoomStepper(3000);
    const osd = { zoom: 2 }; // stale: the OSD still says 2×
    const a = z.plan(IDX, 'zoom', 1, osd, 0);
    if (!a.ok) throw new Error(a.message);
    z.accepted('zoom', a.zoom, 100);
    expect(z.plan(IDX, 'zoom', 1, osd, 500)).toMatchObject({ zoom: 4 });
    // Long after, the OSD is the truth again.
    expect(z.plan(IDX, 'zoom', 1, { zoom: 10 }, 100 + 3000)).toMatchObject({ zoom: 14.1 });
    // The remembered zoom is per lens, and a refusal forgets it.
    z.accepted('zoom', 4, 5000);
    expect(z.plan(IDX, 'ir', 1, { irZoom: 2 }, 5100)).toMatchObject({ zoom: 2.8 });
    z.forget();
    expect(z.plan(IDX, 'zoom', 1, osd, 5100)).toMatchObject({ zoom: 2.8 });
  });
});

describe('photo and record', () => {
  const osd = (camera: Record<string, unknown>) => cameraView(readPayload({ cameras: [{ payload_index: IDX, ...camera }] }, IDX));

  it('reads the camera state from the payload OSD; unknown stays absent', () => {
    expect(osd({ camera_mode: 1, recording_state: 1, zoom_factor: 5, ir_zoom_factor: 2 })).toEqual({ cameraMode: 1, recording: true, zoom: 5, irZoom: 2 });
    expect(osd({})).toEqual({});
    expect(cameraView(readPayload({ [IDX]: { zoom_factor: 7 } }, IDX))).toEqual({ zoom: 7 });
  });

  it('the shutter takes a photo; in video mode it switches back to photo first; while recording it just shoots', () => {
    expect(photoCommands(IDX, osd({ camera_mode: 0 }))).toEqual([{ method: 'camera_photo_take', data: { payload_index: IDX } }]);
    expect(methods(photoCommands(IDX, osd({ camera_mode: 1, recording_state: 0 })))).toEqual(['camera_mode_switch', 'camera_photo_take']);
    expect(photoCommands(IDX, osd({ camera_mode: 1 }))[0]).toEqual({ method: 'camera_mode_switch', data: { payload_index: IDX, camera_mode: 0 } });
    expect(methods(photoCommands(IDX, osd({ camera_mode: 1, recording_state: 1 })))).toEqual(['camera_photo_take']);
    expect(methods(photoCommands(IDX, osd({})))).toEqual(['camera_photo_take']);
    for (const c of photoCommands(IDX, osd({ camera_mode: 1 }))) expect(valid(c).ok).toBe(true);
  });

  it('record toggles from the OSD: start (switching to video first when needed) or stop', () => {
    const r = new RecordToggle();
    expect(r.plan(IDX, osd({ camera_mode: 1, recording_state: 0 }), 0)).toEqual({ start: true, commands: [{ method: 'camera_recording_start', data: { payload_index: IDX } }] });
    const fromPhoto = r.plan(IDX, osd({ camera_mode: 0, recording_state: 0 }), 0);
    expect(fromPhoto.start).toBe(true);
    expect(fromPhoto.commands[0]).toEqual({ method: 'camera_mode_switch', data: { payload_index: IDX, camera_mode: 1 } });
    expect(methods(fromPhoto.commands)).toEqual(['camera_mode_switch', 'camera_recording_start']);
    expect(r.plan(IDX, osd({ camera_mode: 1, recording_state: 1 }), 0)).toEqual({ start: false, commands: [{ method: 'camera_recording_stop', data: { payload_index: IDX } }] });
    // Mode unknown: no guess, just start.
    expect(methods(r.plan(IDX, osd({}), 0).commands)).toEqual(['camera_recording_start']);
    for (const c of fromPhoto.commands) expect(valid(c).ok).toBe(true);
  });

  it('a second press right after an accepted start stops, even before the OSD shows recording', () => {
    const r = new RecordToggle(CAMERA_SETTLE_MS);
    const idle = osd({ camera_mode: 1, recording_state: 0 });
    r.accepted(true, 1000);
    expect(r.believed(idle, 1500)).toBe(true);
    expect(r.plan(IDX, idle, 1500).start).toBe(false);
    // Once the settle window is over the OSD decides again.
    expect(r.plan(IDX, idle, 1000 + CAMERA_SETTLE_MS).start).toBe(true);
    r.accepted(false, 5000);
    expect(r.plan(IDX, osd({ camera_mode: 1, recording_state: 1 }), 5100).start).toBe(true);
    r.forget();
    expect(r.plan(IDX, osd({ camera_mode: 1, recording_state: 1 }), 5100).start).toBe(false);
  });
});
