/**
 * Export: copy files into a folder, or stream one zip per flight (stored, not deflated: JPEG and MP4 do not
 * shrink). The zip is written with backpressure, so a 10 GB flight never sits in memory.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';

export interface ExportFile {
  readonly name: string;
  readonly file: string;
  readonly flightId: string | null;
}

/** A file name safe on Windows, macOS and Linux. */
export const safeName = (s: string): string =>
  [...s].map((c) => (c.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(c) ? '_' : c)).join('').slice(0, 180) || 'file';

/** Distinct names inside one folder/zip: DJI_0001.JPG, DJI_0001 (2).JPG… */
function uniqueNames(files: readonly ExportFile[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = safeName(f.name);
    const k = n.toLowerCase();
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    if (c === 1) return n;
    const dot = n.lastIndexOf('.');
    return dot > 0 ? `${n.slice(0, dot)} (${c})${n.slice(dot)}` : `${n} (${c})`;
  });
}

export async function copyToFolder(folder: string, files: readonly ExportFile[]): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const names = uniqueNames(files);
  const out: string[] = [];
  for (const [i, f] of files.entries()) {
    const dest = join(folder, names[i]!);
    await copyFile(f.file, dest);
    out.push(dest);
  }
  return out;
}

/** One zip per flight (files without a flight go to `unassigned.zip`). */
export async function zipPerFlight(folder: string, files: readonly ExportFile[]): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const groups = new Map<string, ExportFile[]>();
  for (const f of files) groups.set(f.flightId ?? 'unassigned', [...(groups.get(f.flightId ?? 'unassigned') ?? []), f]);
  const out: string[] = [];
  for (const [flight, list] of groups) {
    const dest = join(folder, `${safeName(flight)}.zip`);
    const ws = createWriteStream(dest);
    await writeZip(ws, list);
    out.push(dest);
  }
  return out;
}

/** Streams a zip of `files` into `out` and ends it. */
export async function writeZip(out: Writable, files: readonly ExportFile[]): Promise<void> {
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  let failed: Error | null = null;
  const zip = new Zip((e, chunk, final) => {
    if (e) failed = e;
    else out.write(chunk);
    if (final || e) out.end();
  });
  const names = uniqueNames(files);
  for (const [i, f] of files.entries()) {
    const entry = new ZipPassThrough(names[i]!);
    zip.add(entry);
    for await (const chunk of createReadStream(f.file, { highWaterMark: 1 << 20 })) {
      entry.push(chunk as Buffer, false);
      if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
      if (out.destroyed) throw new Error('the download was cancelled');
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await finished;
  if (failed) throw failed;
}
