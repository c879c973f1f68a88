/**
 * Dock 3's camera settings that exist only on the DRC link (official-cn-latest dock3 remote-control.md,
 * "负载控制—相机光圈 / 相机快门 / ISO设置 / 机械快门 / 镜头去畸变", "夜景模式设置", "降噪等级设置", "黑白夜视使能",
 * "近红外补光使能", "红外照片格式设置"): sent as `{method, data, seq}` on drc/down while the dock is in DRC and
 * answered on drc/up under the same method with `{result}`. No `services` form exists, so outside DRC they are refused.
 */
import { bool, enumInt, enumString, payloadIndex, type FieldRule } from './fields';
import type { VisibleLens } from './types';

interface Indexed {
  readonly payload_index: string;
}

export interface DrcCameraCommandData {
  readonly drc_camera_aperture_value_set: Indexed & { readonly camera_type: VisibleLens; readonly aperture_value: number };
  readonly drc_camera_shutter_set: Indexed & { readonly camera_type: VisibleLens; readonly shutter_value: number };
  readonly drc_camera_iso_set: Indexed & { readonly camera_type: VisibleLens; readonly iso_value: number };
  readonly drc_camera_mechanical_shutter_set: Indexed & { readonly camera_type: 'wide'; readonly mechanical_shutter_state: 0 | 1 };
  readonly drc_camera_dewarping_set: Indexed & { readonly camera_type: 'wide'; readonly dewarping_state: 0 | 1 };
  readonly drc_camera_night_mode_set: Indexed & { readonly mode: 0 | 1 | 2 };
  readonly drc_camera_denoise_level_set: Indexed & { readonly level: 2 | 3 };
  readonly drc_camera_night_vision_enable: Indexed & { readonly enable: boolean };
  readonly drc_infrared_fill_light_enable: Indexed & { readonly enable: boolean };
  readonly drc_camera_photo_format_set: Indexed & { readonly photo_format: 7 | 16 };
}

export type DrcCameraMethod = keyof DrcCameraCommandData;
export type DrcCameraCommand = { [M in DrcCameraMethod]: { readonly method: M; readonly data: DrcCameraCommandData[M] } }[DrcCameraMethod];

export interface DrcCameraSpec {
  readonly method: DrcCameraMethod;
  readonly title: string;
  readonly fields: Readonly<Record<string, FieldRule>>;
}

/** aperture_value: F-number × 100, 0 = auto ("根据不同机型，范围不一致": the camera may refuse some). */
export const APERTURE_VALUES: Readonly<Record<number, string>> = Object.fromEntries([
  [0, 'F auto'],
  ...[50, 70, 80, 90, 95, 100, 110, 120, 140, 160, 170, 180, 200, 220, 240, 250, 280, 320, 330, 340, 350, 400, 440, 450, 480, 500, 560, 630, 670, 680, 710, 800, 900, 950, 960, 1000, 1100, 1300, 1400, 1600, 1800, 1900, 2000, 2200, 2500, 2700, 2900, 3200, 3600, 3800, 4000, 4500, 5100, 5400, 5700, 6400, 7200, 7600, 8000, 9000, 10700, 12800, 18000, 25600].map(
    (v) => [v, `F${v / 100}`],
  ),
]);

const SHUTTERS = '1/8000 1/6400 1/6000 1/5000 1/4000 1/3200 1/3000 1/2500 1/2000 1/1600 1/1500 1/1250 1/1000 1/800 1/725 1/640 1/500 1/400 1/350 1/320 1/250 1/240 1/200 1/180 1/160 1/125 1/120 1/100 1/90 1/80 1/60 1/50 1/40 1/30 1/25 1/20 1/15 1/12.5 1/10 1/8 1/6.25 1/5 1/4 1/3 1/2.5 1/2 1/1.67 1/1.25 1.0 1.3 1.6 2.0 2.5 3.0 3.2 4.0 5.0 6.0 7.0 8.0';
/** shutter_value: 0 = 1/8000 s … 59 = 8.0 s, 60 = auto (drc_camera_shutter_set field table). */
export const SHUTTER_VALUES: Readonly<Record<number, string>> = Object.fromEntries([...SHUTTERS.split(' ').map((s, i) => [i, `${s} s`]), [60, 'auto']]);
/** iso_value (drc_camera_iso_set field table; 1 is not in it). */
export const ISO_VALUES: Readonly<Record<number, string>> = {
  0: 'auto', 2: '50', 3: '100', 4: '200', 5: '400', 6: '800', 7: '1600', 8: '3200', 9: '6400', 10: '12800', 11: '25600', 12: '51200', 13: '102400', 255: 'fixed',
};
export const ON_OFF = { 0: 'off', 1: 'on' } as const;
export const NIGHT_MODES = { 0: 'off', 1: 'on', 2: 'auto' } as const;
/** Only the two levels the set command documents; 0/1 appear in the state push only. */
export const DENOISE_LEVELS = { 2: 'enhanced (15 fps)', 3: 'ultra (5 fps)' } as const;
export const IR_PHOTO_FORMATS = { 7: 'RJPEG', 16: 'DLT664' } as const;
const WIDE_ONLY = { wide: 'wide-angle' } as const;
const VISIBLE = { wide: 'wide-angle', zoom: 'zoom' } as const;

const spec = (method: DrcCameraMethod, title: string, fields: Readonly<Record<string, FieldRule>>): DrcCameraSpec => ({ method, title, fields: { payload_index: payloadIndex, ...fields } });

const TABLE: readonly DrcCameraSpec[] = [
  spec('drc_camera_aperture_value_set', 'Aperture', { camera_type: enumString(VISIBLE), aperture_value: enumInt(APERTURE_VALUES) }),
  spec('drc_camera_shutter_set', 'Shutter', { camera_type: enumString(VISIBLE), shutter_value: enumInt(SHUTTER_VALUES) }),
  spec('drc_camera_iso_set', 'ISO', { camera_type: enumString(VISIBLE), iso_value: enumInt(ISO_VALUES) }),
  spec('drc_camera_mechanical_shutter_set', 'Mechanical shutter', { camera_type: enumString(WIDE_ONLY), mechanical_shutter_state: enumInt(ON_OFF) }),
  spec('drc_camera_dewarping_set', 'Dewarping', { camera_type: enumString(WIDE_ONLY), dewarping_state: enumInt(ON_OFF) }),
  spec('drc_camera_night_mode_set', 'Night mode', { mode: enumInt(NIGHT_MODES) }),
  spec('drc_camera_denoise_level_set', 'Denoise level', { level: enumInt(DENOISE_LEVELS) }),
  spec('drc_camera_night_vision_enable', 'Black-and-white night vision', { enable: bool }),
  spec('drc_infrared_fill_light_enable', 'Near-infrared fill light', { enable: bool }),
  spec('drc_camera_photo_format_set', 'IR photo format', { photo_format: enumInt(IR_PHOTO_FORMATS) }),
];

export const DRC_CAMERA_COMMANDS: ReadonlyMap<DrcCameraMethod, DrcCameraSpec> = new Map(TABLE.map((s) => [s.method, s]));
export const DRC_CAMERA_METHODS: readonly DrcCameraMethod[] = TABLE.map((s) => s.method);
export const isDrcCameraMethod = (m: string): m is DrcCameraMethod => DRC_CAMERA_COMMANDS.has(m as DrcCameraMethod);

/** Gateways that document these methods: Dock 3 (3-3-0, enums.md §1.1). */
export const DRC_CAMERA_GATEWAY_MODELS: ReadonlySet<string> = new Set(['3-3-0']);
