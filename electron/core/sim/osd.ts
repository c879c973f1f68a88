/** OSD `data` builders, shaped like the docs' examples (10.dock2/00.properties.md, 10.aircraft/10.m3d-properties.md, 20.rc/00.properties.md). */
import type { FlightSnapshot, Home } from './flight';
import { modelKey, type SimProduct } from './products';

/** Mutable dock state the simulator tracks besides the flight. */
export interface DockRuntime {
  coverOpen: boolean;
  debugMode: boolean;
  jobNumber: number;
  alarmState: number;
  supplementLight: number;
  batteryStoreMode: number;
  airConditionerState: number;
  putterState: number;
}

export interface OsdInputs {
  readonly product: SimProduct;
  readonly gatewaySn: string;
  readonly aircraftSn: string;
  readonly home: Home;
  readonly flight: FlightSnapshot;
  readonly aircraftOn: boolean;
  readonly dock: DockRuntime;
  /** Settable aircraft properties pushed on OSD (height_limit, obstacle_avoidance, …). */
  readonly aircraftOsdProps: Readonly<Record<string, unknown>>;
  readonly firstPowerOn: number;
}

export function newDockRuntime(): DockRuntime {
  return { coverOpen: false, debugMode: false, jobNumber: 0, alarmState: 0, supplementLight: 0, batteryStoreMode: 1, airConditionerState: 0, putterState: 0 };
}

/** The docs' Dock 2 example sends the dock OSD as three messages; we keep that split. */
export function dockOsdParts(i: OsdInputs): Record<string, unknown>[] {
  const f = i.flight;
  const docked = !f.airborne;
  const partA = {
    job_number: i.dock.jobNumber,
    activation_time: Math.floor(i.firstPowerOn / 1000),
    maintain_status: { maintain_status_array: [{ state: 0, last_maintain_type: 17, last_maintain_time: 0, last_maintain_work_sorties: 0 }] },
    working_voltage: 25440,
    working_current: 1120,
    backup_battery: { voltage: 26631, temperature: 27.9, switch: 1 },
    drone_battery_maintenance_info: { maintenance_state: 0, maintenance_time_left: 0 },
  };
  const partB = {
    flighttask_step_code: docked ? 5 : 1,
    media_file_detail: { remain_upload: 0 },
    wireless_link: wirelessLink(i.aircraftOn),
  };
  const partC = {
    network_state: { type: 2, quality: 5, rate: 5.1 },
    drone_charge_state: { state: docked && i.aircraftOn && f.battery < 100 ? 1 : 0, capacity_percent: f.battery },
    drone_in_dock: docked ? 1 : 0,
    rainfall: 0,
    wind_speed: 2.4,
    environment_temperature: 24,
    temperature: 24.9,
    humidity: 62,
    latitude: i.home.lat,
    longitude: i.home.lon,
    height: i.home.height,
    heading: 0,
    home_position_is_valid: 1,
    alternate_land_point: { latitude: i.home.lat + 0.0001, longitude: i.home.lon, safe_land_height: 30, is_configured: 1, height: i.home.height },
    first_power_on: i.firstPowerOn,
    position_state: { is_calibration: 1, is_fixed: 2, quality: 5, gps_number: 18, rtk_number: 25 },
    storage: { total: 82045336, used: 51772 },
    // Dock mode_code (enums.md §2.1): 2 remote debugging, 4 working, 0 idle.
    mode_code: i.dock.debugMode ? 2 : docked ? 0 : 4,
    cover_state: !docked || i.dock.coverOpen ? 1 : 0,
    supplement_light_state: i.dock.supplementLight,
    emergency_stop_state: 0,
    air_conditioner: { air_conditioner_state: i.dock.airConditionerState, switch_time: 0 },
    battery_store_mode: i.dock.batteryStoreMode,
    alarm_state: i.dock.alarmState,
    putter_state: i.dock.putterState,
    sub_device: {
      device_sn: i.aircraftSn,
      device_model_key: modelKey(i.product.aircraft),
      device_online_status: i.aircraftOn ? 1 : 0,
      device_paired: 1,
    },
  };
  return [partA, partB, partC];
}

/** Aircraft OSD; payload state keyed by payload index `{type-subtype-gimbalindex}` as in the docs. */
export function aircraftOsd(i: OsdInputs): Record<string, unknown> {
  const f = i.flight;
  const p = i.product;
  const perPack = f.battery;
  const batteries = Array.from({ length: p.batteryCount }, (_, index) => ({
    capacity_percent: perPack,
    firmware_version: '02.00.20.44',
    high_voltage_storage_days: 5,
    index,
    loop_times: 82,
    sn: `${i.aircraftSn.slice(-8)}B${index}`,
    sub_type: 0,
    temperature: 32,
    type: 0,
    voltage: 15400 + Math.round(perPack * 12),
  }));
  return {
    [p.payloadIndex]: {
      gimbal_pitch: f.airborne ? -45 : 0,
      gimbal_roll: 0,
      gimbal_yaw: f.heading,
      payload_index: p.payloadIndex,
      zoom_factor: 2,
    },
    cameras: [{ payload_index: p.payloadIndex, camera_mode: 0, photo_state: 0, recording_state: 0, record_time: 0, remain_photo_num: 5000, remain_record_duration: 20000, zoom_factor: 2, ir_zoom_factor: 2 }],
    activation_time: Math.floor(i.firstPowerOn / 1000),
    attitude_head: f.heading,
    attitude_pitch: f.pitch,
    attitude_roll: f.roll,
    battery: {
      batteries,
      capacity_percent: f.battery,
      landing_power: 10,
      remain_flight_time: Math.round(f.battery * 24),
      return_home_power: 15,
    },
    elevation: f.elevation,
    gear: 1,
    height: f.height,
    home_distance: f.homeDistance,
    horizontal_speed: f.horizontalSpeed,
    latitude: f.lat,
    longitude: f.lon,
    mode_code: f.modeCode,
    position_state: { gps_number: 18, is_fixed: 2, quality: 5, rtk_number: 30 },
    storage: { total: 60000000, used: 1200000 },
    total_flight_distance: 0,
    total_flight_sorties: 0,
    total_flight_time: f.flightSec,
    track_id: '',
    vertical_speed: f.verticalSpeed,
    wind_direction: 1,
    wind_speed: 2.4,
    ...i.aircraftOsdProps,
  };
}

/** RC Plus OSD (pilot-to-cloud 20.rc/00.properties.md, pushMode 0 rows). */
export function rcOsd(i: OsdInputs): Record<string, unknown> {
  return {
    capacity_percent: 87,
    country: 'US',
    latitude: i.home.lat,
    longitude: i.home.lon,
    height: i.home.height,
    wireless_link: wirelessLink(i.aircraftOn),
  };
}

function wirelessLink(aircraftOn: boolean): Record<string, unknown> {
  return {
    '4g_freq_band': 2.4,
    '4g_gnd_quality': 0,
    '4g_link_state': 0,
    '4g_quality': 0,
    '4g_uav_quality': 0,
    dongle_number: 0,
    link_workmode: 0,
    sdr_freq_band: 2.4,
    sdr_link_state: aircraftOn ? 1 : 0,
    sdr_quality: aircraftOn ? 5 : 0,
  };
}
