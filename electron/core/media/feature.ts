/**
 * The media capability: the embedded S3 endpoint (or an external S3/MinIO), storage_config_get and Pilot 2's
 * STS, file_upload_callback / upload-callback registration, thumbnails, the library over IPC, downloads over HTTP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaStorageStatus } from '../../../shared/ipc/media';
import { errorText } from '../../../shared/protocol';
import { appError, err, ok } from '../../../shared/util/result';
import type { Feature, FeatureFactory } from '../features/types';
import { pilotMediaRoute } from '../pilot/media-api';
import { parseDockCallback, parseFile } from './callback';
import { CredentialStore } from './credentials';
import { copyToFolder, zipPerFlight } from './export';
import { readMetadata } from './exif';
import { mediaRoute } from './http';
import { MediaLibrary } from './library';
import { startS3Server, type S3Server } from './s3/server';
import { MediaService } from './service';
import { loadMediaSettings, saveMediaSettings, validateMediaSettings } from './settings';
import { BUCKET, endpointHost, REGION, storageConfig } from './storage-config';
import { ThumbQueue } from './thumbs';

export const mediaFeature: FeatureFactory = async (ctx): Promise<Feature> => {
  const logger = ctx.logger.child('media');
  const db = ctx.store.db;
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'media_files'").get()) {
    // Until migration 0006 is in the list, run without media rather than stop the whole engine.
    logger.error('media tables are missing (migration 0006_media not applied): media storage is off');
    return {};
  }
  const now = (): number => ctx.clock.now();
  let settings = loadMediaSettings(db);
  const creds = new CredentialStore(db, now);
  creds.prune();
  const library = new MediaLibrary(db, now);
  const root = join(ctx.dataDir, 'media');
  const brokerHost = ctx.brokerAddress()?.host ?? null;
  let s3: S3Server | null = null;
  // eslint-disable-next-line prefer-const -- the queue and the service refer to each other
  let service: MediaService;
  const thumbs = new ThumbQueue(join(root, 'thumbs'), (id, good) => service.thumbDone(id, good), logger.child('thumbs'));
  service = new MediaService({
    library,
    store: () => (settings.mode === 'embedded' ? (s3?.store ?? null) : null),
    bucket: () => (settings.mode === 'external' && settings.external ? settings.external.bucket : BUCKET),
    thumbs,
    changed: (ids, removed) => ctx.bus.emit('media:changed', { ids, removed }),
    logger,
    counters: ctx.counters,
  });
  if (settings.mode === 'embedded') s3 = await startEmbedded();
  service.resumeThumbs();

  async function startEmbedded(): Promise<S3Server> {
    // Docks on the LAN must reach storage; a loopback-only broker (tests, demos) keeps storage on loopback too.
    const loopback = brokerHost === '127.0.0.1' || brokerHost === 'localhost' || brokerHost === '::1';
    const host = loopback ? '127.0.0.1' : '0.0.0.0';
    const base = { root, db, creds, host, region: REGION, now, logger: logger.child('s3'), counters: ctx.counters, onObject: (o: Parameters<MediaService['onObject']>[0]) => void service.onObject(o) };
    try {
      return await startS3Server({ ...base, port: settings.s3Port });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
      logger.warn('S3 port busy: using a free port instead (devices get it from storage_config_get)', { port: settings.s3Port });
      return startS3Server({ ...base, port: 0 });
    }
  }

  const endpoint = (): string | null => (s3 ? `http://${endpointHost(ctx.settings().advertisedHost, brokerHost)}:${s3.port()}` : null);
  const config = (holder: string): ReturnType<typeof storageConfig> => storageConfig(settings, creds, endpoint(), holder);
  const status = (): MediaStorageStatus => {
    const c = db.prepare('SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM media_files').get() as { n: number; bytes: number };
    return { settings, endpoint: settings.mode === 'external' ? (settings.external?.endpoint ?? null) : endpoint(), bucket: settings.mode === 'external' ? (settings.external?.bucket ?? '') : BUCKET, bytesStored: c.bytes, files: c.n };
  };

  const offEvent = ctx.onEvent((gateway, method, data) => {
    if (method === 'file_upload_callback') {
      const f = parseDockCallback(data);
      if (!f.ok) {
        ctx.counters.inc('media.bad_callback');
        return logger.warn('file_upload_callback ignored', { gateway, error: f.error.message });
      }
      if (f.value.result !== null && f.value.result !== 0) return logger.warn('device reports a failed upload', { gateway, objectKey: f.value.objectKey, result: f.value.result });
      void service.register('dock', gateway, f.value).catch((e: unknown) => logger.error('media registration failed', { error: String(e) }));
    } else if (method === 'highest_priority_upload_flighttask_media') {
      const flightId = (data as { flight_id?: unknown } | null)?.flight_id;
      if (typeof flightId === 'string') ctx.bus.emit('media:priority', { gateway, flightId });
    }
  });

  const apiToken = (): string => {
    try {
      return readFileSync(join(ctx.dataDir, 'api-token'), 'utf8').trim();
    } catch {
      return '';
    }
  };

  return {
    requests: {
      storage_config_get: (gateway) => {
        const out = config(gateway);
        if (!out) return { result: 1, output: {} };
        ctx.counters.inc('media.credentials_issued');
        logger.info('storage credentials issued', { gateway, prefix: out.object_key_prefix });
        return { result: 0, output: out };
      },
    },
    publicHttpRoutes: [
      pilotMediaRoute({
        token: apiToken,
        logger: logger.child('pilot'),
        counters: ctx.counters,
        port: {
          sts: (holder) => config(holder),
          fingerprintExists: (fp) => library.byFingerprint(fp) !== null,
          existingTiny: (t) => library.existingTiny(t),
          uploadCallback: async (body, device) => {
            const f = parseFile(body, 'upload-callback');
            if (!f.ok) return f;
            await service.register('pilot', f.value.sn ?? device, f.value);
            return ok(f.value.objectKey);
          },
        },
      }),
    ],
    httpRoutes: [mediaRoute({ service, library, thumbs, logger })],
    invoke: {
      'media:list': (q) => library.list(q ?? {}),
      'media:facets': () => library.facets(),
      'media:metadata': async ({ id }) => {
        const f = service.fileOf(id);
        if (!f) return err(appError('not_found', `Media file ${id} is not stored on this laptop.`));
        const m = await readMetadata(f.object.file);
        return m ? ok(m) : err(appError('no_metadata', `${f.item.name} has no readable EXIF/XMP metadata.`));
      },
      'media:delete': ({ ids }) => ok({ deleted: service.delete(ids) }),
      'media:export': async (req) => {
        const items = req.ids ? req.ids.map((id) => service.fileOf(id)) : library.list({ ...(req.flightId ? { flightId: req.flightId } : {}), limit: 5000 }).map((i) => service.fileOf(i.id));
        const files = items.filter((x) => x !== null).map((x) => ({ name: x.item.name, file: x.object.file, flightId: x.item.flightId }));
        if (files.length === 0) return err(appError('nothing_to_export', 'None of the selected files is stored on this laptop.'));
        if (!req.folder || !req.folder.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(req.folder)) return err(appError('invalid_folder', 'folder must be an absolute path.'));
        try {
          return ok({ files: req.zip ? await zipPerFlight(req.folder, files) : await copyToFolder(req.folder, files) });
        } catch (e) {
          return err(appError('export_failed', `Export to ${req.folder} failed: ${(e as Error).message}`));
        }
      },
      'media:prioritize': async ({ gateway, flightId }) => {
        if (!/^[^<>:"/|?*._\\]+$/.test(flightId)) return err(appError('invalid_flight_id', 'flightId must not contain < > : " / | ? * . _ or \\ (dock file.md pattern).'));
        const r = await ctx.caller.call(gateway, 'upload_flighttask_media_prioritize', { flight_id: flightId });
        if (!r.ok) return r;
        return r.value.result === 0 ? ok(undefined) : err(appError('device_error', `${gateway} refused upload_flighttask_media_prioritize: ${errorText(r.value.result)}`));
      },
      'media:storage': () => status(),
      'media:setStorage': (update) => {
        const next = validateMediaSettings({ ...settings, ...update });
        if (!next.ok) return next;
        settings = next.value;
        saveMediaSettings(db, settings);
        logger.info('media settings saved', { mode: settings.mode });
        return ok(status());
      },
    },
    stop: async () => {
      offEvent();
      thumbs.stop();
      await s3?.close();
    },
  };
};
