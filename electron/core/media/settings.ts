/** Media storage settings, kept in the media_settings table (not the shared settings file) and validated here. */
import type { MediaStorageSettings } from '../../../shared/ipc/media';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Db } from '../store/db';

export const DEFAULT_MEDIA_SETTINGS: MediaStorageSettings = { mode: 'embedded', s3Port: 9000, credentialTtlSec: 3600, external: null };

export function loadMediaSettings(db: Db): MediaStorageSettings {
  const r = db.prepare('SELECT json FROM media_settings WHERE id = 1').get() as { json: string } | undefined;
  if (!r) return DEFAULT_MEDIA_SETTINGS;
  try {
    const v = validateMediaSettings({ ...DEFAULT_MEDIA_SETTINGS, ...(JSON.parse(r.json) as object) });
    return v.ok ? v.value : DEFAULT_MEDIA_SETTINGS;
  } catch {
    return DEFAULT_MEDIA_SETTINGS;
  }
}

export function saveMediaSettings(db: Db, s: MediaStorageSettings): void {
  db.prepare('INSERT INTO media_settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json').run(JSON.stringify(s));
}

export function validateMediaSettings(s: MediaStorageSettings): Result<MediaStorageSettings> {
  const bad = (field: string, msg: string): Result<never> => err(appError('invalid_settings', `media.${field}: ${msg}`));
  if (s.mode !== 'embedded' && s.mode !== 'external') return bad('mode', 'must be "embedded" or "external".');
  if (!Number.isInteger(s.s3Port) || s.s3Port < 0 || s.s3Port > 65535) return bad('s3Port', 'must be an integer 0..65535 (0 = any free port).');
  if (!Number.isInteger(s.credentialTtlSec) || s.credentialTtlSec < 60 || s.credentialTtlSec > 43_200) return bad('credentialTtlSec', 'must be an integer 60..43200 seconds.');
  if (s.mode === 'external') {
    const e = s.external;
    if (!e) return bad('external', 'is required when mode is "external".');
    if (!/^https?:\/\/[^/]+/.test(e.endpoint)) return bad('external.endpoint', 'must be an http:// or https:// URL.');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(e.bucket)) return bad('external.bucket', 'must be a valid S3 bucket name (3..63 lowercase letters, digits, dots, dashes).');
    if (!['aws', 'minio', 'ali'].includes(e.provider)) return bad('external.provider', 'must be aws, minio or ali.');
    if (!e.accessKeyId || !e.secretAccessKey) return bad('external.accessKeyId', 'and secretAccessKey are required.');
    if (!e.region) return bad('external.region', 'is required (e.g. us-east-1).');
  }
  return ok(s);
}
