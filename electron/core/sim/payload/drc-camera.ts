/**
 * A simulated Dock 3's DRC-only camera settings (official-cn-latest dock3 remote-control.md): answers each
 * `drc_camera_*` / `drc_infrared_fill_light_enable` with `{result}`, refuses a bad value or another payload index
 * with 325001 (CommonErrorEnum "wrong parameter", enums.md §4), and builds the drc_camera_state_push and
 * drc_camera_osd_info_push that report the new state.
 */
import { validateDrcCameraCommand, type DrcCameraCommand } from '../../../../shared/protocol/payload';
import { ERR_WRONG_PARAMETER } from './answer';

export interface LensExposure {
  iso: number;
  shutter: number;
  aperture: number;
}

export interface DrcCameraSimState {
  wide: LensExposure;
  zoom: LensExposure;
  mechanicalShutter: number;
  dewarping: number;
  nightMode: number;
  denoiseLevel: number;
  nightVision: boolean;
  fillLight: boolean;
  photoFormat: number;
}

/** As the docs' push examples: ISO 3200 (8), shutter 1/2.5 s (44), aperture F4.4, night mode off, RJPEG. */
export const initialDrcCameraState = (): DrcCameraSimState => ({
  wide: { iso: 8, shutter: 44, aperture: 440 },
  zoom: { iso: 8, shutter: 44, aperture: 440 },
  mechanicalShutter: 1,
  dewarping: 0,
  nightMode: 0,
  denoiseLevel: 1,
  nightVision: false,
  fillLight: false,
  photoFormat: 7,
});

/** Applies one command; returns the drc/up result (0 or 325001). */
export function applyDrcCamera(s: DrcCameraSimState, payloadIndex: string, method: string, data: unknown): number {
  const v = validateDrcCameraCommand(method, data);
  if (!v.ok || v.value.data.payload_index !== payloadIndex) return ERR_WRONG_PARAMETER;
  apply(s, v.value);
  return 0;
}

function apply(s: DrcCameraSimState, c: DrcCameraCommand): void {
  switch (c.method) {
    case 'drc_camera_aperture_value_set':
      s[c.data.camera_type].aperture = c.data.aperture_value;
      return;
    case 'drc_camera_shutter_set':
      s[c.data.camera_type].shutter = c.data.shutter_value;
      return;
    case 'drc_camera_iso_set':
      s[c.data.camera_type].iso = c.data.iso_value;
      return;
    case 'drc_camera_mechanical_shutter_set':
      s.mechanicalShutter = c.data.mechanical_shutter_state;
      return;
    case 'drc_camera_dewarping_set':
      s.dewarping = c.data.dewarping_state;
      return;
    case 'drc_camera_night_mode_set':
      s.nightMode = c.data.mode;
      return;
    case 'drc_camera_denoise_level_set':
      s.denoiseLevel = c.data.level;
      return;
    case 'drc_camera_night_vision_enable':
      s.nightVision = c.data.enable;
      return;
    case 'drc_infrared_fill_light_enable':
      s.fillLight = c.data.enable;
      return;
    case 'drc_camera_photo_format_set':
      s.photoFormat = c.data.photo_format;
      return;
  }
}

/** `drc_camera_state_push` data ("相机状态上报"): camera_state with its night_mode_settings. */
export function cameraStatePush(s: DrcCameraSimState, payloadIndex: string, cameraMode: number): Record<string, unknown> {
  return {
    payload_index: payloadIndex,
    camera_state: {
      camera_mode: cameraMode,
      photo_format: s.photoFormat,
      night_mode_settings: {
        night_mode: s.nightMode,
        denoise_level: s.denoiseLevel,
        night_vision_enable: s.nightVision,
        infrared_fill_light_enable: s.fillLight,
        night_scene_mode_suggestion: 0,
        is_working: s.nightMode === 1 ? 1 : 0,
      },
    },
    media_storage: { photo_storage_settings: ['current', 'ir'], video_storage_settings: ['current', 'ir'] },
  };
}

/** `drc_camera_osd_info_push` data ("摄像头osd 推送"): the wide and zoom lens exposure fields. */
export function cameraOsdPush(s: DrcCameraSimState, payloadIndex: string, exposureMode: { wide: number; zoom: number }): Record<string, unknown> {
  const lens = (name: 'wide' | 'zoom') => ({
    [`${name}_exposure_mode`]: exposureMode[name],
    [`${name}_iso`]: s[name].iso,
    [`${name}_shutter_speed`]: s[name].shutter,
    [`${name}_aperture_value`]: s[name].aperture,
  });
  return { payload_index: payloadIndex, wide_lense: lens('wide'), zoom_lense: lens('zoom') };
}
