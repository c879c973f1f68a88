/**
 * Pure route geometry for the 3D preview, in WGS84 ellipsoid heights (the scene's, and the dock's `height` in the
 * shadow). Heights above the take-off point are drawn at take-off ellipsoid height + height; EGM96 altitudes at
 * altitude + geoid height; WGS84 heights as written. The offline globe has no terrain, so heights above the
 * ground (realTimeFollowSurface) use the take-off point's height as the ground's.
 */
import { draftHeightMode, draftToWpml, egm96ToEllipsoid, routeStats, type DraftWaypoint, type PathPoint, type RouteDraft } from '../../../../shared/wpml';
import type { DevicesState } from '../../state/devices';

export interface GeoPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoid height, metres. */
  readonly height: number;
}

export interface TakeOff extends GeoPoint {
  /** SN of the dock the heights are measured from, or null when no dock is known (heights then above the ellipsoid). */
  readonly dockSn: string | null;
}

/** Where the route starts from: the dock's own position (its ellipsoid height). */
export function takeOffOf(s: Pick<DevicesState, 'devices'>, dockSn: string | null): TakeOff | null {
  const f = dockSn ? s.devices[dockSn]?.groups.position?.fields : undefined;
  if (typeof f?.latitude !== 'number' || typeof f.longitude !== 'number') return null;
  // A dock on the ground reports 0/0 before its GNSS fix; that is not a place to fly from.
  if (f.latitude === 0 && f.longitude === 0) return null;
  return { lat: f.latitude, lon: f.longitude, height: typeof f.height === 'number' ? f.height : 0, dockSn };
}

/** Ellipsoid height of a drawn waypoint (without a take-off point, relative heights are drawn above the ellipsoid). */
export function waypointEllipsoidHeight(d: Pick<RouteDraft, 'heightMode'>, w: Pick<DraftWaypoint, 'lat' | 'lon' | 'height'>, takeOff: GeoPoint | null): number {
  return draftHeightMode(d) === 'EGM96' ? egm96ToEllipsoid(w.lat, w.lon, w.height) : (takeOff?.height ?? 0) + w.height;
}

/** A drawn waypoint's height above the take-off point, or null when an EGM96 route has no take-off point to compare with. */
export function heightAboveTakeOff(d: Pick<RouteDraft, 'heightMode'>, w: Pick<DraftWaypoint, 'lat' | 'lon' | 'height'>, takeOff: GeoPoint | null): number | null {
  if (draftHeightMode(d) === 'relativeToStartPoint') return w.height;
  return takeOff ? waypointEllipsoidHeight(d, w, takeOff) - takeOff.height : null;
}

/** Ellipsoid positions of a drawn route's waypoints. */
export function draftPositions(d: RouteDraft, takeOff: TakeOff | null): GeoPoint[] {
  return d.waypoints.map((w) => ({ lon: w.lon, lat: w.lat, height: waypointEllipsoidHeight(d, w, takeOff) }));
}

/**
 * Ellipsoid positions of a stored route's path: executeHeight read per executeHeightMode (WGS84 as written;
 * relativeToStartPoint, and realTimeFollowSurface over the terrain-less globe, above the take-off point).
 */
export function pathPositions(path: readonly PathPoint[], executeHeightMode: string, takeOff: TakeOff | null): GeoPoint[] {
  const base = executeHeightMode === 'WGS84' ? 0 : (takeOff?.height ?? 0);
  return path.map((p) => ({ lon: p.lon, lat: p.lat, height: base + p.height }));
}

/** Distance and duration of a route being drawn, with the same estimate the library stores (shared/wpml/stats.ts). */
export function draftFigures(d: RouteDraft): { distanceM: number; durationS: number } {
  if (d.waypoints.length === 0) return { distanceM: 0, durationS: 0 };
  const s = routeStats(draftToWpml(d, 0));
  return { distanceM: s.distanceM, durationS: s.durationS };
}

const M_PER_DEG_LAT = 111_320;

/** Horizontal distance in metres (equirectangular: exact enough over a route's few kilometres). */
export function groundDistance(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const north = (b.lat - a.lat) * M_PER_DEG_LAT;
  const east = (b.lon - a.lon) * M_PER_DEG_LAT * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(north, east);
}

/** A point `north`/`east` metres from `o` (used to lay out test routes and default offsets). */
export function offset(o: { lat: number; lon: number }, north: number, east: number): { lat: number; lon: number } {
  return { lat: o.lat + north / M_PER_DEG_LAT, lon: o.lon + east / (M_PER_DEG_LAT * Math.cos((o.lat * Math.PI) / 180)) };
}
