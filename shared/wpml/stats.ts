/** Route figures for the mission list: distance, duration estimate, waypoint count, the 3D path. */
import type { WpmlFile } from './model';

export interface PathPoint {
  readonly lat: number;
  readonly lon: number;
  /** executeHeight as written (metres; meaning per `heightMode`). */
  readonly height: number;
}

export interface RouteStats {
  readonly distanceM: number;
  readonly durationS: number;
  readonly waypointCount: number;
  readonly heightMode: string;
  readonly path: readonly PathPoint[];
}

const R = 6_371_008.8;
const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine), plus the height change. */
export function distance3d(a: PathPoint, b: PathPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  const ground = 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.hypot(ground, b.height - a.height);
}

/** Sum of legs at each leg's speed, plus hover actions and a 2 s stop per "toPointAndStop" waypoint. */
export function routeStats(f: WpmlFile): RouteStats {
  let distanceM = 0;
  let durationS = 0;
  const path: PathPoint[] = [];
  for (const w of f.waylines) {
    w.waypoints.forEach((p, i) => {
      const here = { lat: p.lat, lon: p.lon, height: p.executeHeight ?? 0 };
      const prev = path[path.length - 1];
      if (prev && i > 0) {
        const d = distance3d(prev, here);
        distanceM += d;
        const before = w.waypoints[i - 1];
        durationS += d / Math.max(0.1, before?.speed ?? w.autoFlightSpeed);
      }
      path.push(here);
      if (p.turn?.mode.startsWith('toPointAndStop')) durationS += 2;
      for (const g of p.actionGroups) for (const a of g.actions) if (a.func === 'hover') durationS += Number(a.params.find(([k]) => k === 'hoverTime')?.[1] ?? 0);
    });
  }
  const heightMode = f.waylines[0]?.executeHeightMode ?? 'relativeToStartPoint';
  return { distanceM: Math.round(distanceM * 10) / 10, durationS: Math.round(durationS), waypointCount: path.length, heightMode, path };
}
