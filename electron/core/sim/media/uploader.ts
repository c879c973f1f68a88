/**
 * What a dock does with a flight's media after landing (dock2 40.file.md): storage_config_get for temporary
 * credentials, PutObject of every file under object_key_prefix, then file_upload_callback (need_reply) per file
 * with its metadata and the flight_task counts.
 */
import { randomUUID } from 'node:crypto';
import { appError, err, ok, type Result } from '../../../../shared/util/result';
import type { SimDeviceApi } from '../extension';
import { product } from '../products';
import { tagJpeg } from './exif-writer';
import { simMediaFixtures, uniqueMp4 } from './fixtures';
import { putObject, type StorageConfig } from './s3-put';

/** Where and when a photo was taken (from the flight model). */
export interface Capture {
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  readonly height: number;
  readonly elevation: number;
  readonly heading: number;
}

export interface UploadReport {
  readonly flightId: string;
  readonly objectKeys: readonly string[];
}

const keyOf = (k: { domain: number; type: number; sub_type: number }): string => `${k.domain}-${k.type}-${k.sub_type}`;
const pad = (n: number): string => String(n).padStart(4, '0');

export async function uploadFlightMedia(api: SimDeviceApi, captures: readonly Capture[], flightId = randomUUID()): Promise<Result<UploadReport>> {
  const cfgReply = await api.request('storage_config_get', { module: 0 });
  if (!cfgReply.ok) return cfgReply;
  const data = cfgReply.value.data as { result?: number; output?: StorageConfig } | undefined;
  if (data?.result !== 0 || !data.output?.endpoint) return err(appError('storage_refused', `storage_config_get answered result ${String(data?.result)}`));
  const cfg = data.output;
  const fx = await simMediaFixtures();
  const p = product(api.kind);
  const files: { name: string; body: Buffer; type: string; c: Capture }[] = captures.map((c, i) => ({
    name: `DJI_${new Date(c.t).toISOString().slice(0, 19).replace(/[-:T]/g, '')}_${pad(i + 1)}_W.JPG`,
    type: 'image/jpeg',
    c,
    body: tagJpeg(fx.jpeg, { make: 'DJI', model: p.kind === 'dock3' ? 'M4TD' : 'M3TD', time: new Date(c.t), lat: c.lat, lon: c.lon, absoluteAltitude: c.height, relativeAltitude: c.elevation, gimbalYaw: c.heading, gimbalPitch: -45, flightYaw: c.heading }),
  }));
  const last = captures[captures.length - 1];
  if (last) files.push({ name: `DJI_${pad(captures.length + 1)}_V.MP4`, type: 'video/mp4', c: last, body: uniqueMp4(fx.mp4) });
  const keys: string[] = [];
  for (const [i, f] of files.entries()) {
    const key = `${cfg.object_key_prefix}/${flightId}/${f.name}`;
    const put = await putObject(cfg, key, f.body, f.type, api.clock.now());
    if (put.status !== 200) return err(appError('upload_failed', `PutObject ${key}: HTTP ${put.status} ${put.body.slice(0, 200)}`));
    const cb = await api.event('file_upload_callback', {
      file: {
        object_key: key,
        path: flightId,
        name: f.name,
        ext: { flight_id: flightId, drone_model_key: keyOf(p.aircraft), payload_model_key: `0-${p.payloadIndex.split('-').slice(0, 2).join('-')}`, is_original: true },
        metadata: {
          gimbal_yaw_degree: f.c.heading.toFixed(2),
          absolute_altitude: f.c.height,
          relative_altitude: f.c.elevation,
          create_time: new Date(f.c.t).toISOString().slice(0, 19).replace('T', ' '),
          shoot_position: { lat: f.c.lat, lng: f.c.lon },
        },
      },
      flight_task: { flight_type: 0, expected_file_count: files.length, uploaded_file_count: i + 1 },
    });
    if (!cb.ok) return cb;
    keys.push(key);
  }
  api.log.info('flight media uploaded', { flightId, files: keys.length });
  return ok({ flightId, objectKeys: keys });
}
