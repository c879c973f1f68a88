/** The media library's SQL (media_files): register, query, facets, delete. One row per (bucket, object_key). */
import type { MediaFacets, MediaItem, MediaKind, MediaQuery } from '../../../shared/ipc/media';
import type { Db } from '../store/db';

export interface NewMedia {
  readonly bucket: string;
  readonly objectKey: string;
  readonly name: string;
  readonly path: string | null;
  readonly source: 'dock' | 'pilot';
  readonly gatewaySn: string | null;
  readonly droneModelKey: string | null;
  readonly payloadModelKey: string | null;
  readonly flightId: string | null;
  readonly fileGroupId: string | null;
  readonly isOriginal: boolean | null;
  readonly subFileType: number | null;
  readonly fingerprint: string | null;
  readonly tinyFingerprint: string | null;
  readonly capturedAt: number | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly absoluteAltitude: number | null;
  readonly relativeAltitude: number | null;
  readonly gimbalYaw: number | null;
}

interface Row {
  id: number;
  bucket: string;
  object_key: string;
  name: string;
  source: string;
  gateway_sn: string | null;
  flight_id: string | null;
  drone_model_key: string | null;
  payload_model_key: string | null;
  kind: string;
  fingerprint: string | null;
  captured_at: number | null;
  lat: number | null;
  lng: number | null;
  absolute_altitude: number | null;
  relative_altitude: number | null;
  gimbal_yaw: number | null;
  size: number | null;
  thumb: string | null;
  received_at: number;
}

export function kindOf(name: string): MediaKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['jpg', 'jpeg', 'dng', 'tif', 'tiff', 'png'].includes(ext)) return 'photo';
  if (['mp4', 'mov', 'mkv'].includes(ext)) return 'video';
  return 'other';
}

export class MediaLibrary {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Inserts or refreshes a file; returns its id. */
  register(m: NewMedia): number {
    const r = this.db
      .prepare(
        `INSERT INTO media_files (bucket, object_key, name, path, source, gateway_sn, drone_model_key, payload_model_key, flight_id, file_group_id, is_original, sub_file_type, kind, fingerprint, tiny_fingerprint, captured_at, lat, lng, absolute_altitude, relative_altitude, gimbal_yaw, received_at)
         VALUES (@bucket, @objectKey, @name, @path, @source, @gatewaySn, @droneModelKey, @payloadModelKey, @flightId, @fileGroupId, @isOriginal, @subFileType, @kind, @fingerprint, @tinyFingerprint, @capturedAt, @lat, @lng, @absoluteAltitude, @relativeAltitude, @gimbalYaw, @receivedAt)
         ON CONFLICT (bucket, object_key) DO UPDATE SET name = excluded.name, path = excluded.path, flight_id = coalesce(excluded.flight_id, flight_id),
           fingerprint = coalesce(excluded.fingerprint, fingerprint), tiny_fingerprint = coalesce(excluded.tiny_fingerprint, tiny_fingerprint),
           captured_at = coalesce(excluded.captured_at, captured_at), lat = coalesce(excluded.lat, lat), lng = coalesce(excluded.lng, lng),
           absolute_altitude = coalesce(excluded.absolute_altitude, absolute_altitude), relative_altitude = coalesce(excluded.relative_altitude, relative_altitude),
           gimbal_yaw = coalesce(excluded.gimbal_yaw, gimbal_yaw)
         RETURNING id`,
      )
      .get({ ...m, isOriginal: m.isOriginal === null ? null : m.isOriginal ? 1 : 0, kind: kindOf(m.name), receivedAt: this.now() }) as { id: number };
    return r.id;
  }

  byKey(bucket: string, objectKey: string): MediaItem | null {
    const r = this.db.prepare('SELECT * FROM media_files WHERE bucket = ? AND object_key = ?').get(bucket, objectKey) as Row | undefined;
    return r ? toItem(r) : null;
  }

  get(id: number): (MediaItem & { bucket: string }) | null {
    const r = this.db.prepare('SELECT * FROM media_files WHERE id = ?').get(id) as Row | undefined;
    return r ? { ...toItem(r), bucket: r.bucket } : null;
  }

  /** Another file with this fingerprint (a duplicate upload), if any. */
  byFingerprint(fp: string, exceptKey?: string): MediaItem | null {
    const r = this.db.prepare('SELECT * FROM media_files WHERE fingerprint = ? AND object_key IS NOT ? LIMIT 1').get(fp, exceptKey ?? null) as Row | undefined;
    return r ? toItem(r) : null;
  }

  existingTiny(tiny: readonly string[]): string[] {
    if (tiny.length === 0) return [];
    const rows = this.db.prepare(`SELECT DISTINCT tiny_fingerprint AS t FROM media_files WHERE tiny_fingerprint IN (${tiny.map(() => '?').join(',')})`).all(...tiny) as { t: string }[];
    return rows.map((r) => r.t);
  }

  setStored(id: number, size: number, fingerprint: string | null): void {
    this.db.prepare("UPDATE media_files SET size = ?, fingerprint = coalesce(fingerprint, ?), thumb = coalesce(thumb, 'pending') WHERE id = ?").run(size, fingerprint, id);
  }

  setThumb(id: number, state: 'ok' | 'failed'): void {
    this.db.prepare('UPDATE media_files SET thumb = ? WHERE id = ?').run(state, id);
  }

  /** Fills capture position/time/angles from EXIF where the callback did not give them. */
  fillFromExif(id: number, f: { capturedAt: number | null; lat: number | null; lng: number | null; absoluteAltitude: number | null; relativeAltitude: number | null; gimbalYaw: number | null }): void {
    this.db
      .prepare('UPDATE media_files SET captured_at = coalesce(captured_at, ?), lat = coalesce(lat, ?), lng = coalesce(lng, ?), absolute_altitude = coalesce(absolute_altitude, ?), relative_altitude = coalesce(relative_altitude, ?), gimbal_yaw = coalesce(gimbal_yaw, ?) WHERE id = ?')
      .run(f.capturedAt, f.lat, f.lng, f.absoluteAltitude, f.relativeAltitude, f.gimbalYaw, id);
  }

  list(q: MediaQuery): MediaItem[] {
    // Table-driven filters: [present?, SQL, value].
    const filters: [boolean, string, string | number | undefined][] = [
      [!!q.gatewaySn, 'gateway_sn = ?', q.gatewaySn],
      [!!q.flightId, 'flight_id = ?', q.flightId],
      [!!q.kind, 'kind = ?', q.kind],
      [q.from !== undefined, 'coalesce(captured_at, received_at) >= ?', q.from],
      [q.to !== undefined, 'coalesce(captured_at, received_at) <= ?', q.to],
    ];
    const used = filters.filter(([on]) => on);
    const where = used.map(([, sql]) => sql);
    const args = used.map(([, , v]) => v as string | number);
    const limit = Math.max(1, Math.min(5000, Math.trunc(q.limit ?? 1000)));
    const sql = `SELECT * FROM media_files ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY coalesce(captured_at, received_at) DESC, id DESC LIMIT ${limit}`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(toItem);
  }

  facets(): MediaFacets {
    const devices = (this.db.prepare('SELECT DISTINCT gateway_sn AS sn FROM media_files WHERE gateway_sn IS NOT NULL ORDER BY sn').all() as { sn: string }[]).map((r) => r.sn);
    const flights = this.db
      .prepare('SELECT flight_id AS flightId, max(gateway_sn) AS gatewaySn, count(*) AS count, min(coalesce(captured_at, received_at)) AS firstAt FROM media_files WHERE flight_id IS NOT NULL GROUP BY flight_id ORDER BY firstAt DESC')
      .all() as MediaFacets['flights'];
    return { devices, flights };
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM media_files WHERE id = ?').run(id);
  }

  pendingThumbs(): number[] {
    return (this.db.prepare("SELECT id FROM media_files WHERE thumb = 'pending'").all() as { id: number }[]).map((r) => r.id);
  }
}

function toItem(r: Row): MediaItem {
  return {
    id: r.id,
    name: r.name,
    objectKey: r.object_key,
    kind: r.kind as MediaKind,
    source: r.source === 'pilot' ? 'pilot' : 'dock',
    gatewaySn: r.gateway_sn,
    flightId: r.flight_id,
    droneModelKey: r.drone_model_key,
    payloadModelKey: r.payload_model_key,
    capturedAt: r.captured_at,
    lat: r.lat,
    lng: r.lng,
    absoluteAltitude: r.absolute_altitude,
    relativeAltitude: r.relative_altitude,
    gimbalYaw: r.gimbal_yaw,
    size: r.size,
    thumb: r.thumb === 'ok' || r.thumb === 'failed' || r.thumb === 'pending' ? r.thumb : 'none',
    receivedAt: r.received_at,
  };
}
