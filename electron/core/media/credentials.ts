/**
 * Temporary credentials for the embedded endpoint, as storage_config_get (dock file.md) and Pilot 2's STS call
 * (obtain-temporary-credential.md) hand them out: access key, secret, session token and an expiry, limited to one
 * bucket and one object-key prefix. Kept in SQLite so a restart does not strand devices holding valid keys.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db';

export interface TempCredential {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly sessionToken: string;
  readonly bucket: string;
  readonly prefix: string;
  /** Who asked (gateway SN, or `pilot:<workspace>`), for the log and the library's source column. */
  readonly holder: string;
  readonly expiresAt: number;
}

interface Row {
  access_key_id: string;
  secret: string;
  session_token: string;
  bucket: string;
  prefix: string;
  holder: string;
  expires_at: number;
}

export class CredentialStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  issue(holder: string, bucket: string, prefix: string, ttlSec: number): TempCredential {
    const c: TempCredential = {
      accessKeyId: 'OPST' + randomBytes(8).toString('hex').toUpperCase(),
      secret: randomBytes(30).toString('base64url'),
      sessionToken: randomBytes(48).toString('base64url'),
      bucket,
      prefix,
      holder,
      expiresAt: this.now() + ttlSec * 1000,
    };
    this.db
      .prepare('INSERT INTO media_credentials (access_key_id, secret, session_token, bucket, prefix, holder, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.accessKeyId, c.secret, c.sessionToken, c.bucket, c.prefix, c.holder, c.expiresAt, this.now());
    return c;
  }

  /** The credential for an access key id, expired or not (the caller reports which). */
  find(accessKeyId: string): TempCredential | null {
    const r = this.db.prepare('SELECT * FROM media_credentials WHERE access_key_id = ?').get(accessKeyId) as Row | undefined;
    if (!r) return null;
    return { accessKeyId: r.access_key_id, secret: r.secret, sessionToken: r.session_token, bucket: r.bucket, prefix: r.prefix, holder: r.holder, expiresAt: r.expires_at };
  }

  /** Forgets credentials expired for more than a day (an expired key still gets a precise "expired" answer until then). */
  prune(): number {
    return this.db.prepare('DELETE FROM media_credentials WHERE expires_at < ?').run(this.now() - 86_400_000).changes;
  }
}
