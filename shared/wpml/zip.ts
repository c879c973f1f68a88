/**
 * KMZ (ZIP) reading that a hostile file cannot abuse: the central directory is walked here so every entry's
 * name and declared size are checked before anything inflates; fflate inflates in small pushes so the
 * ACTUAL size is counted as it grows and a bomb stops at the cap; CRC-32 is verified. ZIP64 and encrypted
 * entries are refused (a KMZ is a few megabytes). Writing uses fflate's zipSync.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { err, ok, type Result } from '../util/result';

export const ZIP_LIMITS = {
  maxArchiveBytes: 64 * 1024 * 1024,
  maxEntries: 2_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
} as const;
export type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

export interface ZipError {
  readonly code: 'zip_invalid' | 'zip_too_large' | 'zip_bomb' | 'zip_unsafe_path' | 'zip_unsupported';
  readonly entry: string;
  readonly message: string;
}

const CHUNK = 16 * 1024; // compressed bytes per push: one push can inflate to at most ~16 MB (deflate's 1032:1)
const fail = (code: ZipError['code'], entry: string, message: string): Result<never, ZipError> => err({ code, entry, message });

export function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Result<Map<string, Uint8Array>, ZipError> {
  if (bytes.length > limits.maxArchiveBytes) return fail('zip_too_large', '(archive)', `The file is ${bytes.length} bytes; the limit is ${limits.maxArchiveBytes}.`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => dv.getUint16(o, true);
  const u32 = (o: number): number => dv.getUint32(o, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('zip_invalid', '(archive)', 'Not a KMZ: no ZIP end-of-central-directory record.');
  const count = u16(eocd + 10);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return fail('zip_unsupported', '(archive)', 'ZIP64 archives are not supported for KMZ.');
  if (count > limits.maxEntries) return fail('zip_too_large', '(archive)', `The archive has ${count} entries; the limit is ${limits.maxEntries}.`);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== 0x02014b50) return fail('zip_invalid', '(archive)', `Central directory entry ${i} is damaged.`);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    const csize = u32(p + 20);
    const usize = u32(p + 24);
    const nameLen = u16(p + 28);
    const localOffset = u32(p + 42);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
    const unsafe = unsafePath(name);
    if (unsafe) return fail('zip_unsafe_path', name, `Entry "${name}" ${unsafe}; refused (path traversal).`);
    if (name.endsWith('/')) continue;
    if (flags & 1) return fail('zip_unsupported', name, `Entry "${name}" is encrypted.`);
    if (method !== 0 && method !== 8) return fail('zip_unsupported', name, `Entry "${name}" uses compression method ${method}; only stored and deflate are allowed.`);
    if (out.has(name)) return fail('zip_invalid', name, `Entry "${name}" appears twice.`);
    if (usize > limits.maxEntryBytes) return fail('zip_bomb', name, `Entry "${name}" declares ${usize} bytes; the limit is ${limits.maxEntryBytes}.`);
    total += usize;
    if (total > limits.maxTotalBytes) return fail('zip_bomb', name, `The entries declare ${total} bytes in all; the limit is ${limits.maxTotalBytes}.`);
    if (localOffset + 30 > bytes.length || u32(localOffset) !== 0x04034b50) return fail('zip_invalid', name, `Entry "${name}" has no local header.`);
    const start = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (start + csize > bytes.length) return fail('zip_invalid', name, `Entry "${name}" runs past the end of the file.`);
    const data = inflateEntry(name, method, bytes.subarray(start, start + csize), usize);
    if (!data.ok) return data;
    if (crc32(data.value) !== crc) return fail('zip_invalid', name, `Entry "${name}" fails its CRC-32 check (damaged file).`);
    out.set(name, data.value);
  }
  return ok(out);
}

/** Inflates and counts: more than declared is a bomb (stopped at once), less is a damaged file. */
function inflateEntry(name: string, method: number, comp: Uint8Array, declared: number): Result<Uint8Array, ZipError> {
  if (method === 0) {
    return comp.length === declared ? ok(comp.slice()) : fail('zip_invalid', name, `Stored entry "${name}" is ${comp.length} bytes but declares ${declared}.`);
  }
  const buf = new Uint8Array(declared);
  let got = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    if (got + chunk.length > declared) {
      over = true;
      throw new Error('over');
    }
    buf.set(chunk, got);
    got += chunk.length;
  });
  try {
    for (let o = 0; o < comp.length; o += CHUNK) inf.push(comp.subarray(o, Math.min(comp.length, o + CHUNK)), o + CHUNK >= comp.length);
    if (comp.length === 0) inf.push(new Uint8Array(0), true);
  } catch (e) {
    if (over) return fail('zip_bomb', name, `Entry "${name}" inflates to more than the ${declared} bytes it declares; refused.`);
    return fail('zip_invalid', name, `Entry "${name}" is not valid deflate data: ${(e as Error).message}`);
  }
  if (got !== declared) return fail('zip_invalid', name, `Entry "${name}" inflates to ${got} bytes but declares ${declared}.`);
  return ok(buf);
}

/** Why `name` could escape the extraction folder, or null. */
function unsafePath(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((seg) => seg === '..')) return 'contains ".."';
  return null;
}

let CRC_TABLE: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Deterministic archive (fixed timestamps) so the same route always has the same MD5. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>, mtime = new Date(Date.UTC(2020, 0, 1))): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of files) z[name] = [data, { level: 6, mtime }];
  return zipSync(z);
}
