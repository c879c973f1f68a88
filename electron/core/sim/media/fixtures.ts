/**
 * Real JPEG and MP4 bytes for simulated uploads, made with ffmpeg once per process into a temp dir (a test
 * pattern picture and a 2 s H.264 clip); each upload then gets its own EXIF/XMP or a unique trailing MP4 box.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SimMediaFixtures {
  readonly jpeg: Buffer;
  readonly mp4: Buffer;
}

let cached: Promise<SimMediaFixtures> | null = null;

const run = (args: readonly string[]): Promise<void> =>
  new Promise((resolve, reject) => execFile(process.env.OUTPOST_FFMPEG ?? '/usr/bin/ffmpeg', ['-v', 'error', '-nostdin', ...args], (e) => (e ? reject(e) : resolve())));

export function simMediaFixtures(): Promise<SimMediaFixtures> {
  cached ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-sim-media-'));
    const jpg = join(dir, 'base.jpg');
    const mp4 = join(dir, 'base.mp4');
    await run(['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=1', '-frames:v', '1', '-q:v', '4', '-y', jpg]);
    await run(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-threads', '1', '-y', mp4]);
    return { jpeg: readFileSync(jpg), mp4: readFileSync(mp4) };
  })();
  cached.catch(() => (cached = null));
  return cached;
}

/** The clip with a trailing `free` box of random bytes: a valid MP4 with its own fingerprint. */
export function uniqueMp4(mp4: Buffer): Buffer {
  const box = Buffer.alloc(8 + 16);
  box.writeUInt32BE(box.length, 0);
  box.write('free', 4, 'latin1');
  randomBytes(16).copy(box, 8);
  return Buffer.concat([mp4, box]);
}
