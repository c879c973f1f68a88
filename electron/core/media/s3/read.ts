/** GetObject / HeadObject, with a single `Range: bytes=a-b` (RFC 9110 §14) for resumable downloads and video seeking. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { s3err, type S3Error } from './errors';
import type { ObjectStore, StoredObject } from './objects';

export function parseRange(h: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!h) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(h.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 ? 'invalid' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'invalid' : { start, end };
}

export function objectHeaders(o: StoredObject): Record<string, string | number> {
  return {
    etag: `"${o.etag}"`,
    'last-modified': new Date(o.createdAt).toUTCString(),
    'content-type': o.contentType ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
  };
}

export async function getObject(store: ObjectStore, o: StoredObject, req: IncomingMessage, res: ServerResponse): Promise<S3Error | null> {
  const range = parseRange(req.headers.range, o.size);
  if (range === 'invalid') return s3err(416, 'InvalidRange', `The requested range is not satisfiable for ${o.size} bytes.`);
  const headers = objectHeaders(o);
  if (range) {
    res.writeHead(206, { ...headers, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${o.size}` });
  } else {
    res.writeHead(200, { ...headers, 'content-length': o.size });
  }
  if (req.method === 'HEAD' || o.size === 0) return void res.end(), null;
  try {
    await pipeline(store.read(o, range ?? undefined), res);
  } catch {
    res.destroy(); // the client went away mid-download
  }
  return null;
}
