/** mode_code tables of dock and aircraft OSD (enums.md §2; English from the EN properties pages / demo enums). */

/** Dock osd `mode_code` (Dock 1/2/3 properties pages; 5 only on the Dock 3 page). */
export const DOCK_MODE_TEXT: ReadonlyMap<number, string> = new Map([
  [0, 'Idle'],
  [1, 'On-site debugging'],
  [2, 'Remote debugging'],
  [3, 'Firmware upgrade in progress'],
  [4, 'In operation'],
  [5, 'To be calibrated'],
]);

/** Aircraft osd `mode_code` (aircraft properties pages; 21 only in the newer CN docs). */
export const AIRCRAFT_MODE_TEXT: ReadonlyMap<number, string> = new Map([
  [0, 'Standby'],
  [1, 'Takeoff preparation'],
  [2, 'Takeoff preparation completed'],
  [3, 'Manual flight'],
  [4, 'Automatic takeoff'],
  [5, 'Wayline flight'],
  [6, 'Panoramic photography'],
  [7, 'Intelligent tracking'],
  [8, 'ADS-B avoidance'],
  [9, 'Auto returning to home'],
  [10, 'Automatic landing'],
  [11, 'Forced landing'],
  [12, 'Three-blade landing'],
  [13, 'Upgrading'],
  [14, 'Not connected'],
  [15, 'APAS'],
  [16, 'Virtual stick state'],
  [17, 'Live flight controls'],
  [18, 'Airborne RTK fixing mode'],
  [19, 'Dock address selecting'],
  [20, 'POI'],
  [21, 'Flying the dock approach/departure route'],
]);

const text = (table: ReadonlyMap<number, string>, code: number | undefined) =>
  code === undefined ? '--' : (table.get(code) ?? `Unknown mode ${code}`);

/** Dock mode text; "--" when unknown yet (never pretend 0). */
export const dockModeText = (code: number | undefined): string => text(DOCK_MODE_TEXT, code);
/** Aircraft mode text; "--" when unknown yet. */
export const aircraftModeText = (code: number | undefined): string => text(AIRCRAFT_MODE_TEXT, code);
