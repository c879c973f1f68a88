/**
 * Pilot 2's media and storage HTTP API (official-en 60.api-reference/10.pilot-to-cloud/10.https/30.media-management):
 *   POST /storage/api/v1/workspaces/{ws}/sts                   temporary credentials (same object as storage_config_get)
 *   POST /media/api/v1/workspaces/{ws}/fast-upload             code 0 when the fingerprint exists (Pilot skips the upload)
 *   POST /media/api/v1/workspaces/{ws}/files/tiny-fingerprints which tiny fingerprints exist
 *   POST /media/api/v1/workspaces/{ws}/upload-callback         register an uploaded file (answers its object_key)
 *   POST /media/api/v1/workspaces/{ws}/group-upload-callback   progress of a wayline's media group
 * Runs before the engine's token check; authenticates itself with x-auth-token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../../shared/util/result';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import { pilotAuthorized, readJson, reply } from './http';

export interface PilotMediaPort {
  /** storage_config_get's output for this holder, or null when storage is unavailable. */
  sts(holder: string): unknown;
  fingerprintExists(fp: string): boolean;
  existingTiny(tiny: readonly string[]): string[];
  /** Registers Pilot 2's upload-callback body; the object key, or why not. */
  uploadCallback(body: Record<string, unknown>, deviceSn: string | null): Promise<Result<string>>;
}

export interface PilotMediaDeps {
  readonly token: () => string;
  readonly port: PilotMediaPort;
  readonly logger: Logger;
  readonly counters: Counters;
}

const ROUTE = /^\/(storage|media)\/api\/v1\/workspaces\/([^/]+)\/(sts|fast-upload|files\/tiny-fingerprints|upload-callback|group-upload-callback)$/;

export function pilotMediaRoute(d: PilotMediaDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  return (req, res, url) => {
    const m = ROUTE.exec(url.pathname);
    if (!m || (m[1] === 'storage') !== (m[3] === 'sts')) return false;
    if (req.method !== 'POST') return reply(res, 405, 405, `${url.pathname} takes POST`), true;
    if (!pilotAuthorized(req, d.token())) {
      d.counters.inc('pilot.unauthorized');
      return reply(res, 401, 401, 'x-auth-token is missing or wrong'), true;
    }
    void handle(d, m[3]!, decodeURIComponent(m[2]!), req, res).catch((e: unknown) => {
      d.logger.error('pilot media call failed', { path: url.pathname, error: String(e) });
      if (!res.headersSent) reply(res, 500, -1, 'internal error');
    });
    return true;
  };
}

async function handle(d: PilotMediaDeps, op: string, workspace: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (body === null) return reply(res, 400, -1, 'the body must be a JSON object of at most 1 MiB');
  const device = typeof req.headers['x-device-id'] === 'string' ? req.headers['x-device-id'] : null;
  d.counters.inc(`pilot.media.${op}`);
  switch (op) {
    case 'sts': {
      const out = d.port.sts(`pilot-${device ?? workspace}`);
      return out ? reply(res, 200, 0, 'success', out) : reply(res, 503, -1, 'media storage is not available (external storage not configured?)');
    }
    case 'fast-upload': {
      const fp = typeof body.fingerprint === 'string' ? body.fingerprint : '';
      if (!fp) return reply(res, 400, -1, 'fingerprint must be a non-empty string');
      // DJI demo: code 0 = "already there, skip the upload"; otherwise -1 and Pilot uploads.
      return d.port.fingerprintExists(fp) ? reply(res, 200, 0, 'success') : reply(res, 200, -1, `${fp}don't exist.`);
    }
    case 'files/tiny-fingerprints': {
      const list = Array.isArray(body.tiny_fingerprints) ? body.tiny_fingerprints.filter((x): x is string => typeof x === 'string') : null;
      if (!list) return reply(res, 400, -1, 'tiny_fingerprints must be an array of strings');
      return reply(res, 200, 0, 'success', { tiny_fingerprints: d.port.existingTiny(list.slice(0, 10_000)) });
    }
    case 'upload-callback': {
      const r = await d.port.uploadCallback(body, device);
      return r.ok ? reply(res, 200, 0, 'success', r.value) : reply(res, 400, -1, r.error.message);
    }
    default: {
      const { file_group_id, file_count, file_uploaded_count } = body;
      d.logger.info('pilot media group upload', { workspace, file_group_id, file_count, file_uploaded_count });
      return reply(res, 200, 0, 'success');
    }
  }
}
