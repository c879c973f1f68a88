/** Dock 3's DRC-only camera settings: validation of each method, push decoding, and the simulator's answers. */
import { describe, expect, it } from 'vitest';
import { applyDrcCamera, cameraOsdPush, cameraStatePush, initialDrcCameraState } from '../../../electron/core/sim/payload/drc-camera';
import {
  decodeDrcCameraPush,
  DRC_CAMERA_COMMANDS,
  DRC_CAMERA_METHODS,
  validateDrcCameraCommand,
} from '../../../shared/protocol/payload';
import { drcCameraSamples } from './drc-camera-samples';

const IDX = '99-0-0';

/** A value outside each method's documented enum, with the text the refusal must carry. */
const BAD: Readonly<Record<string, readonly [string, unknown, string]>> = {
  drc_camera_aperture_value_set: ['aperture_value', 285, '280 (F2.8)'],
  drc_camera_shutter_set: ['shutter_value', 61, '60 (auto)'],
  drc_camera_iso_set: ['iso_value', 1, '255 (fixed)'],
  drc_camera_mechanical_shutter_set: ['camera_type', 'zoom', '"wide" (wide-angle)'],
  drc_camera_dewarping_set: ['dewarping_state', 2, '0 (off), 1 (on)'],
  drc_camera_night_mode_set: ['mode', 3, '0 (off), 1 (on), 2 (auto)'],
  drc_camera_denoise_level_set: ['level', 1, '2 (enhanced (15 fps)), 3 (ultra (5 fps))'],
  drc_camera_night_vision_enable: ['enable', 1, 'true or false'],
  drc_infrared_fill_light_enable: ['enable', 'yes', 'true or false'],
  drc_camera_photo_format_set: ['photo_format', 8, '7 (RJPEG), 16 (DLT664)'],
};

describe('validateDrcCameraCommand', () => {
  it('covers every method the Dock 3 page documents, with exactly its field names', () => {
    expect(DRC_CAMERA_METHODS).toEqual(drcCameraSamples().map((c) => c.method));
    for (const c of drcCameraSamples()) expect(Object.keys(DRC_CAMERA_COMMANDS.get(c.method)!.fields).sort(), c.method).toEqual(Object.keys(c.data).sort());
  });

  for (const c of drcCameraSamples()) {
    describe(c.method, () => {
      it('accepts the documented form unchanged', () => {
        expect(validateDrcCameraCommand(c.method, c.data)).toEqual({ ok: true, value: c });
      });
      it('refuses a value outside the documented enum, naming the field and what it takes', () => {
        const [field, value, allowed] = BAD[c.method]!;
        const r = validateDrcCameraCommand(c.method, { ...c.data, [field]: value });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('out_of_range');
        expect(r.error.details).toEqual({ field, method: c.method });
        expect(r.error.message).toMatch(new RegExp(`^${c.method}: ${field} must be (one of|true or false)`));
        expect(r.error.message).toContain(allowed);
        expect(r.error.message).toContain(`(got ${typeof value === 'string' ? `"${value}"` : String(value)})`);
      });
      it('refuses a missing field and an unknown one', () => {
        const { payload_index: _drop, ...rest } = c.data;
        expect(validateDrcCameraCommand(c.method, rest)).toMatchObject({ ok: false, error: { code: 'out_of_range', details: { field: 'payload_index' } } });
        expect(validateDrcCameraCommand(c.method, { ...c.data, extra: 1 })).toMatchObject({ ok: false, error: { code: 'unknown_field', details: { field: 'extra' } } });
      });
    });
  }

  it('refuses methods that are not Dock 3 DRC camera commands, and non-object data', () => {
    expect(validateDrcCameraCommand('drc_camera_aim', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(validateDrcCameraCommand('drc_camera_iso_set', null)).toMatchObject({ ok: false, error: { code: 'invalid_data' } });
  });
});

describe('drc/up camera pushes', () => {
  it('decodes drc_camera_state_push (the docs example) into the night settings', () => {
    const data = {
      camera_state: { camera_mode: 0, photo_size: 1, night_mode_settings: { night_mode: 0, denoise_level: 1, night_vision_enable: true, infrared_fill_light_enable: true, night_scene_mode_suggestion: 1, is_working: 1 } },
      media_storage: { photo_storage_settings: ['current', 'ir'] },
      payload_index: '81-0-0',
    };
    expect(decodeDrcCameraPush('drc_camera_state_push', data)).toEqual({
      payloadIndex: '81-0-0',
      report: { camera_mode: 0, night_mode: 0, denoise_level: 1, night_vision_enable: true, infrared_fill_light_enable: true, night_scene_mode_suggestion: 1, is_working: 1 },
    });
  });

  it('decodes drc_camera_osd_info_push (the docs example) into wide/zoom exposure, dropping mistyped fields', () => {
    const data = {
      payload_index: '81-0-0',
      wide_lense: { wide_aperture_value: 10, wide_exposure_mode: 1, wide_exposure_value: 16, wide_iso: 8, wide_shutter_speed: 45 },
      zoom_lense: { zoom_aperture_value: 10, zoom_exposure_mode: 1, zoom_iso: '8', zoom_shutter_speed: 45, zoom_factor: 7 },
    };
    expect(decodeDrcCameraPush('drc_camera_osd_info_push', data)).toEqual({
      payloadIndex: '81-0-0',
      report: { wide_aperture_value: 10, wide_exposure_mode: 1, wide_iso: 8, wide_shutter_speed: 45, zoom_aperture_value: 10, zoom_exposure_mode: 1, zoom_shutter_speed: 45 },
    });
  });

  it('ignores other methods and pushes without a payload_index', () => {
    expect(decodeDrcCameraPush('osd_info_push', { payload_index: IDX })).toBeNull();
    expect(decodeDrcCameraPush('drc_camera_state_push', { camera_state: {} })).toBeNull();
  });
});

describe('simulated Dock 3 camera (sim/payload/drc-camera)', () => {
  it('applies each documented command, and its pushes decode back to the new state', () => {
    const s = initialDrcCameraState();
    for (const c of drcCameraSamples()) expect(applyDrcCamera(s, IDX, c.method, c.data), c.method).toBe(0);
    expect(s).toEqual({
      wide: { iso: 8, shutter: 16, aperture: 440 },
      zoom: { iso: 5, shutter: 44, aperture: 280 },
      mechanicalShutter: 0,
      dewarping: 1,
      nightMode: 1,
      denoiseLevel: 3,
      nightVision: true,
      fillLight: true,
      photoFormat: 16,
    });
    expect(decodeDrcCameraPush('drc_camera_state_push', cameraStatePush(s, IDX, 0))?.report).toMatchObject({ photo_format: 16, night_mode: 1, denoise_level: 3, night_vision_enable: true, infrared_fill_light_enable: true, is_working: 1 });
    expect(decodeDrcCameraPush('drc_camera_osd_info_push', cameraOsdPush(s, IDX, { wide: 1, zoom: 4 }))?.report).toEqual({
      wide_exposure_mode: 1, wide_iso: 8, wide_shutter_speed: 16, wide_aperture_value: 440,
      zoom_exposure_mode: 4, zoom_iso: 5, zoom_shutter_speed: 44, zoom_aperture_value: 280,
    });
  });

  it('refuses out-of-range values and another payload index with 325001, leaving the state as it was', () => {
    const s = initialDrcCameraState();
    const before = structuredClone(s);
    expect(applyDrcCamera(s, IDX, 'drc_camera_iso_set', { payload_index: IDX, camera_type: 'zoom', iso_value: 99 })).toBe(325001);
    expect(applyDrcCamera(s, IDX, 'drc_camera_night_mode_set', { payload_index: '81-0-0', mode: 1 })).toBe(325001);
    expect(s).toEqual(before);
  });
});
