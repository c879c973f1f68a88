/**
 * Media benchmark (issue: media §6): upload throughput of the embedded S3 endpoint for one big video (multipart,
 * 16 MiB parts, 4 in flight) and for many 12 MB photos from 4 parallel clients, each as a ratio to the disk's
 * write speed for the same files measured in the same run, just before it (diskMBps): one 1 GiB file; the
 * 1,000 photo files, fsynced, by 4 writers. Same volume matters: this machine's disk takes a GiB at
 * ~900 MB/s and slows to ~250 MB/s (one writer; dd shows the same) or ~520 MB/s (4 writers) once its write
 * cache is full, so a 1 GiB anchor says nothing about a 12 GB photo set.
 * Also: how much the process grows while uploading (objects are streamed to disk, never buffered whole).
 * The client is a minimal streaming SigV4 client (UNSIGNED-PAYLOAD, no buffering) in a child process, so
 * the memory figure is the endpoint's alone.
 * Scale: BENCH_MEDIA_VIDEO_MB (default 1024), BENCH_MEDIA_PHOTOS (default 1000), BENCH_MEDIA_PHOTO_MB (default 12).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CredentialStore, type TempCredential } from '../electron/core/media/credentials';
import { startS3Server } from '../electron/core/media/s3/server';
import { signRequest } from '../electron/core/media/s3/sigv4';
import { openDatabase } from '../electron/core/store/db';
import { migration0006 } from '../electron/core/store/migrations/0006_media';
import { migration0007 } from '../electron/core/store/migrations/0007_multipart_layout';
import { Counters } from '../electron/core/util/counters';
import { silentLogger } from '../electron/core/util/log';
import { figure, type Figure } from './lib';

const MB = 1024 * 1024;
const VIDEO_MB = Number(process.env.BENCH_MEDIA_VIDEO_MB ?? 1024);
const PHOTOS = Number(process.env.BENCH_MEDIA_PHOTOS ?? 1000);
const PHOTO_MB = Number(process.env.BENCH_MEDIA_PHOTO_MB ?? 12);
const PART_MB = 16;
const CLIENTS = 4;
const BLOCK = randomBytes(MB);

/** `bytes` of data as 1 MiB blocks, written with backpressure. */
async function writeBody(w: NodeJS.WritableStream, bytes: number): Promise<void> {
  for (let left = bytes; left > 0; left -= MB) {
    const chunk = left >= MB ? BLOCK : BLOCK.subarray(0, left);
    if (!w.write(chunk)) await new Promise((r) => w.once('drain', r));
  }
}

/**
 * The disk's write speed for the same files as the workload, without the endpoint: `files` files of `bytes`
 * each, 1 MiB writes, each file fsynced, by `writers` in parallel (the upload's own concurrency). MB/s.
 */
async function diskMBps(dir: string, files: number, bytes: number, writers: number): Promise<number> {
  const root = join(dir, 'anchor');
  mkdirSync(root);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < files) {
        const i = next++;
        const fh = await open(join(root, String(i)), 'w');
        for (let left = bytes; left > 0; left -= MB) await fh.write(left >= MB ? BLOCK : BLOCK.subarray(0, left));
        await fh.sync();
        await fh.close();
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  rmSync(root, { recursive: true });
  return (files * bytes) / MB / s;
}

interface Call {
  readonly method: string;
  readonly path: string;
  readonly query?: string;
  readonly bytes: number;
  readonly body?: string;
}

function s3call(port: number, c: TempCredential, call: Call): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const path = `/${c.bucket}/${call.path}`;
  const headers = signRequest({ method: call.method, path, query: call.query ?? '', headers: { host: `127.0.0.1:${port}`, 'content-length': String(call.body ? Buffer.byteLength(call.body) : call.bytes) }, payloadHash: 'UNSIGNED-PAYLOAD', accessKeyId: c.accessKeyId, secret: c.secret, sessionToken: c.sessionToken, region: 'us-east-1', now: Date.now() });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: call.method, path: call.query ? `${path}?${call.query}` : path, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (call.body !== undefined) return void req.end(call.body);
    void writeBody(req, call.bytes).then(() => req.end(), reject);
  });
}

async function multipart(port: number, c: TempCredential, key: string, bytes: number): Promise<void> {
  const init = await s3call(port, c, { method: 'POST', path: key, query: 'uploads=', bytes: 0, body: '' });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)?.[1];
  if (!uploadId) throw new Error(`CreateMultipartUpload failed: ${init.status} ${init.text}`);
  const parts = Math.ceil(bytes / (PART_MB * MB));
  const etags: string[] = [];
  let next = 1;
  const worker = async (): Promise<void> => {
    while (next <= parts) {
      const n = next++;
      const size = Math.min(PART_MB * MB, bytes - (n - 1) * PART_MB * MB);
      const r = await s3call(port, c, { method: 'PUT', path: key, query: `partNumber=${n}&uploadId=${uploadId}`, bytes: size });
      if (r.status !== 200) throw new Error(`UploadPart ${n}: ${r.status} ${r.text}`);
      etags[n - 1] = String(r.headers.etag);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  const body = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const done = await s3call(port, c, { method: 'POST', path: key, query: `uploadId=${uploadId}`, bytes: 0, body });
  if (done.status !== 200) throw new Error(`Complete: ${done.status} ${done.text}`);
}

/** Runs `fn` while sampling RSS every 50 ms; the peak growth over the start, MB. */
async function withRss<T>(fn: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await fn();
    return { value, growthMb: (peak - base) / MB };
  } finally {
    clearInterval(timer);
  }
}

/** The upload clients, in a child process so they do not share the endpoint's event loop (as devices would not). */
function runClients(args: { port: number; cred: TempCredential; mode: 'video' | 'photos' }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CLIENT_FLAG, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(Number(JSON.parse(out).seconds)) : reject(new Error(`media bench client exited ${code}`))));
  });
}

const CLIENT_FLAG = '--media-bench-client';
if (process.argv[2] === CLIENT_FLAG) {
  const a = JSON.parse(process.argv[3] ?? '{}') as { port: number; cred: TempCredential; mode: 'video' | 'photos' };
  const t0 = performance.now();
  const work = a.mode === 'video' ? multipart(a.port, a.cred, 'media/bench/video.mp4', VIDEO_MB * MB) : photosUpload(a.port, a.cred);
  work.then(
    () => process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000 }) + '\n'),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

async function photosUpload(port: number, c: TempCredential): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < PHOTOS) {
      const i = next++;
      const r = await s3call(port, c, { method: 'PUT', path: `media/bench/p${i}.jpg`, bytes: PHOTO_MB * MB });
      if (r.status !== 200) throw new Error(`PutObject ${i}: ${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
}

export async function mediaBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-media-'));
  const db = openDatabase(join(dir, 'bench.db'));
  db.transaction(() => (migration0006.up(db), migration0007.up(db)))();
  const creds = new CredentialStore(db, () => Date.now());
  const server = await startS3Server({ root: join(dir, 'media'), db, creds, host: '127.0.0.1', port: 0, region: 'us-east-1', now: () => Date.now(), logger: silentLogger, counters: new Counters(), onObject: () => {} });
  const port = server.port();
  const c = creds.issue('bench', 'outpost-media', 'media/bench/', 3600);
  try {
    const disk = await diskMBps(dir, 1, VIDEO_MB * MB, 1);
    const video = await withRss(() => runClients({ port, cred: c, mode: 'video' }));
    server.store.delete('outpost-media', 'media/bench/video.mp4');
    const photoDisk = await diskMBps(dir, PHOTOS, PHOTO_MB * MB, CLIENTS);
    const photos = await withRss(() => runClients({ port, cred: c, mode: 'photos' }));
    const videoMBps = VIDEO_MB / video.value;
    const photoMBps = (PHOTOS * PHOTO_MB) / photos.value;
    return [
      figure('media.disk_write_MBps', disk, 'MB/s', `anchor: 1 × ${VIDEO_MB} MiB`),
      figure('media.video_multipart_MBps', videoMBps, 'MB/s', '>= 0.5 × disk', disk),
      figure('media.disk_write_photoset_MBps', photoDisk, 'MB/s', `anchor: ${PHOTOS} × ${PHOTO_MB} MiB, ${CLIENTS} writers`),
      figure('media.photos_4clients_MBps', photoMBps, 'MB/s', '>= 0.5 × disk', photoDisk),
      figure('media.photos_per_s', PHOTOS / photos.value, 'photos/s', null),
      figure('media.video_upload_rss_growth_MB', video.growthMb, 'MB', `flat (≪ ${VIDEO_MB} MB object)`),
      figure('media.photos_upload_rss_growth_MB', photos.growthMb, 'MB', 'flat'),
    ];
  } finally {
    await server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
