/**
 * Which wire field (DJI's name, top level of an OSD/state `data`) feeds which shadow group.
 * Field names per the device property pages (dock/aircraft/RC `properties.md`).
 */
import type { DeviceClass, FieldValue, GroupName } from '../../../shared/model/device';

const COMMON: Readonly<Record<string, GroupName>> = {
  latitude: 'position',
  longitude: 'position',
  height: 'position',
  elevation: 'position',
  home_distance: 'position',
  home_latitude: 'position',
  home_longitude: 'position',
  attitude_head: 'attitude',
  attitude_pitch: 'attitude',
  attitude_roll: 'attitude',
  heading: 'attitude',
  horizontal_speed: 'attitude',
  vertical_speed: 'attitude',
  mode_code: 'status',
  cover_state: 'status',
  drone_in_dock: 'status',
  putter_state: 'status',
  flighttask_step_code: 'status',
  emergency_stop_state: 'status',
  supplement_light_state: 'status',
  gear: 'status',
  drone_charge_state: 'status',
  job_number: 'status',
  temperature: 'environment',
  humidity: 'environment',
  environment_temperature: 'environment',
  rainfall: 'environment',
  wind_speed: 'environment',
  wind_direction: 'environment',
  network_state: 'link',
  wireless_link: 'link',
  position_state: 'gnss',
  cameras: 'camera',
  // Dock 3 drc_camera_state_push / drc_camera_osd_info_push, decoded per payload index (electron/core/payload/feature.ts).
  drc_camera: 'camera',
  storage: 'storage',
  drc_state: 'drc',
  battery: 'battery',
  backup_battery: 'battery',
  capacity_percent: 'battery',
};

/** A payload-index key, e.g. "39-0-7" (type-subtype-gimbalindex): camera/gimbal state. */
const PAYLOAD_KEY = /^\d+-\d+-\d+$/;

export function groupOf(field: string, source: 'osd' | 'state'): GroupName {
  if (source === 'state') return 'state';
  const g = COMMON[field];
  if (g) return g;
  if (PAYLOAD_KEY.test(field)) return 'camera';
  return 'status';
}

/**
 * Split one message's data into per-group field updates. The aircraft `battery`
 * object is also flattened (capacity_percent, remain_flight_time, return_home_power)
 * so the fleet panel reads one number.
 */
export function splitIntoGroups(
  data: Readonly<Record<string, unknown>>,
  source: 'osd' | 'state',
  deviceClass: DeviceClass,
): Map<GroupName, Record<string, FieldValue>> {
  // Runs for every OSD message: a plain loop, no closures or entry arrays.
  const out = new Map<GroupName, Record<string, FieldValue>>();
  for (const k in data) {
    const v = data[k];
    if (v === undefined) continue;
    if (k === 'battery' && deviceClass === 'aircraft' && v && typeof v === 'object' && !Array.isArray(v)) {
      const b = v as Record<string, unknown>;
      for (const sub of BATTERY_FIELDS) {
        if (typeof b[sub] === 'number') put(out, 'battery', sub, b[sub] as number);
      }
      if (Array.isArray(b.batteries)) put(out, 'battery', 'batteries', b.batteries);
      continue;
    }
    put(out, groupOf(k, source), k, v as FieldValue);
  }
  return out;
}

const BATTERY_FIELDS = ['capacity_percent', 'remain_flight_time', 'return_home_power', 'landing_power'] as const;

function put(out: Map<GroupName, Record<string, FieldValue>>, g: GroupName, k: string, v: FieldValue): void {
  let rec = out.get(g);
  if (!rec) out.set(g, (rec = {}));
  rec[k] = v;
}
