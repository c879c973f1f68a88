/**
 * Multipart uploads (mpUploadOverview.html): parts land in tmp/<uploadId>/ and are indexed in s3_parts.
 * Clients cut a file into equal parts (the last one shorter), so the first part to arrive sets the upload's
 * part size P and every part of size P is written straight to offset (n−1)·P of the upload's shared `data`
 * file; other parts (the short last one, odd sizes, a retry racing its first attempt) get their own file.
 * Complete then commits `data` itself (appending a separate last part, truncating) — each byte is written
 * once — and falls back to concatenating into a new file for any other layout. Abort deletes the directory
 * and rows. Until Complete, nothing is visible as an object.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync } from 'node:fs';
import { rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../../store/db';
import { s3err, type S3Error } from './errors';
import { syncFile, type ObjectStore, type StoredObject } from './objects';

export interface Upload {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string | null;
}

interface PartRow {
  part_number: number;
  file: string;
  size: number;
  etag: string;
  /** Null: its own file from byte 0; else its offset in the upload's shared data file. */
  file_offset: number | null;
}

/** A region of the shared data file reserved for one part while it streams in. */
export interface PartSlot {
  readonly file: string;
  readonly start: number;
  release(): void;
}

export class Multipart {
  /** Upload id → its part size P, once known. */
  private readonly partSize = new Map<string, number>();
  /** Upload id → part numbers streaming into the shared file right now. */
  private readonly writing = new Map<string, Set<number>>();
  /** Uploads inside Complete: their shared file is being truncated and committed, no part may write to it. */
  private readonly completing = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly store: ObjectStore,
    private readonly now: () => number,
  ) {}

  create(bucket: string, key: string, contentType: string | null): Upload {
    const uploadId = randomUUID().replace(/-/g, '');
    mkdirSync(this.dir(uploadId), { recursive: true });
    this.db.prepare('INSERT INTO s3_uploads (upload_id, bucket, key, content_type, created_at) VALUES (?, ?, ?, ?, ?)').run(uploadId, bucket, key, contentType, this.now());
    return { uploadId, bucket, key, contentType };
  }

  find(uploadId: string, bucket: string, key: string): Upload | S3Error {
    const r = this.db.prepare('SELECT * FROM s3_uploads WHERE upload_id = ?').get(uploadId) as { bucket: string; key: string; content_type: string | null } | undefined;
    if (!r || r.bucket !== bucket || r.key !== key) return s3err(404, 'NoSuchUpload', `No multipart upload ${uploadId} for ${bucket}/${key} (completed, aborted, or never created).`);
    return { uploadId, bucket, key, contentType: r.content_type };
  }

  /** Unfinished uploads of keys under `prefix` (ListMultipartUploads). */
  list(bucket: string, prefix: string): (Upload & { createdAt: number })[] {
    const rows = this.db.prepare('SELECT * FROM s3_uploads WHERE bucket = ? AND substr(key, 1, ?) = ? ORDER BY key, created_at').all(bucket, prefix.length, prefix) as { upload_id: string; key: string; content_type: string | null; created_at: number }[];
    return rows.map((r) => ({ uploadId: r.upload_id, bucket, key: r.key, contentType: r.content_type, createdAt: r.created_at }));
  }

  parts(uploadId: string): { partNumber: number; etag: string; size: number }[] {
    return (this.db.prepare('SELECT * FROM s3_parts WHERE upload_id = ? ORDER BY part_number').all(uploadId) as PartRow[]).map((r) => ({ partNumber: r.part_number, etag: r.etag, size: r.size }));
  }

  dir(uploadId: string): string {
    return join(this.store.tmpDir, uploadId);
  }

  sharedFile(uploadId: string): string {
    return join(this.dir(uploadId), 'data');
  }

  /**
   * Reserves part `n`'s place in the shared data file when its declared length is the upload's part size
   * (the first part to arrive sets it); undefined → write it to a file of its own.
   */
  claim(u: Upload, n: number, declared: number | null): PartSlot | undefined {
    if (declared === null || declared <= 0 || this.completing.has(u.uploadId)) return undefined;
    let size = this.partSize.get(u.uploadId);
    if (size === undefined) {
      // After a restart: the size of any part already stored in the shared file.
      const r = this.db.prepare('SELECT size FROM s3_parts WHERE upload_id = ? AND file_offset IS NOT NULL LIMIT 1').get(u.uploadId) as { size: number } | undefined;
      size = r?.size ?? declared;
      this.partSize.set(u.uploadId, size);
    }
    const busy = this.writing.get(u.uploadId) ?? new Set<number>();
    if (declared !== size || busy.has(n)) return undefined; // a retry racing its first attempt must not share bytes
    const file = this.sharedFile(u.uploadId);
    closeSync(openSync(file, 'a')); // create it if this is the first part
    busy.add(n);
    this.writing.set(u.uploadId, busy);
    let released = false;
    return {
      file,
      start: (n - 1) * size,
      release: () => {
        if (released) return;
        released = true;
        busy.delete(n);
      },
    };
  }

  /** Records a received part (already fsynced: its own file, or its region of the shared file); replaces a re-sent part. */
  async putPart(u: Upload, partNumber: number, file: string, size: number, md5: string, offset: number | null = null): Promise<void> {
    const prev = this.db.prepare('SELECT file, file_offset FROM s3_parts WHERE upload_id = ? AND part_number = ?').get(u.uploadId, partNumber) as Pick<PartRow, 'file' | 'file_offset'> | undefined;
    this.db
      .prepare(
        'INSERT INTO s3_parts (upload_id, part_number, file, size, etag, file_offset) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (upload_id, part_number) DO UPDATE SET file = excluded.file, size = excluded.size, etag = excluded.etag, file_offset = excluded.file_offset',
      )
      .run(u.uploadId, partNumber, file, size, md5, offset);
    // A replaced part's own file goes; the shared file holds other parts and stays.
    if (prev && prev.file_offset === null && prev.file !== file) await rm(prev.file, { force: true });
  }

  async complete(u: Upload, requested: readonly { partNumber: number; etag: string }[]): Promise<StoredObject | S3Error> {
    if (requested.length === 0) return s3err(400, 'MalformedXML', 'CompleteMultipartUpload must list at least one part.');
    const rows = new Map((this.db.prepare('SELECT * FROM s3_parts WHERE upload_id = ?').all(u.uploadId) as PartRow[]).map((r) => [r.part_number, r]));
    const parts: PartRow[] = [];
    let last = 0;
    for (const p of requested) {
      if (p.partNumber <= last) return s3err(400, 'InvalidPartOrder', 'Parts must be listed in ascending PartNumber order.');
      last = p.partNumber;
      const r = rows.get(p.partNumber);
      if (!r || r.etag !== p.etag.replace(/"/g, '')) return s3err(400, 'InvalidPart', `Part ${p.partNumber} was not uploaded, or its ETag does not match.`);
      parts.push(r);
    }
    // Bytes still streaming into the shared file would land in the committed object: finish them first.
    if ((this.writing.get(u.uploadId)?.size ?? 0) > 0 || this.completing.has(u.uploadId)) {
      return s3err(409, 'OperationAborted', 'Parts of this upload are still being received; retry Complete once they have finished.');
    }
    const etag = `${this.multipartEtag(parts)}-${parts.length}`;
    const size = parts.reduce((n, p) => n + p.size, 0);
    this.completing.add(u.uploadId);
    try {
      let file: string;
      try {
        file = await ((await this.inPlace(u, parts)) ?? this.concatenate(u, parts));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOSPC') return s3err(507, 'InsufficientStorage', 'The Outpost data disk is full; the parts are kept, retry Complete after freeing space.');
        return s3err(500, 'InternalError', `Could not assemble the parts: ${(e as Error).message}`);
      }
      const obj = await this.store.commit(u.bucket, u.key, file, size, etag, u.contentType);
      await this.abort(u.uploadId);
      return obj;
    } finally {
      this.completing.delete(u.uploadId);
    }
  }

  private multipartEtag(parts: readonly PartRow[]): string {
    const md5s = createHash('md5');
    for (const p of parts) md5s.update(Buffer.from(p.etag, 'hex'));
    return md5s.digest('hex');
  }

  /**
   * The object's file without copying the parts, when they lie in order in the shared file: parts 1…k−1 at
   * (i−1)·P with size P, the last one there too or in its own file (appended). A lone part in its own file is
   * the object as it is. Null for any other layout.
   */
  private async inPlace(u: Upload, parts: readonly PartRow[]): Promise<string | null> {
    const only = parts.length === 1 ? parts[0]! : null;
    if (only && only.file_offset === null) return only.file;
    const shared = this.sharedFile(u.uploadId);
    const first = parts[0]!;
    const size = first.size;
    const inOrder = parts.every((p, i) => p.part_number === i + 1);
    const body = parts.slice(0, -1).every((p, i) => p.file === shared && p.file_offset === i * size && p.size === size);
    if (!inOrder || !body || first.file_offset !== 0) return null;
    const last = parts[parts.length - 1]!;
    const lastAt = (parts.length - 1) * size;
    if (last.file_offset !== lastAt || last.file !== shared) {
      if (last.file_offset !== null) return null;
      await this.store.copyTo(createReadStream(last.file, { highWaterMark: 1 << 20 }), shared, lastAt);
    }
    await truncate(shared, lastAt + last.size); // drops parts uploaded but not listed
    await syncFile(shared);
    return shared;
  }

  /** Any layout: every listed part, in order, copied into one new fsynced file. */
  private async concatenate(u: Upload, parts: readonly PartRow[]): Promise<string> {
    const tmp = join(this.store.tmpDir, `${u.uploadId}.assemble`);
    async function* bytes(): AsyncGenerator<Buffer> {
      for (const p of parts) {
        if (p.size === 0) continue;
        const start = p.file_offset ?? 0;
        yield* createReadStream(p.file, { start, end: start + p.size - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
      }
    }
    try {
      await this.store.copyTo(Readable.from(bytes(), { objectMode: false }), tmp, null);
      return tmp;
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async abort(uploadId: string): Promise<void> {
    this.partSize.delete(uploadId);
    this.writing.delete(uploadId);
    this.db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?').run(uploadId);
    await rm(this.dir(uploadId), { recursive: true, force: true });
  }
}
