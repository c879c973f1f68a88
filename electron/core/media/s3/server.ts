/**
 * The embedded S3-compatible endpoint on its own port (see docs/MEDIA.md for why not a path prefix of the
 * engine's HTTP server: the minio client and devices take host:port only, and devices on the LAN must reach
 * it while the engine's API listens on loopback). Path-style addressing: http://host:port/bucket/key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../store/db';
import type { Counters } from '../../util/counters';
import type { Logger } from '../../util/log';
import type { CredentialStore, TempCredential } from '../credentials';
import { sendError, s3err } from './errors';
import { handleS3 } from './handler';
import { Multipart } from './multipart';
import { ObjectStore, type ObjectStoreOptions, type StoredObject } from './objects';

export interface S3ServerOptions {
  readonly root: string;
  readonly db: Db;
  readonly creds: CredentialStore;
  readonly host: string;
  readonly port: number;
  readonly region: string;
  readonly now: () => number;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly onObject: (o: StoredObject, by: TempCredential) => void;
  readonly writerThreads?: ObjectStoreOptions['writerThreads'];
  readonly writeFault?: ObjectStoreOptions['writeFault'];
}

export interface S3Server {
  readonly store: ObjectStore;
  port(): number;
  close(): Promise<void>;
}

export async function startS3Server(o: S3ServerOptions): Promise<S3Server> {
  const store = new ObjectStore({ root: o.root, db: o.db, now: o.now, ...(o.writerThreads !== undefined ? { writerThreads: o.writerThreads } : {}), ...(o.writeFault ? { writeFault: o.writeFault } : {}) });
  const swept = store.sweep();
  if (swept.tmp + swept.orphans > 0) o.logger.info('removed leftovers of interrupted uploads', swept);
  const multipart = new Multipart(o.db, store, o.now);
  const deps = { store, multipart, creds: o.creds, region: o.region, now: o.now, logger: o.logger, counters: o.counters, onObject: o.onObject };
  const server: Server = createServer((req, res) => {
    handleS3(deps, req, res).catch((e: unknown) => {
      o.counters.inc('s3.internal_error');
      o.logger.error('S3 request failed', { url: req.url, error: String(e) });
      sendError(res, s3err(500, 'InternalError', String(e)), req.url ?? '/');
    });
  });
  // Big uploads over slow links: no request timeout, but drop idle sockets.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    store,
    port: () => (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => void store.close().then(() => resolve()));
      }),
  };
}
