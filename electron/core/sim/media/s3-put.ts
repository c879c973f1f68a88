/** A minimal S3 PutObject client for the simulator (SigV4 with the session token; payload hash signed). */
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { sha256Hex, signRequest, uriEncode } from '../../media/s3/sigv4';

export interface StorageConfig {
  readonly bucket: string;
  readonly endpoint: string;
  readonly region: string;
  readonly object_key_prefix: string;
  readonly credentials: { readonly access_key_id: string; readonly access_key_secret: string; readonly security_token: string };
}

export function putObject(cfg: StorageConfig, key: string, body: Buffer, contentType: string, now: number): Promise<{ status: number; etag: string | null; body: string }> {
  const url = new URL(cfg.endpoint);
  const path = `${url.pathname.replace(/\/$/, '')}/${cfg.bucket}/${uriEncode(key, true)}`;
  const headers = signRequest({
    method: 'PUT',
    path,
    headers: { host: url.host, 'content-type': contentType, 'content-length': String(body.length) },
    payloadHash: sha256Hex(body),
    accessKeyId: cfg.credentials.access_key_id,
    secret: cfg.credentials.access_key_secret,
    ...(cfg.credentials.security_token ? { sessionToken: cfg.credentials.security_token } : {}),
    region: cfg.region,
    now,
  });
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? requestTls : request)({ hostname: url.hostname, port: url.port, path, method: 'PUT', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: typeof res.headers.etag === 'string' ? res.headers.etag : null, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
