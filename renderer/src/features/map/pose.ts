/** Pure: where a device is and which way it points, read from its shadow groups (unknown stays null). */
import type { DeviceSnapshot, FieldValue } from '../../../../shared/model/device';
import type { DeviceMap } from '../../state/reducer';

export interface Pose {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoid height in metres (DJI `height` is ellipsoid height); 0 only when the device omits it. */
  readonly height: number;
  /** Degrees clockwise from north, null when unknown. */
  readonly heading: number | null;
}

const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** DJI sends 0/0 before the first GNSS fix; that is "no position", not the Gulf of Guinea. */
const validLatLon = (lat: number | null, lon: number | null): lat is number =>
  lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);

export const poseOf = (d: DeviceSnapshot): Pose | null => {
  const f = d.groups.position?.fields;
  if (!f) return null;
  const lat = num(f.latitude);
  const lon = num(f.longitude);
  if (!validLatLon(lat, lon)) return null;
  return { lat, lon: lon as number, height: num(f.height) ?? 0, heading: num(d.groups.attitude?.fields.attitude_head) };
};

/** Home point: the aircraft's reported home_latitude/home_longitude, else its dock's position. */
export const homeOf = (d: DeviceSnapshot, devices: DeviceMap): Pose | null => {
  for (const g of [d.groups.position, d.groups.state]) {
    const lat = num(g?.fields.home_latitude);
    const lon = num(g?.fields.home_longitude);
    if (validLatLon(lat, lon)) {
      const dock = d.gateway ? devices[d.gateway] : undefined;
      return { lat, lon: lon as number, height: (dock && poseOf(dock)?.height) ?? 0, heading: null };
    }
  }
  const dock = d.gateway ? devices[d.gateway] : undefined;
  return dock?.deviceClass === 'dock' ? poseOf(dock) : null;
};

export const isAircraft = (d: DeviceSnapshot): boolean => d.deviceClass === 'aircraft';
export const isDock = (d: DeviceSnapshot): boolean => d.deviceClass === 'dock';
