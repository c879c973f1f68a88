/**
 * Reads one payload's live state out of the aircraft OSD fields (the shadow's `camera` group): the payload-index
 * object (`"81-0-0": {gimbal_pitch, measure_target_*, thermal_*, …}`) and its `cameras[]` entry
 * (m3d/m4d properties pages). Absent values stay undefined ("--" on screen, never 0).
 */

export interface MeteringPoint {
  readonly x: number;
  readonly y: number;
  readonly temperature: number;
}

export interface MeteringArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly aver_temperature?: number;
  readonly min_temperature_point?: MeteringPoint;
  readonly max_temperature_point?: MeteringPoint;
}

export interface PayloadOsd {
  readonly payloadIndex: string;
  /** The payload-index object as sent. */
  readonly gimbal: Readonly<Record<string, unknown>>;
  /** The `cameras[]` entry with this payload_index. */
  readonly camera: Readonly<Record<string, unknown>>;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PAYLOAD_KEY = /^\d+-\d+-\d+$/;

/** Every payload index the aircraft reports (keys of the OSD, or payload_index of cameras[]). */
export function payloadIndexes(fields: Readonly<Record<string, unknown>>): string[] {
  const out = new Set(Object.keys(fields).filter((k) => PAYLOAD_KEY.test(k) && isRec(fields[k])));
  const cams = fields.cameras;
  if (Array.isArray(cams)) for (const c of cams) if (isRec(c) && typeof c.payload_index === 'string') out.add(c.payload_index);
  return [...out].sort();
}

export function readPayload(fields: Readonly<Record<string, unknown>>, payloadIndex: string): PayloadOsd {
  const gimbal = isRec(fields[payloadIndex]) ? (fields[payloadIndex] as Record<string, unknown>) : {};
  const cams = Array.isArray(fields.cameras) ? (fields.cameras as unknown[]) : [];
  const camera = (cams.find((c) => isRec(c) && c.payload_index === payloadIndex) as Record<string, unknown> | undefined) ?? {};
  return { payloadIndex, gimbal, camera };
}

export const numberOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function point(v: unknown): MeteringPoint | undefined {
  if (!isRec(v)) return undefined;
  const x = numberOf(v.x);
  const y = numberOf(v.y);
  const t = numberOf(v.temperature);
  return x !== undefined && y !== undefined && t !== undefined ? { x, y, temperature: t } : undefined;
}

export function meteringPoint(p: PayloadOsd): MeteringPoint | undefined {
  return point(p.camera.ir_metering_point);
}

export function meteringArea(p: PayloadOsd): MeteringArea | undefined {
  const a = p.camera.ir_metering_area;
  if (!isRec(a)) return undefined;
  const [x, y, width, height] = [numberOf(a.x), numberOf(a.y), numberOf(a.width), numberOf(a.height)];
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  const aver = numberOf(a.aver_temperature);
  const min = point(a.min_temperature_point);
  const max = point(a.max_temperature_point);
  return { x, y, width, height, ...(aver !== undefined ? { aver_temperature: aver } : {}), ...(min ? { min_temperature_point: min } : {}), ...(max ? { max_temperature_point: max } : {}) };
}

/** The laser rangefinder target, when the payload reports one (measure_target_* of the payload-index object). */
export function rangefinderTarget(p: PayloadOsd): { lon: number; lat: number; height: number; distance?: number } | undefined {
  const lon = numberOf(p.gimbal.measure_target_longitude);
  const lat = numberOf(p.gimbal.measure_target_latitude);
  const h = numberOf(p.gimbal.measure_target_altitude);
  const err = numberOf(p.gimbal.measure_target_error_state);
  if (lon === undefined || lat === undefined || h === undefined || (err !== undefined && err !== 0)) return undefined;
  if (lon === 0 && lat === 0) return undefined; // "no target" on real aircraft
  const d = numberOf(p.gimbal.measure_target_distance);
  return { lon, lat, height: h, ...(d !== undefined ? { distance: d } : {}) };
}

/** zoom_min_focus_value–zoom_max_focus_value when reported. */
export function focusRange(p: PayloadOsd): { min: number; max: number } | undefined {
  const min = numberOf(p.camera.zoom_min_focus_value);
  const max = numberOf(p.camera.zoom_max_focus_value);
  return min !== undefined && max !== undefined && max >= min ? { min, max } : undefined;
}
