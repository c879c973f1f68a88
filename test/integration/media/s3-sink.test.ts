/**
 * The storage writer threads (SinkPool) on real files: exact bytes and digests for new files and regions of an
 * existing one, chunks that do not own their buffer copied (the caller's memory stays intact), bounded
 * read-ahead, every failure (source error, premature close, disk full, existing file) rejecting with the file
 * closed, and no file descriptor left open.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SinkPool } from '../../../electron/core/media/s3/sink';

const MiB = 1024 * 1024;
let dir: string;
let pool: SinkPool;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-sink-'));
  pool = new SinkPool({ threads: 2 });
});
afterEach(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const openFds = (): number => readdirSync('/proc/self/fd').length;

/** A source that yields `data` in chunks of `size`, each a fresh buffer of its own (as socket reads are). */
function chunks(data: Buffer, size = 64 * 1024): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at >= data.length) return void this.push(null);
      this.push(Buffer.from(data.subarray(at, at + size)));
      at += size;
    },
  });
}

describe('SinkPool', () => {
  it('writes a new file with its MD5 and SHA-256, and a region of an existing file', async () => {
    const data = randomBytes(9 * MiB + 123);
    const r = await pool.write(chunks(data), { file: join(dir, 'a'), start: null, md5: true, sha256: true });
    expect(r).toEqual({ size: data.length, md5: md5(data), sha256: sha256(data) });
    expect(readFileSync(join(dir, 'a')).equals(data)).toBe(true);

    writeFileSync(join(dir, 'b'), Buffer.alloc(100, 1));
    const part = randomBytes(50);
    const p = await pool.write(chunks(part, 7), { file: join(dir, 'b'), start: 80, md5: false, sha256: false });
    expect(p).toEqual({ size: 50, md5: null, sha256: null });
    const b = readFileSync(join(dir, 'b'));
    expect(b.subarray(0, 80).equals(Buffer.alloc(80, 1))).toBe(true);
    expect(b.subarray(80).equals(part)).toBe(true);
  });

  it('copies chunks that are slices of a bigger buffer instead of moving it away from the caller', async () => {
    const whole = randomBytes(3 * MiB);
    let at = 0;
    const src = new Readable({
      read() {
        if (at >= whole.length) return void this.push(null);
        this.push(whole.subarray(at, at + 100_000)); // shares `whole`
        at += 100_000;
      },
    });
    const r = await pool.write(src, { file: join(dir, 's'), start: null, md5: true, sha256: false });
    expect(whole.length).toBe(3 * MiB); // not detached
    expect(r.md5).toBe(md5(whole));
    expect(readFileSync(join(dir, 's')).equals(whole)).toBe(true);
  });

  it('pauses a fast source instead of buffering it: read-ahead stays within a few MiB', async () => {
    const total = 64 * MiB;
    const block = randomBytes(256 * 1024);
    const hash = createHash('md5');
    for (let i = 0; i < total / block.length; i++) hash.update(block);
    let produced = 0;
    let maxAhead = 0;
    const file = join(dir, 'big');
    const written = (): number => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    // The source is far faster than the thread (which hashes twice), so without backpressure it would run
    // all 64 MiB ahead of the disk.
    const src = new Readable({
      highWaterMark: 256 * 1024,
      read() {
        if (produced >= total) return void this.push(null);
        produced += block.length;
        maxAhead = Math.max(maxAhead, produced - written());
        this.push(Buffer.from(block));
      },
    });
    const r = await pool.write(src, { file, start: null, md5: true, sha256: true });
    expect(r).toMatchObject({ size: total, md5: hash.digest('hex') });
    expect(maxAhead).toBeLessThan(12 * MiB);
  });

  it('many uploads at once over two threads: each file exact', async () => {
    const bodies = Array.from({ length: 7 }, (_, i) => randomBytes(MiB + i * 4099));
    const rs = await Promise.all(bodies.map((b, i) => pool.write(chunks(b, 32 * 1024 + i), { file: join(dir, `m${i}`), start: null, md5: true, sha256: false })));
    rs.forEach((r, i) => {
      expect(r.md5).toBe(md5(bodies[i]!));
      expect(readFileSync(join(dir, `m${i}`)).equals(bodies[i]!)).toBe(true);
    });
  });

  it('rejects with the source error, a premature close, a full disk or an existing file, each with the file closed', async () => {
    // Both writer threads up first, so the count below is about files only.
    await Promise.all([0, 1].map((i) => pool.write(chunks(randomBytes(MiB)), { file: join(dir, `w${i}`), start: null, md5: true, sha256: false })));
    const before = openFds();
    // A source that fails after 2 MiB.
    let n = 0;
    const failing = new Readable({
      read() {
        n++;
        if (n > 32) return void this.destroy(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
        this.push(randomBytes(64 * 1024));
      },
    });
    await expect(pool.write(failing, { file: join(dir, 'e1'), start: null, md5: true, sha256: false })).rejects.toMatchObject({ code: 'ECONNRESET' });
    // A source destroyed without an error before its end.
    let m = 0;
    const cut = new Readable({
      read() {
        if (++m > 4) return void this.destroy();
        this.push(randomBytes(64 * 1024));
      },
    });
    await expect(pool.write(cut, { file: join(dir, 'e2'), start: null, md5: true, sha256: false })).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    // The disk fills up after 100 KiB.
    const full = new SinkPool({ threads: 1, writeFault: () => 100 * 1024 });
    await expect(full.write(chunks(randomBytes(MiB)), { file: join(dir, 'e3'), start: null, md5: true, sha256: false })).rejects.toMatchObject({ code: 'ENOSPC' });
    await full.close();
    // A new file that already exists.
    writeFileSync(join(dir, 'e4'), 'x');
    await expect(pool.write(chunks(randomBytes(10)), { file: join(dir, 'e4'), start: null, md5: true, sha256: false })).rejects.toMatchObject({ code: 'EEXIST' });
    // Every file the threads opened is closed again (the caller may delete them).
    expect(openFds()).toBe(before);
  });

  it('refuses work after close', async () => {
    await pool.close();
    await expect(pool.write(chunks(randomBytes(10)), { file: join(dir, 'c'), start: null, md5: true, sha256: false })).rejects.toThrow(/closed/);
  });
});
