/** A real embedded S3 endpoint on 127.0.0.1 over a real SQLite file, for tests with real S3 clients. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialStore, type TempCredential } from '../../../electron/core/media/credentials';
import { startS3Server, type S3Server, type S3ServerOptions } from '../../../electron/core/media/s3/server';
import type { StoredObject } from '../../../electron/core/media/s3/objects';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { migration0006 } from '../../../electron/core/store/migrations/0006_media';
import { migration0007 } from '../../../electron/core/store/migrations/0007_multipart_layout';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';

export const BUCKET = 'outpost-media';
export const REGION = 'us-east-1';

export interface S3Harness {
  readonly server: S3Server;
  readonly creds: CredentialStore;
  readonly db: Db;
  readonly root: string;
  readonly endpoint: string;
  readonly committed: StoredObject[];
  readonly counters: Counters;
  issue(prefix?: string, ttlSec?: number): TempCredential;
  /** Files under tmp/ and objects/ (to prove nothing partial is left behind). */
  files(): { tmp: string[]; objects: string[] };
  stop(): Promise<void>;
}

export async function startS3Harness(extra: Partial<S3ServerOptions> = {}): Promise<S3Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-s3-'));
  const db = openDatabase(join(dir, 'test.db'));
  db.transaction(() => (migration0006.up(db), migration0007.up(db)))();
  const creds = new CredentialStore(db, () => Date.now());
  const committed: StoredObject[] = [];
  const counters = new Counters();
  const root = join(dir, 'media');
  const server = await startS3Server({ root, db, creds, host: '127.0.0.1', port: 0, region: REGION, now: () => Date.now(), logger: silentLogger, counters, onObject: (o) => committed.push(o), ...extra });
  return {
    server,
    creds,
    db,
    root,
    endpoint: `http://127.0.0.1:${server.port()}`,
    committed,
    counters,
    issue: (prefix = 'media/SN1/', ttl = 3600) => creds.issue('SN1', BUCKET, prefix, ttl),
    files: () => ({ tmp: readdirSync(join(root, 'tmp')), objects: readdirSync(join(root, 'objects')) }),
    stop: async () => {
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
