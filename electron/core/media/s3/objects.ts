/**
 * The object store behind the S3 endpoint: bytes in <root>/objects/<uuid>, indexed in SQLite (s3_objects).
 * Atomic by construction: every upload streams to <root>/tmp, is fsynced and renamed into objects/, and only
 * then gets its index row (one transaction). A crash or an error at any step leaves at most an unindexed file,
 * which `sweep()` removes at start, so a half-written or aborted object never shows as a file.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../store/db';
import { SinkPool } from './sink';

export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly file: string;
  readonly size: number;
  readonly etag: string;
  readonly contentType: string | null;
  readonly createdAt: number;
}

export interface WriteResult {
  readonly file: string;
  readonly size: number;
  readonly md5: string;
  readonly sha256: string | null;
}

export interface ObjectStoreOptions {
  readonly root: string;
  readonly db: Db;
  readonly now: () => number;
  /** Storage writer threads (default: one per core, at most 4). */
  readonly writerThreads?: number;
  /** Test seam (disk-full simulation): bytes after which writing `file` fails with ENOSPC; null = never. */
  readonly writeFault?: (file: string) => number | null;
}

interface Row {
  bucket: string;
  key: string;
  file: string;
  size: number;
  etag: string;
  content_type: string | null;
  created_at: number;
}

export class ObjectStore {
  readonly tmpDir: string;
  readonly objDir: string;
  /** Hashes, writes and fsyncs upload bodies off the event loop. */
  private readonly sink: SinkPool;

  constructor(private readonly o: ObjectStoreOptions) {
    this.tmpDir = join(o.root, 'tmp');
    this.objDir = join(o.root, 'objects');
    mkdirSync(this.tmpDir, { recursive: true });
    mkdirSync(this.objDir, { recursive: true });
    this.sink = new SinkPool({ ...(o.writerThreads !== undefined ? { threads: o.writerThreads } : {}), ...(o.writeFault ? { writeFault: o.writeFault } : {}) });
  }

  /** Removes what a crash left behind: temp files, and object files with no index row. */
  sweep(): { tmp: number; orphans: number } {
    let tmp = 0;
    for (const f of readdirSync(this.tmpDir)) {
      const uploadDir = this.o.db.prepare('SELECT 1 FROM s3_uploads WHERE upload_id = ?').get(f);
      if (uploadDir) continue; // a multipart upload still open: its parts survive restarts
      rmSync(join(this.tmpDir, f), { recursive: true, force: true });
      tmp++;
    }
    const known = new Set((this.o.db.prepare('SELECT file FROM s3_objects').all() as { file: string }[]).map((r) => r.file));
    let orphans = 0;
    for (const f of readdirSync(this.objDir)) {
      if (known.has(f)) continue;
      rmSync(join(this.objDir, f), { force: true });
      orphans++;
    }
    return { tmp, orphans };
  }

  /** Streams `src` to a new fsynced temp file (MD5 always, SHA-256 on request); removes it on any error. */
  async writeTemp(src: Readable, dir = this.tmpDir, wantSha256 = false): Promise<WriteResult> {
    const file = join(dir, randomUUID());
    try {
      return await this.write(src, file, null, true, wantSha256);
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
  }

  /**
   * Streams `src` into the existing `file` from byte `start` and fsyncs it. On error the region holds partial
   * bytes; the file itself stays (other writers own the rest of it), and nothing refers to that region.
   */
  writeAt(src: Readable, file: string, start: number, wantSha256 = false): Promise<WriteResult> {
    return this.write(src, file, start, true, wantSha256);
  }

  /** Copies `src` into `file` (new when `start` is null, else from byte `start`) and fsyncs it, without hashing. */
  copyTo(src: Readable, file: string, start: number | null): Promise<WriteResult> {
    return this.write(src, file, start, false, false);
  }

  /** Stops the writer threads. */
  close(): Promise<void> {
    return this.sink.close();
  }

  private async write(src: Readable, file: string, start: number | null, md5: boolean, sha256: boolean): Promise<WriteResult> {
    const r = await this.sink.write(src, { file, start, md5, sha256 });
    return { file, size: r.size, md5: r.md5 ?? '', sha256: r.sha256 };
  }

  /** Moves a finished temp file into objects/ and indexes it; an object it replaces is deleted after commit. */
  async commit(bucket: string, key: string, tmpFile: string, size: number, etag: string, contentType: string | null): Promise<StoredObject> {
    const name = randomUUID();
    await rename(tmpFile, join(this.objDir, name));
    const prev = this.get(bucket, key);
    const now = this.o.now();
    this.o.db
      .prepare('INSERT INTO s3_objects (bucket, key, file, size, etag, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bucket, key) DO UPDATE SET file = excluded.file, size = excluded.size, etag = excluded.etag, content_type = excluded.content_type, created_at = excluded.created_at')
      .run(bucket, key, name, size, etag, contentType, now);
    if (prev) await rm(prev.file, { force: true });
    return { bucket, key, file: join(this.objDir, name), size, etag, contentType, createdAt: now };
  }

  get(bucket: string, key: string): StoredObject | null {
    const r = this.o.db.prepare('SELECT * FROM s3_objects WHERE bucket = ? AND key = ?').get(bucket, key) as Row | undefined;
    return r ? this.toObject(r) : null;
  }

  delete(bucket: string, key: string): boolean {
    const o = this.get(bucket, key);
    if (!o) return false;
    this.o.db.prepare('DELETE FROM s3_objects WHERE bucket = ? AND key = ?').run(bucket, key);
    rmSync(o.file, { force: true });
    return true;
  }

  read(o: StoredObject, range?: { start: number; end: number }): Readable {
    return createReadStream(o.file, range ? { start: range.start, end: range.end, highWaterMark: 1 << 20 } : { highWaterMark: 1 << 20 });
  }

  /** Bytes of every file under the store (for the disk-usage readout). */
  usage(): number {
    let n = 0;
    for (const f of readdirSync(this.objDir)) n += statSync(join(this.objDir, f)).size;
    return n;
  }

  private toObject(r: Row): StoredObject {
    return { bucket: r.bucket, key: r.key, file: join(this.objDir, r.file), size: r.size, etag: r.etag, contentType: r.content_type, createdAt: r.created_at };
  }
}

/** fsync a file by path. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
