/**
 * The object DJI devices get from storage_config_get (requests_reply output, dock2 40.file.md) and Pilot 2 from
 * POST /storage/api/v1/workspaces/{ws}/sts (obtain-temporary-credential.md): bucket, credentials{access_key_id,
 * access_key_secret, expire (s), security_token}, endpoint, object_key_prefix, provider, region.
 */
import { networkInterfaces } from 'node:os';
import type { MediaStorageSettings } from '../../../shared/ipc/media';
import type { CredentialStore } from './credentials';

export const BUCKET = 'outpost-media';
export const REGION = 'us-east-1';

export interface StorageConfigOutput {
  readonly bucket: string;
  readonly credentials: { readonly access_key_id: string; readonly access_key_secret: string; readonly expire: number; readonly security_token: string };
  readonly endpoint: string;
  readonly object_key_prefix: string;
  /** `minio`: devices then address the endpoint path-style (no per-bucket DNS names on an offline LAN). */
  readonly provider: 'aws' | 'minio' | 'ali';
  readonly region: string;
}

/** The per-holder object-key prefix: a credential only reaches its own device's folder. */
export const prefixFor = (holder: string): string => `media/${holder.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function storageConfig(s: MediaStorageSettings, creds: CredentialStore, endpoint: string | null, holder: string): StorageConfigOutput | null {
  if (s.mode === 'external' && s.external) {
    // An external store's own keys: Outpost cannot narrow them; give the operator's (ideally bucket-limited) key.
    const e = s.external;
    return {
      bucket: e.bucket,
      credentials: { access_key_id: e.accessKeyId, access_key_secret: e.secretAccessKey, expire: s.credentialTtlSec, security_token: '' },
      endpoint: e.endpoint,
      object_key_prefix: [e.objectKeyPrefix, prefixFor(holder)].filter(Boolean).join('/'),
      provider: e.provider,
      region: e.region,
    };
  }
  if (!endpoint) return null;
  const c = creds.issue(holder, BUCKET, prefixFor(holder), s.credentialTtlSec);
  return {
    bucket: BUCKET,
    credentials: { access_key_id: c.accessKeyId, access_key_secret: c.secret, expire: s.credentialTtlSec, security_token: c.sessionToken },
    endpoint,
    object_key_prefix: c.prefix,
    provider: 'minio',
    region: REGION,
  };
}

/** Where devices reach the endpoint: the advertised host, else the broker's bind host, else the first LAN IPv4. */
export function endpointHost(advertised: string | null, brokerHost: string | null): string {
  if (advertised) return advertised;
  if (brokerHost && brokerHost !== '0.0.0.0' && brokerHost !== '::') return brokerHost;
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}
