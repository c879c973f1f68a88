/**
 * The payload-control command table: every `services` method with its documented fields, ranges and enums,
 * and its `drc/down` twin where one is documented. Derived from the research protocol catalog
 * (/work/shared/protocol/protocol-catalog.json, domain "payload" + the drc_camera_* entries);
 * test/unit/payload/catalog-parity.test.ts checks it field by field against that catalog.
 * Pages: official-en dock2 110.drc.md (services), official-cn-latest dock3 drc.md, rc-pro 40.remote-control.md,
 * dji-rc-plus-2 remote-control.md (drc_* forms).
 */
import {
  bool,
  CAMERA_MODES,
  enumInt,
  enumString,
  EXPOSURE_MODES,
  EXPOSURE_VALUES,
  FOCUS_MODES,
  GIMBAL_RESET_MODES,
  int,
  IR_METERING_MODES,
  LENSES_ALL,
  LENSES_VISIBLE,
  num,
  payloadIndex,
  unit01,
  type FieldRule,
} from './fields';
import type { PayloadMethod } from './types';

export interface CommandSpec {
  readonly method: PayloadMethod;
  /** Short operator-facing name. */
  readonly title: string;
  /** `drc/down` method for gateways that take payload commands on the DRC link (RC Plus 2 remote-control page). */
  readonly drcMethod?: string;
  /** Every field is required on the wire (the docs' examples send them all; the demo marks them @NotNull). */
  readonly fields: Readonly<Record<string, FieldRule>>;
}

const spec = (method: PayloadMethod, title: string, fields: Readonly<Record<string, FieldRule>>, drc = true): CommandSpec => ({
  method,
  title,
  ...(drc ? { drcMethod: `drc_${method}` } : {}),
  fields: { payload_index: payloadIndex, ...fields },
});

/** zoom_factor: "2-200 for visible light, 2-20 for infrared" (dock2 110.drc.md "Payload control - Zoom"). */
export const ZOOM_RANGE = { visible: { min: 2, max: 200 }, ir: { min: 2, max: 20 } } as const;
/** camera_look_at height: ellipsoid height, 2–10000 m, step 0.1 (dock2 110.drc.md "Payload control - Look At"). */
export const LOOK_AT_HEIGHT = { min: 2, max: 10000 } as const;

const TABLE: readonly CommandSpec[] = [
  // payload_authority_grab is a services method only (dock drc.md); Pilot 2 has no such call.
  spec('payload_authority_grab', 'Take payload control', {}, false),
  spec('camera_mode_switch', 'Camera mode', { camera_mode: enumInt(CAMERA_MODES) }),
  spec('camera_photo_take', 'Take photo', {}),
  spec('camera_photo_stop', 'Stop photo (panorama)', {}),
  spec('camera_recording_start', 'Start recording', {}),
  spec('camera_recording_stop', 'Stop recording', {}),
  spec('camera_focal_length_set', 'Zoom', { camera_type: enumString(LENSES_ALL), zoom_factor: num(ZOOM_RANGE.visible.min, ZOOM_RANGE.visible.max, '×') }),
  spec('camera_screen_split', 'Split screen', { enable: bool }),
  spec('camera_point_focus_action', 'Spot focus', { camera_type: enumString(LENSES_VISIBLE), x: unit01, y: unit01 }),
  spec('camera_focus_mode_set', 'Focus mode', { camera_type: enumString(LENSES_VISIBLE), focus_mode: enumInt(FOCUS_MODES) }),
  // The range of focus_value is the camera's own: zoom_min_focus_value–zoom_max_focus_value in the aircraft OSD `cameras[]`.
  spec('camera_focus_value_set', 'Focus value', { camera_type: enumString(LENSES_VISIBLE), focus_value: int() }),
  spec('camera_exposure_mode_set', 'Exposure mode', { camera_type: enumString(LENSES_VISIBLE), exposure_mode: enumInt(EXPOSURE_MODES) }),
  spec('camera_exposure_set', 'Exposure value', { camera_type: enumString(LENSES_VISIBLE), exposure_value: enumInt(EXPOSURE_VALUES) }),
  // Subject zoom is on the Dock 2/3 pages (dock2 110.drc.md "Payload control - subject zoom") and RC Plus 2's drc form.
  spec('camera_frame_zoom', 'Frame zoom', { camera_type: enumString(LENSES_ALL), locked: bool, x: unit01, y: unit01, width: unit01, height: unit01 }),
  // No range is documented for the drag speeds; the unit differs between pages (EN: rad/s, CN: degree/s).
  spec('camera_screen_drag', 'Drag view', { locked: bool, pitch_speed: num(), yaw_speed: num() }),
  spec('camera_aim', 'Aim (double tap)', { camera_type: enumString(LENSES_ALL), locked: bool, x: unit01, y: unit01 }),
  spec('camera_look_at', 'Look at', {
    locked: bool,
    latitude: num(-90, 90, '°'),
    longitude: num(-180, 180, '°'),
    height: num(LOOK_AT_HEIGHT.min, LOOK_AT_HEIGHT.max, 'm'),
  }),
  spec('gimbal_reset', 'Reset gimbal', { reset_mode: enumInt(GIMBAL_RESET_MODES) }),
  spec('ir_metering_mode_set', 'IR metering mode', { mode: enumInt(IR_METERING_MODES) }),
  spec('ir_metering_point_set', 'IR metering point', { x: unit01, y: unit01 }),
  spec('ir_metering_area_set', 'IR metering area', { x: unit01, y: unit01, width: unit01, height: unit01 }),
];

export const PAYLOAD_COMMANDS: ReadonlyMap<PayloadMethod, CommandSpec> = new Map(TABLE.map((s) => [s.method, s]));
export const PAYLOAD_METHODS: readonly PayloadMethod[] = TABLE.map((s) => s.method);

export const isPayloadMethod = (m: string): m is PayloadMethod => PAYLOAD_COMMANDS.has(m as PayloadMethod);

/** Gateways whose payload commands go on `drc/down` as `drc_*` while in DRC: RC Plus 2 (dji-rc-plus-2 remote-control.md). */
export const DRC_PAYLOAD_GATEWAY_MODELS: ReadonlySet<string> = new Set(['2-174-0']);
