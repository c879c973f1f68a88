/**
 * `data` of each payload-control `services` method, spelled as DJI spells it
 * (official-en dock2 110.drc.md "Payload control – …"; official-cn-latest dock3 drc.md; rc-pro remote-control.md).
 */

export type Lens = 'ir' | 'wide' | 'zoom';
export type VisibleLens = 'wide' | 'zoom';

interface Indexed {
  readonly payload_index: string;
}

export interface PayloadCommandData {
  readonly payload_authority_grab: Indexed;
  readonly camera_mode_switch: Indexed & { readonly camera_mode: 0 | 1 | 2 | 3 };
  readonly camera_photo_take: Indexed;
  readonly camera_photo_stop: Indexed;
  readonly camera_recording_start: Indexed;
  readonly camera_recording_stop: Indexed;
  readonly camera_focal_length_set: Indexed & { readonly camera_type: Lens; readonly zoom_factor: number };
  readonly camera_screen_split: Indexed & { readonly enable: boolean };
  readonly camera_point_focus_action: Indexed & { readonly camera_type: VisibleLens; readonly x: number; readonly y: number };
  readonly camera_focus_mode_set: Indexed & { readonly camera_type: VisibleLens; readonly focus_mode: 0 | 1 | 2 };
  readonly camera_focus_value_set: Indexed & { readonly camera_type: VisibleLens; readonly focus_value: number };
  readonly camera_exposure_mode_set: Indexed & { readonly camera_type: VisibleLens; readonly exposure_mode: 1 | 2 | 3 | 4 };
  readonly camera_exposure_set: Indexed & { readonly camera_type: VisibleLens; readonly exposure_value: number };
  readonly camera_frame_zoom: Indexed & {
    readonly camera_type: Lens;
    readonly locked: boolean;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly camera_screen_drag: Indexed & { readonly locked: boolean; readonly pitch_speed: number; readonly yaw_speed: number };
  readonly camera_aim: Indexed & { readonly camera_type: Lens; readonly locked: boolean; readonly x: number; readonly y: number };
  readonly camera_look_at: Indexed & { readonly locked: boolean; readonly latitude: number; readonly longitude: number; readonly height: number };
  readonly gimbal_reset: Indexed & { readonly reset_mode: 0 | 1 | 2 | 3 };
  readonly ir_metering_mode_set: Indexed & { readonly mode: 0 | 1 | 2 };
  readonly ir_metering_point_set: Indexed & { readonly x: number; readonly y: number };
  readonly ir_metering_area_set: Indexed & { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export type PayloadMethod = keyof PayloadCommandData;

/** One typed command: the method and its data. */
export type PayloadCommand = { [M in PayloadMethod]: { readonly method: M; readonly data: PayloadCommandData[M] } }[PayloadMethod];

/** Writable thermal properties of the payload-index object (aircraft properties pages, accessMode rw), set through property/set. */
export interface ThermalSettings {
  readonly thermal_current_palette_style?: number;
  readonly thermal_gain_mode?: 0 | 1 | 2;
  readonly thermal_isotherm_state?: 0 | 1;
  readonly thermal_isotherm_upper_limit?: number;
  readonly thermal_isotherm_lower_limit?: number;
}

/** `camera_photo_take_progress` event (dock2 110.drc.md "Upload capture progress"). */
export interface PhotoProgress {
  readonly gateway: string;
  readonly status: string;
  readonly percent: number | null;
  readonly currentStep: number | null;
  readonly stepText: string;
  readonly result: number;
  readonly resultText: string;
}
