/** Domain types for the device shadow, shared by the core and the renderer (pure TS). */

export type DeviceClass = 'dock' | 'aircraft' | 'rc' | 'payload' | 'unknown';

/**
 * Shadow property groups. Each starts unknown (absent) and carries its own
 * update time; see electron/core/shadow for which wire fields feed which group.
 */
export type GroupName =
  | 'position' // latitude, longitude, height (ellipsoid), elevation (relative), home_latitude, home_longitude, home_distance
  | 'attitude' // attitude_head, attitude_pitch, attitude_roll, horizontal_speed, vertical_speed
  | 'battery' // capacity_percent, remain_flight_time, return_home_power, voltage, temperature
  | 'status' // mode_code, mode_text, flighttask_step_code, cover_state, drone_in_dock, ...
  | 'environment' // dock: temperature, humidity, wind_speed, rainfall, environment_temperature
  | 'link' // wireless_link / network_state / rc quality
  | 'gnss' // position_state: gps_number, rtk_number, is_fixed, quality
  | 'camera' // cameras[] / payload state
  | 'storage' // storage total/used
  | 'drc' // drc_state
  | 'state'; // everything from the `state` topic (pushmode 1)

export type FieldValue = number | string | boolean | null | readonly unknown[] | { readonly [k: string]: unknown };

export interface GroupState {
  /** Wire field name (DJI's spelling) → latest value. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Epoch ms of the last message that touched this group. */
  readonly updatedAt: number;
}

export interface HmsEntry {
  readonly code: string; // e.g. "0x16100083"
  readonly level: number; // 0 notice, 1 caution, 2 warning
  readonly module: number;
  readonly inTheSky: boolean;
  readonly text: string; // readable text from the docs' HMS table (English)
  readonly receivedAt: number;
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface DeviceSnapshot {
  readonly sn: string;
  /** `domain-type-sub_type`, e.g. "3-2-0"; null until known. */
  readonly modelKey: string | null;
  /** Product name from the product table, e.g. "DJI Dock 2". */
  readonly modelName: string | null;
  readonly deviceClass: DeviceClass;
  readonly online: boolean;
  /** Gateway SN for a sub-device, null for a gateway. */
  readonly gateway: string | null;
  readonly children: readonly string[];
  /** Epoch ms of the last message of any kind. */
  readonly lastSeen: number | null;
  readonly groups: Readonly<Partial<Record<GroupName, GroupState>>>;
  /** Active HMS alerts (latest event replaces the set). */
  readonly hms: readonly HmsEntry[];
  /** Binding to an organization, if any. */
  readonly callsign: string | null;
}

/** A coalesced change to one device, pushed to the renderer at most 10×/s per device. */
export interface ShadowPatch {
  readonly sn: string;
  readonly modelKey?: string | null;
  readonly modelName?: string | null;
  readonly deviceClass?: DeviceClass;
  readonly online?: boolean;
  readonly gateway?: string | null;
  readonly children?: readonly string[];
  readonly lastSeen?: number | null;
  /** Only the groups that changed; each carries its full latest fields. */
  readonly groups?: Readonly<Partial<Record<GroupName, GroupState>>>;
  readonly hms?: readonly HmsEntry[];
  readonly callsign?: string | null;
  /** True when the device was forgotten (removed from the shadow). */
  readonly removed?: boolean;
}
