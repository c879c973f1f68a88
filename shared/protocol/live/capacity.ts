/**
 * `live_capacity` and `live_status` from a gateway's state (Dock 2 00.properties.md; RC 00.properties.md):
 * live_capacity → device_list[] → camera_list[] → video_list[]; live_status[] per pushed stream.
 * Lenient on extra fields, strict on the ones Outpost uses; errors name the field path.
 */
import { appError, err, ok, type Result } from '../../util/result';

export interface LiveVideo {
  readonly videoIndex: string;
  readonly videoType: string;
  readonly switchableVideoTypes: readonly string[];
}
export interface LiveCamera {
  readonly cameraIndex: string;
  readonly availableVideoNumber: number;
  readonly coexistVideoNumberMax: number;
  readonly videos: readonly LiveVideo[];
}
export interface LiveDeviceCapacity {
  readonly sn: string;
  readonly availableVideoNumber: number;
  readonly coexistVideoNumberMax: number;
  readonly cameras: readonly LiveCamera[];
}
export interface LiveCapacity {
  readonly availableVideoNumber: number;
  readonly coexistVideoNumberMax: number;
  readonly devices: readonly LiveDeviceCapacity[];
}
export interface LiveStatusEntry {
  readonly videoId: string;
  readonly videoType: string | null;
  readonly videoQuality: number | null;
  /** 0 not streaming, 1 streaming. */
  readonly status: number;
  readonly errorStatus: number;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (path: string, what: string) => err(appError('invalid_live_capacity', `${path}: ${what}`));
/** Counts are ints ≥ 0; absent means "not reported" (0). */
const count = (o: Obj, k: string): number => (typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : 0);

function parseVideo(v: unknown, path: string): Result<LiveVideo> {
  if (!isObj(v)) return bad(path, 'must be an object');
  if (typeof v.video_index !== 'string' || v.video_index === '') return bad(`${path}.video_index`, 'must be a non-empty string like "normal-0"');
  const type = typeof v.video_type === 'string' && v.video_type !== '' ? v.video_type : v.video_index.replace(/-\d+$/, '');
  const sw = Array.isArray(v.switchable_video_types) ? v.switchable_video_types.filter((t): t is string => typeof t === 'string') : [];
  return ok({ videoIndex: v.video_index, videoType: type, switchableVideoTypes: sw });
}

function parseList<T>(raw: unknown, path: string, item: (v: unknown, p: string) => Result<T>): Result<T[]> {
  if (raw === undefined || raw === null) return ok([]);
  if (!Array.isArray(raw)) return bad(path, 'must be an array');
  const out: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = item(raw[i], `${path}[${i}]`);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

function parseCamera(c: unknown, path: string): Result<LiveCamera> {
  if (!isObj(c)) return bad(path, 'must be an object');
  if (typeof c.camera_index !== 'string' || !/^\d+-\d+-\d+$/.test(c.camera_index)) return bad(`${path}.camera_index`, 'must be "type-subtype-gimbalindex" like 39-0-7');
  const videos = parseList(c.video_list, `${path}.video_list`, parseVideo);
  if (!videos.ok) return videos;
  return ok({ cameraIndex: c.camera_index, availableVideoNumber: count(c, 'available_video_number'), coexistVideoNumberMax: count(c, 'coexist_video_number_max'), videos: videos.value });
}

function parseDevice(d: unknown, path: string): Result<LiveDeviceCapacity> {
  if (!isObj(d)) return bad(path, 'must be an object');
  if (typeof d.sn !== 'string' || d.sn === '') return bad(`${path}.sn`, 'must be the video-source serial number');
  const cams = parseList(d.camera_list, `${path}.camera_list`, parseCamera);
  if (!cams.ok) return cams;
  return ok({ sn: d.sn, availableVideoNumber: count(d, 'available_video_number'), coexistVideoNumberMax: count(d, 'coexist_video_number_max'), cameras: cams.value });
}

export function parseLiveCapacity(raw: unknown): Result<LiveCapacity> {
  if (!isObj(raw)) return bad('live_capacity', 'must be an object');
  const devices = parseList(raw.device_list, 'live_capacity.device_list', parseDevice);
  if (!devices.ok) return devices;
  return ok({ availableVideoNumber: count(raw, 'available_video_number'), coexistVideoNumberMax: count(raw, 'coexist_video_number_max'), devices: devices.value });
}

export function parseLiveStatus(raw: unknown): Result<LiveStatusEntry[]> {
  return parseList(raw, 'live_status', (s, path) => {
    if (!isObj(s)) return bad(path, 'must be an object');
    if (typeof s.video_id !== 'string' || s.video_id === '') return bad(`${path}.video_id`, 'must be "{sn}/{camera_index}/{video_index}"');
    return ok({
      videoId: s.video_id,
      videoType: typeof s.video_type === 'string' ? s.video_type : null,
      videoQuality: typeof s.video_quality === 'number' ? s.video_quality : null,
      status: s.status === 1 || s.status === true ? 1 : 0,
      errorStatus: typeof s.error_status === 'number' ? s.error_status : 0,
    });
  });
}
