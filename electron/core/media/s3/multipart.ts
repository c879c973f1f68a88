/**
 * Multipart uploads (mpUploadOverview.html): parts land in tmp/<uploadId>/ and are indexed in s3_parts;
 * Complete concatenates them (streamed) into one fsynced temp file, then commits it like a single PUT;
 * Abort deletes the directory and rows. Until Complete, nothing is visible as an object.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../store/db';
import { s3err, type S3Error } from './errors';
import type { ObjectStore, StoredObject } from './objects';

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
}

export class Multipart {
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

  /** Records a received part (its temp file already fsynced in the upload's directory); replaces a re-sent part. */
  async putPart(u: Upload, partNumber: number, file: string, size: number, md5: string): Promise<void> {
    const prev = this.db.prepare('SELECT file FROM s3_parts WHERE upload_id = ? AND part_number = ?').get(u.uploadId, partNumber) as { file: string } | undefined;
    this.db
      .prepare('INSERT INTO s3_parts (upload_id, part_number, file, size, etag) VALUES (?, ?, ?, ?, ?) ON CONFLICT (upload_id, part_number) DO UPDATE SET file = excluded.file, size = excluded.size, etag = excluded.etag')
      .run(u.uploadId, partNumber, file, size, md5);
    if (prev && prev.file !== file) await rm(prev.file, { force: true });
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
    const tmp = join(this.store.tmpDir, `${u.uploadId}.assemble`);
    const md5s = createHash('md5');
    let size = 0;
    try {
      const out = this.store.openWrite(tmp);
      out.setMaxListeners(0); // one pipeline per part adds (and removes) listeners
      for (const p of parts) {
        md5s.update(Buffer.from(p.etag, 'hex'));
        size += p.size;
        await pipeline(createReadStream(p.file, { highWaterMark: 1 << 20 }), out, { end: false });
      }
      await new Promise<void>((res, rej) => {
        out.once('error', rej);
        out.end(() => res());
      });
      const fh = await open(tmp, 'r');
      await fh.sync().finally(() => fh.close());
    } catch (e) {
      await rm(tmp, { force: true });
      const code = (e as { code?: string }).code;
      if (code === 'ENOSPC') return s3err(507, 'InsufficientStorage', 'The Outpost data disk is full; the parts are kept, retry Complete after freeing space.');
      return s3err(500, 'InternalError', `Could not assemble the parts: ${(e as Error).message}`);
    }
    const etag = `${md5s.digest('hex')}-${parts.length}`;
    const obj = await this.store.commit(u.bucket, u.key, tmp, size, etag, u.contentType);
    await this.abort(u.uploadId);
    return obj;
  }

  async abort(uploadId: string): Promise<void> {
    this.db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?').run(uploadId);
    await rm(this.dir(uploadId), { recursive: true, force: true });
  }
}
