/** A downloaded KMZ → the points the flight model flies and the actions at each waypoint. */
import { createHash } from 'node:crypto';
import { parseKmz, type Action, type WpmlFile } from '../../../../shared/wpml';
import type { Home, RoutePoint } from '../flight';

/** Dock error codes (71.error-code.md): the route file could not be obtained / is not a valid route file. */
export const ERR_FILE_UNAVAILABLE = 314013;
export const ERR_FILE_FORMAT = 314003;

export interface SimRoute {
  readonly points: readonly RoutePoint[];
  readonly climbM: number;
  /** Actions triggered on reaching waypoint i (reachPoint groups covering i). */
  readonly actionsAt: readonly (readonly Action[])[];
  readonly waylineId: number;
}

const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON = 111_320;

/** Downloads and checks the KMZ; a number is the documented error code. */
export async function fetchRoute(url: string, fingerprint: string, home: Home): Promise<SimRoute | number> {
  let bytes: Uint8Array;
  try {
    const res = await fetch(url);
    if (!res.ok) return ERR_FILE_UNAVAILABLE;
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch {
    return ERR_FILE_UNAVAILABLE;
  }
  if (createHash('md5').update(bytes).digest('hex') !== fingerprint.toLowerCase()) return ERR_FILE_UNAVAILABLE;
  const parsed = parseKmz(bytes);
  return parsed.ok ? routeOf(parsed.value.file, home) : ERR_FILE_FORMAT;
}

export function routeOf(f: WpmlFile, home: Home): SimRoute | number {
  const w = f.waylines[0];
  if (!w || w.waypoints.length === 0) return ERR_FILE_FORMAT;
  const points = w.waypoints.map((p): RoutePoint => {
    const h = p.executeHeight ?? 0;
    return {
      east: (p.lon - home.lon) * Math.cos((home.lat * Math.PI) / 180) * M_PER_DEG_LON,
      north: (p.lat - home.lat) * M_PER_DEG_LAT,
      up: w.executeHeightMode === 'WGS84' ? h - home.height : h,
      speedMps: p.speed ?? w.autoFlightSpeed,
    };
  });
  const actionsAt = w.waypoints.map((_, i) =>
    w.waypoints.flatMap((p) => p.actionGroups).filter((g) => g.trigger.type === 'reachPoint' && g.startIndex <= i && i <= g.endIndex).flatMap((g) => g.actions),
  );
  // "safely": climb to the first waypoint's height (at least the take-off security height), then fly level to it.
  const climbM = Math.max(f.mission.takeOffSecurityHeight, points[0]?.up ?? 0);
  return { points, climbM, actionsAt, waylineId: w.waylineId };
}
