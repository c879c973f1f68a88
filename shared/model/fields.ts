/** Display metadata for common shadow fields: DJI wire name → label and unit (pure TS, no DOM). */

export interface FieldMeta {
  readonly label: string;
  /** Unit suffix shown after the value; empty for unitless fields. */
  readonly unit: string;
}

/**
 * Units follow DJI Cloud API "Device Properties" (dock / aircraft osd pages):
 * height is ellipsoid height (m), elevation is relative to take-off (m),
 * speeds in m/s, temperatures in °C, wind_speed in m/s, rainfall is an enum.
 */
export const FIELDS: Readonly<Record<string, FieldMeta>> = {
  latitude: { label: 'Latitude', unit: '°' },
  longitude: { label: 'Longitude', unit: '°' },
  height: { label: 'Height (ellipsoid)', unit: 'm' },
  elevation: { label: 'Elevation (rel.)', unit: 'm' },
  home_latitude: { label: 'Home latitude', unit: '°' },
  home_longitude: { label: 'Home longitude', unit: '°' },
  home_distance: { label: 'Home distance', unit: 'm' },
  attitude_head: { label: 'Heading', unit: '°' },
  heading: { label: 'Heading', unit: '°' },
  attitude_pitch: { label: 'Pitch', unit: '°' },
  attitude_roll: { label: 'Roll', unit: '°' },
  horizontal_speed: { label: 'Horizontal speed', unit: 'm/s' },
  vertical_speed: { label: 'Vertical speed', unit: 'm/s' },
  wind_speed: { label: 'Wind speed', unit: 'm/s' },
  wind_direction: { label: 'Wind direction', unit: '' },
  capacity_percent: { label: 'Battery', unit: '%' },
  remain_flight_time: { label: 'Remaining flight time', unit: 's' },
  return_home_power: { label: 'Return-home power', unit: '%' },
  landing_power: { label: 'Landing power', unit: '%' },
  voltage: { label: 'Voltage', unit: 'mV' },
  temperature: { label: 'Temperature', unit: '°C' },
  environment_temperature: { label: 'Outside temperature', unit: '°C' },
  humidity: { label: 'Humidity', unit: '%' },
  rainfall: { label: 'Rainfall', unit: '' },
  mode_code: { label: 'Mode code', unit: '' },
  mode_text: { label: 'Mode', unit: '' },
  flighttask_step_code: { label: 'Task step', unit: '' },
  cover_state: { label: 'Cover', unit: '' },
  drone_in_dock: { label: 'Aircraft in dock', unit: '' },
  gps_number: { label: 'GPS satellites', unit: '' },
  rtk_number: { label: 'RTK satellites', unit: '' },
  is_fixed: { label: 'RTK fix', unit: '' },
  quality: { label: 'Quality', unit: '' },
  sdr_quality: { label: 'SDR quality', unit: '' },
  total_flight_distance: { label: 'Total distance', unit: 'm' },
  total_flight_time: { label: 'Total flight time', unit: 's' },
  total: { label: 'Storage total', unit: 'KB' },
  used: { label: 'Storage used', unit: 'KB' },
  drc_state: { label: 'DRC state', unit: '' },
};

/** Label and unit for a wire field; unknown fields show their wire name and no unit. */
export const fieldMeta = (name: string): FieldMeta => FIELDS[name] ?? { label: name, unit: '' };

/** Dock `mode_code` (osd) — enums.md §2.1; 5 exists only on Dock 3 pages. */
const DOCK_MODES: readonly string[] = ['Idle', 'On-site debugging', 'Remote debugging', 'Upgrading firmware', 'Working', 'To be calibrated'];

/** Aircraft `mode_code` (osd) — enums.md §2.2; 21 exists only in newer docs. */
const AIRCRAFT_MODES: readonly string[] = [
  'Standby', 'Take-off preparation', 'Take-off ready', 'Manual flight', 'Auto take-off', 'Wayline flight',
  'Panorama', 'Active track', 'ADS-B avoidance', 'Return to home', 'Auto landing', 'Forced landing',
  'Three-propeller landing', 'Upgrading', 'Disconnected', 'APAS', 'Virtual stick', 'Live flight controls',
  'Aerial RTK convergence', 'Dock site evaluation', 'POI', 'Dock approach/departure route',
];

/** Readable mode for a `mode_code`; null when the code is missing or outside the table. */
export const decodeModeCode = (deviceClass: string, code: unknown): string | null => {
  if (typeof code !== 'number') return null;
  const table = deviceClass === 'dock' ? DOCK_MODES : AIRCRAFT_MODES;
  return table[code] ?? `Mode ${code}`;
};
