/**
 * Reads the two "I uploaded a file" messages into one library record:
 *  - dock `file_upload_callback` event (dock2 40.file.md): data.file {object_key, path, name, ext{flight_id,
 *    drone_model_key, payload_model_key, is_original}, metadata{gimbal_yaw_degree, absolute_altitude,
 *    relative_altitude, create_time, shoot_position{lat,lng}}}; docs show gimbal_yaw_degree as a string ("-91.40").
 *  - Pilot 2 `POST /media/api/v1/workspaces/{ws}/upload-callback` (mediafile-upload-result-report.md): the same
 *    file shape at the top level plus fingerprint, ext.sn, ext.tinny_fingerprint (DJI's spelling), ext.file_group_id,
 *    sub_file_type, and metadata.created_time.
 */
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { NewMedia } from './library';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A number, or a numeric string (DJI sends both); null otherwise. */
export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** ISO 8601 with zone, or DJI's "yyyy-MM-dd HH:mm:ss" (no zone: read as UTC, as the docs give no zone). */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number' && v > 0) return v < 1e11 ? v * 1000 : v;
  if (typeof v !== 'string' || v === '') return null;
  const s = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ? v.replace(' ', 'T') + 'Z' : v;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function position(m: Obj): { lat: number | null; lng: number | null } {
  const p = isObj(m.shoot_position) ? m.shoot_position : {};
  const lat = num(p.lat);
  const lng = num(p.lng);
  // 0,0 is what a device without a GPS fix reports: treat as unknown rather than a photo in the Gulf of Guinea.
  if (lat === null || lng === null || (lat === 0 && lng === 0) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return { lat: null, lng: null };
  return { lat, lng };
}

export type ParsedFile = Omit<NewMedia, 'bucket' | 'source' | 'gatewaySn'> & { readonly sn: string | null; readonly result: number | null };

export function parseFile(f: unknown, where: string): Result<ParsedFile> {
  if (!isObj(f)) return err(appError('invalid_data', `${where}: file must be an object.`));
  const objectKey = str(f.object_key);
  if (!objectKey) return err(appError('invalid_data', `${where}: object_key must be a non-empty string.`));
  const ext = isObj(f.ext) ? f.ext : {};
  const meta = isObj(f.metadata) ? f.metadata : {};
  const isOriginal = typeof ext.is_original === 'boolean' ? ext.is_original : ext.is_original === 1 ? true : ext.is_original === 0 ? false : null;
  return ok({
    objectKey,
    name: str(f.name) ?? objectKey.split('/').pop() ?? objectKey,
    path: str(f.path),
    droneModelKey: str(ext.drone_model_key),
    payloadModelKey: str(ext.payload_model_key),
    flightId: str(ext.flight_id),
    fileGroupId: str(ext.file_group_id),
    isOriginal,
    subFileType: num(f.sub_file_type),
    fingerprint: str(f.fingerprint),
    tinyFingerprint: str(ext.tinny_fingerprint) ?? str(ext.tiny_fingerprint),
    capturedAt: parseTime(meta.create_time ?? meta.created_time),
    ...position(meta),
    absoluteAltitude: num(meta.absolute_altitude),
    relativeAltitude: num(meta.relative_altitude),
    gimbalYaw: num(meta.gimbal_yaw_degree),
    sn: str(ext.sn),
    result: num(f.result),
  });
}

/** Dock event data → the file (data.file), or why not. */
export function parseDockCallback(data: unknown): Result<ParsedFile> {
  if (!isObj(data)) return err(appError('invalid_data', 'file_upload_callback: data must be an object.'));
  const r = parseFile(data.file, 'file_upload_callback');
  if (!r.ok) return r;
  return ok({ ...r.value, result: num(data.result) });
}
