/** Flat-earth helpers: local east/north metres around a point ↔ WGS84 degrees (fine over a few km). */
const EARTH_RADIUS_M = 6_378_137;
const DEG = Math.PI / 180;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export function offsetToLatLon(origin: LatLon, eastM: number, northM: number): LatLon {
  const lat = origin.lat + (northM / EARTH_RADIUS_M) / DEG;
  const lon = origin.lon + (eastM / (EARTH_RADIUS_M * Math.cos(origin.lat * DEG))) / DEG;
  return { lat, lon };
}

/** Bearing of the vector (east, north), degrees in DJI's attitude_head range −180..180 (0 = north, 90 = east). */
export function headingOf(eastM: number, northM: number): number {
  return normalizeHeading(Math.atan2(eastM, northM) / DEG);
}

export function normalizeHeading(deg: number): number {
  let h = deg % 360;
  if (h > 180) h -= 360;
  if (h <= -180) h += 360;
  return h;
}
