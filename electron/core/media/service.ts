/**
 * The media capability's core: joins "an object was stored" (S3 endpoint) with "a device says it uploaded a file"
 * (file_upload_callback / upload-callback) in either order, detects duplicates by fingerprint, fills position and
 * time from EXIF when the callback lacks them, and queues thumbnails. Emits `media:changed` for the renderer.
 */
import type { MediaItem } from '../../../shared/ipc/media';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { ParsedFile } from './callback';
import { readMetadata } from './exif';
import type { MediaLibrary } from './library';
import type { ObjectStore, StoredObject } from './s3/objects';
import type { ThumbQueue } from './thumbs';

export interface MediaServiceDeps {
  readonly library: MediaLibrary;
  /** null in external-storage mode (objects are not here). */
  readonly store: () => ObjectStore | null;
  readonly bucket: () => string;
  readonly thumbs: ThumbQueue;
  readonly changed: (ids: readonly number[], removed: boolean) => void;
  readonly logger: Logger;
  readonly counters: Counters;
}

export type RegisterOutcome = { readonly id: number; readonly duplicateOf: null } | { readonly id: null; readonly duplicateOf: number };

export class MediaService {
  constructor(private readonly d: MediaServiceDeps) {}

  /** A device reported an upload. */
  async register(source: 'dock' | 'pilot', gatewaySn: string | null, f: ParsedFile): Promise<RegisterOutcome> {
    const bucket = this.d.bucket();
    const obj = this.d.store()?.get(bucket, f.objectKey) ?? null;
    const fingerprint = f.fingerprint ?? obj?.etag ?? null;
    const dup = fingerprint ? this.d.library.byFingerprint(fingerprint, f.objectKey) : null;
    if (dup) {
      this.d.counters.inc('media.duplicate');
      this.d.logger.info('duplicate upload: same fingerprint as an existing file', { objectKey: f.objectKey, existing: dup.objectKey, fingerprint });
      return { id: null, duplicateOf: dup.id };
    }
    const id = this.d.library.register({ ...f, bucket, source, gatewaySn: gatewaySn ?? f.sn, fingerprint });
    this.d.counters.inc(`media.registered.${source}`);
    if (obj) await this.stored(id, obj);
    this.d.changed([id], false);
    return { id, duplicateOf: null };
  }

  /** The S3 endpoint committed an object; if a callback already named it, it is now complete. */
  async onObject(o: StoredObject): Promise<void> {
    const item = this.d.library.byKey(o.bucket, o.key);
    if (!item) return; // the callback will follow
    await this.stored(item.id, o);
    this.d.changed([item.id], false);
  }

  private async stored(id: number, o: StoredObject): Promise<void> {
    this.d.library.setStored(id, o.size, o.etag);
    const item = this.d.library.get(id);
    if (!item) return;
    if (item.kind === 'photo' && (item.lat === null || item.capturedAt === null || item.gimbalYaw === null)) {
      const m = await readMetadata(o.file);
      if (m) {
        const t = m.capturedAt ? Date.parse(m.capturedAt) : NaN;
        this.d.library.fillFromExif(id, { capturedAt: Number.isNaN(t) ? null : t, lat: m.latitude, lng: m.longitude, absoluteAltitude: m.absoluteAltitude, relativeAltitude: m.relativeAltitude, gimbalYaw: m.gimbalYaw });
      }
    }
    if (item.kind !== 'other') this.d.thumbs.push({ id, file: o.file, kind: item.kind });
    else this.d.library.setThumb(id, 'failed');
  }

  thumbDone(id: number, ok: boolean): void {
    this.d.library.setThumb(id, ok ? 'ok' : 'failed');
    this.d.changed([id], false);
  }

  /** Thumbnails interrupted by a restart are queued again. */
  resumeThumbs(): void {
    const store = this.d.store();
    if (!store) return;
    for (const id of this.d.library.pendingThumbs()) {
      const item = this.d.library.get(id);
      const o = item ? store.get(item.bucket, item.objectKey) : null;
      if (item && o) this.d.thumbs.push({ id, file: o.file, kind: item.kind });
    }
  }

  /** The stored file of a library item, if it is here. */
  fileOf(id: number): { item: MediaItem; object: StoredObject } | null {
    const item = this.d.library.get(id);
    const object = item ? (this.d.store()?.get(item.bucket, item.objectKey) ?? null) : null;
    return item && object ? { item, object } : null;
  }

  delete(ids: readonly number[]): number {
    let n = 0;
    for (const id of ids) {
      const item = this.d.library.get(id);
      if (!item) continue;
      this.d.store()?.delete(item.bucket, item.objectKey);
      this.d.thumbs.remove(id);
      this.d.library.remove(id);
      n++;
    }
    if (n > 0) this.d.changed(ids, true);
    return n;
  }
}
