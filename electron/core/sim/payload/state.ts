/** The simulated payload's state and how it shows in the aircraft OSD (payload-index object + `cameras[]` entry). */
import { areaStats, GLOBAL, temperatureAt } from './thermal-field';
import type { Angles, Geo } from './gimbal';

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the gimbal is doing: following the aircraft, holding angles, or tracking a look-at target. */
export type GimbalGoal =
  | { readonly kind: 'follow' } // yaw with the aircraft heading, pitch level (or 45° down in flight), as before any command
  | { readonly kind: 'angles'; readonly angles: Angles }
  | { readonly kind: 'look_at'; readonly target: Geo };

export interface PayloadSimState {
  authority: boolean;
  cameraMode: number;
  recordingSince: number | null;
  photoState: number;
  panoramaBusy: boolean;
  remainPhotoNum: number;
  remainRecordS: number;
  zoomFactor: number;
  irZoomFactor: number;
  screenSplit: boolean;
  exposureMode: { wide: number; zoom: number };
  exposureValue: { wide: number; zoom: number };
  focusMode: number;
  focusValue: number;
  goal: GimbalGoal;
  irMode: number;
  irPoint: { x: number; y: number };
  irArea: Area;
  thermal: Record<string, number>;
}

/** zoom camera focus range reported in OSD (zoom_min/max_focus_value); the real M3TD reports a similar span. */
export const FOCUS_MIN = 0;
export const FOCUS_MAX = 1000;

export function initialPayloadState(): PayloadSimState {
  return {
    authority: false,
    cameraMode: 0,
    recordingSince: null,
    photoState: 0,
    panoramaBusy: false,
    remainPhotoNum: 5000,
    remainRecordS: 20000,
    zoomFactor: 2,
    irZoomFactor: 2,
    screenSplit: false,
    exposureMode: { wide: 1, zoom: 1 },
    exposureValue: { wide: 16, zoom: 16 },
    focusMode: 1,
    focusValue: 500,
    goal: { kind: 'follow' },
    irMode: 0,
    irPoint: { x: 0.5, y: 0.5 },
    irArea: { x: 0.4, y: 0.4, width: 0.2, height: 0.2 },
    thermal: { thermal_current_palette_style: 0, thermal_gain_mode: 0, thermal_isotherm_state: 0, thermal_isotherm_upper_limit: 60, thermal_isotherm_lower_limit: 20 },
  };
}

export function cameraEntry(s: PayloadSimState, payloadIndex: string, nowMs: number): Record<string, unknown> {
  const recordTime = s.recordingSince === null ? 0 : Math.floor((nowMs - s.recordingSince) / 1000);
  const stats = areaStats(s.irArea.x, s.irArea.y, s.irArea.width, s.irArea.height);
  return {
    payload_index: payloadIndex,
    camera_mode: s.cameraMode,
    photo_state: s.photoState,
    recording_state: s.recordingSince === null ? 0 : 1,
    record_time: recordTime,
    remain_photo_num: s.remainPhotoNum,
    remain_record_duration: Math.max(0, s.remainRecordS - recordTime),
    zoom_factor: s.zoomFactor,
    ir_zoom_factor: s.irZoomFactor,
    screen_split_enable: s.screenSplit,
    wide_exposure_mode: s.exposureMode.wide,
    wide_exposure_value: s.exposureValue.wide,
    zoom_exposure_mode: s.exposureMode.zoom,
    zoom_exposure_value: s.exposureValue.zoom,
    zoom_focus_mode: s.focusMode,
    zoom_focus_value: s.focusValue,
    zoom_min_focus_value: FOCUS_MIN,
    zoom_max_focus_value: FOCUS_MAX,
    zoom_focus_state: 2,
    ir_metering_mode: s.irMode,
    ir_metering_point: { ...s.irPoint, temperature: temperatureAt(s.irPoint.x, s.irPoint.y) },
    ir_metering_area: { ...s.irArea, aver_temperature: stats.aver, min_temperature_point: stats.min, max_temperature_point: stats.max },
  };
}

export function payloadObject(s: PayloadSimState, payloadIndex: string, angles: Angles, target: (Geo & { distance: number }) | null): Record<string, unknown> {
  return {
    payload_index: payloadIndex,
    gimbal_pitch: angles.pitch,
    gimbal_roll: 0,
    gimbal_yaw: angles.yaw,
    zoom_factor: s.zoomFactor,
    // Laser rangefinder: where the line of sight meets the ground; error state 3 = NO_SIGNAL when it does not.
    measure_target_longitude: target?.lon ?? 0,
    measure_target_latitude: target?.lat ?? 0,
    measure_target_altitude: target?.height ?? 0,
    measure_target_distance: target ? Math.round(target.distance * 10) / 10 : 0,
    measure_target_error_state: target ? 0 : 3,
    thermal_supported_palette_styles: [0, 1, 2, 3, 5, 6, 8, 11, 12, 13],
    thermal_global_temperature_min: GLOBAL.min,
    thermal_global_temperature_max: GLOBAL.max,
    ...s.thermal,
  };
}
