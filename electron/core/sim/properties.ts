/** Writable (`accessMode rw`) properties per device and how property/set is answered (10.dock2/00.properties.md "Device Property Set"). */
import { product, type SimKind } from './products';

export type PropTarget = 'dock' | 'aircraft';
export interface PropSpec {
  readonly target: PropTarget;
  /** pushMode 0 → shows up in OSD; 1 → pushed as state on change. */
  readonly push: 'osd' | 'state';
  readonly initial: unknown;
}

const DOCK_PROPS: Readonly<Record<string, PropSpec>> = {
  air_transfer_enable: { target: 'dock', push: 'state', initial: 0 },
  silent_mode: { target: 'dock', push: 'state', initial: 0 },
  user_experience_improvement: { target: 'dock', push: 'state', initial: 0 },
};

const WATERMARK = { global_enable: 0, drone_type_enable: 1, drone_sn_enable: 1, datetime_enable: 1, gps_enable: 1, user_custom_string_enable: 0, user_custom_string: '', layout: 3 };

// M3D/M4D (10.aircraft/10.m3d-properties.md, cn aircraft/m4d-properties.md).
const DOCK_AIRCRAFT_PROPS: Readonly<Record<string, PropSpec>> = {
  height_limit: { target: 'aircraft', push: 'osd', initial: 120 },
  night_lights_state: { target: 'aircraft', push: 'osd', initial: 0 },
  obstacle_avoidance: { target: 'aircraft', push: 'osd', initial: { horizon: 1, upside: 1, downside: 1 } },
  distance_limit_status: { target: 'aircraft', push: 'osd', initial: { state: 0, distance_limit: 5000 } },
  rth_altitude: { target: 'aircraft', push: 'osd', initial: 100 },
  rth_mode: { target: 'aircraft', push: 'state', initial: 1 },
  commander_flight_height: { target: 'aircraft', push: 'state', initial: 80 },
  commander_flight_mode: { target: 'aircraft', push: 'state', initial: 1 },
  commander_mode_lost_action: { target: 'aircraft', push: 'state', initial: 1 },
  remaining_power_for_return_home: { target: 'aircraft', push: 'state', initial: 0 },
  offline_map_enable: { target: 'aircraft', push: 'state', initial: 1 },
  camera_watermark_settings: { target: 'aircraft', push: 'state', initial: WATERMARK },
};

// Aircraft behind Pilot 2 on RC Plus / RC Plus 2 (30.others/10.aircraft/00.properties.md; m4-series properties.md).
const RC_AIRCRAFT_PROPS: Readonly<Record<string, PropSpec>> = {
  height_limit: DOCK_AIRCRAFT_PROPS.height_limit!,
  night_lights_state: DOCK_AIRCRAFT_PROPS.night_lights_state!,
  camera_watermark_settings: DOCK_AIRCRAFT_PROPS.camera_watermark_settings!,
};

export function writableProps(kind: SimKind): Readonly<Record<string, PropSpec>> {
  return product(kind).isDock ? { ...DOCK_PROPS, ...DOCK_AIRCRAFT_PROPS } : RC_AIRCRAFT_PROPS;
}

export function initialProps(kind: SimKind, target: PropTarget, push: PropSpec['push']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(writableProps(kind))) {
    if (s.target === target && s.push === push) out[k] = structuredClone(s.initial);
  }
  return out;
}

export interface PropertySetOutcome {
  /** property/set_reply `data`: `{prop: {result}}`, or per leaf for structs (`{prop: {leaf: {result}}}`). */
  readonly reply: Record<string, unknown>;
  /** Accepted values to merge into the device, by property name. */
  readonly accepted: Readonly<Record<string, unknown>>;
}

const RESULT_OK = 0;
const RESULT_FAILED = 1; // docs: 0 success, 1 failed, 2 timeout

/** Applies a property/set `data`; unknown or read-only properties fail with result 1. */
export function applyPropertySet(kind: SimKind, data: unknown): PropertySetOutcome {
  const specs = writableProps(kind);
  const reply: Record<string, unknown> = {};
  const accepted: Record<string, unknown> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { reply, accepted };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const spec = specs[key];
    const isStruct = typeof value === 'object' && value !== null && !Array.isArray(value);
    const structOk = spec !== undefined && isStruct === (typeof spec.initial === 'object');
    const result = structOk ? RESULT_OK : RESULT_FAILED;
    if (isStruct) {
      reply[key] = Object.fromEntries(Object.keys(value as object).map((leaf) => [leaf, { result }]));
    } else {
      reply[key] = { result };
    }
    if (result === RESULT_OK) accepted[key] = value;
  }
  return { reply, accepted };
}
