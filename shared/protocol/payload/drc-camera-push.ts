/**
 * Decoders of Dock 3's camera pushes on drc/up (official-cn-latest dock3 remote-control.md "相机状态上报"
 * drc_camera_state_push, "摄像头osd 推送" drc_camera_osd_info_push): the exposure and night settings the DRC-only
 * commands change, flattened per payload index. A field that was not in the push stays absent (shown as unknown).
 */

/** What the camera panel shows of one payload, kept in the aircraft's camera group under `drc_camera[payload_index]`. */
export interface DrcCameraReport {
  readonly camera_mode?: number;
  readonly photo_format?: number;
  readonly night_mode?: number;
  readonly denoise_level?: number;
  readonly night_vision_enable?: boolean;
  readonly infrared_fill_light_enable?: boolean;
  readonly night_scene_mode_suggestion?: number;
  readonly is_working?: number;
  readonly wide_exposure_mode?: number;
  readonly wide_iso?: number;
  readonly wide_shutter_speed?: number;
  readonly wide_aperture_value?: number;
  readonly zoom_exposure_mode?: number;
  readonly zoom_iso?: number;
  readonly zoom_shutter_speed?: number;
  readonly zoom_aperture_value?: number;
}

export interface DecodedDrcCameraPush {
  readonly payloadIndex: string;
  readonly report: DrcCameraReport;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});

function pick(from: Rec, keys: readonly string[], type: 'number' | 'boolean'): Rec {
  const out: Rec = {};
  for (const k of keys) if (typeof from[k] === type) out[k] = from[k];
  return out;
}

const STATE_NUMBERS = ['camera_mode', 'photo_format'] as const;
const NIGHT_NUMBERS = ['night_mode', 'denoise_level', 'night_scene_mode_suggestion', 'is_working'] as const;
const NIGHT_BOOLS = ['night_vision_enable', 'infrared_fill_light_enable'] as const;
const LENS_KEYS = (lens: 'wide' | 'zoom') => [`${lens}_exposure_mode`, `${lens}_iso`, `${lens}_shutter_speed`, `${lens}_aperture_value`];

/** drc_camera_state_push → the camera mode, IR photo format and night-mode settings; null without a payload_index. */
export function decodeDrcCameraStatePush(data: unknown): DecodedDrcCameraPush | null {
  const d = rec(data);
  if (typeof d.payload_index !== 'string') return null;
  const state = rec(d.camera_state);
  const night = rec(state.night_mode_settings);
  return { payloadIndex: d.payload_index, report: { ...pick(state, STATE_NUMBERS, 'number'), ...pick(night, NIGHT_NUMBERS, 'number'), ...pick(night, NIGHT_BOOLS, 'boolean') } };
}

/** drc_camera_osd_info_push → exposure mode, ISO, shutter and aperture of the wide and zoom lenses; null without a payload_index. */
export function decodeDrcCameraOsdPush(data: unknown): DecodedDrcCameraPush | null {
  const d = rec(data);
  if (typeof d.payload_index !== 'string') return null;
  return { payloadIndex: d.payload_index, report: { ...pick(rec(d.wide_lense), LENS_KEYS('wide'), 'number'), ...pick(rec(d.zoom_lense), LENS_KEYS('zoom'), 'number') } };
}

/** Either push by method name; null for anything else. */
export function decodeDrcCameraPush(method: string, data: unknown): DecodedDrcCameraPush | null {
  if (method === 'drc_camera_state_push') return decodeDrcCameraStatePush(data);
  if (method === 'drc_camera_osd_info_push') return decodeDrcCameraOsdPush(data);
  return null;
}
