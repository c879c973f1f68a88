/**
 * The S3 operations DJI devices use (path-style: /bucket/key): PutObject, Create/UploadPart/Complete/Abort
 * multipart, HeadObject, GetObject (with Range), plus GetBucketLocation and HeadBucket that SDKs probe first.
 * Everything else answers NotImplemented. Each request is authorised (SigV4 + bucket/prefix) before its body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../../util/counters';
import type { Logger } from '../../util/log';
import type { CredentialStore, TempCredential } from '../credentials';
import { allowed, authorize, type Authorized } from './auth';
import { declaredLength, receiveBody } from './body';
import { escXml, s3err, sendError, sendXml, xml, type S3Error } from './errors';
import type { Multipart } from './multipart';
import type { ObjectStore, StoredObject } from './objects';
import { getObject } from './read';

export interface S3Deps {
  readonly store: ObjectStore;
  readonly multipart: Multipart;
  readonly creds: CredentialStore;
  readonly region: string;
  readonly now: () => number;
  readonly logger: Logger;
  readonly counters: Counters;
  /** A new object is committed (PUT or Complete), with the credential that wrote it. */
  readonly onObject: (o: StoredObject, by: TempCredential) => void;
}

export async function handleS3(d: S3Deps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? '' : raw.slice(q + 1);
  const query = new URLSearchParams(rawQuery);
  const path = decodePath(rawPath);
  const slash = path.indexOf('/', 1);
  const bucket = slash < 0 ? path.slice(1) : path.slice(1, slash);
  const key = slash < 0 || slash === path.length - 1 ? null : path.slice(slash + 1);
  const head = req.method === 'HEAD';
  const fail = (e: S3Error): void => {
    d.counters.inc(`s3.refused.${e.code}`);
    d.logger.warn('S3 request refused', { method: req.method, path, code: e.code, message: e.message });
    drain(req, res);
    sendError(res, e, path, head);
  };
  const a = authorize(req, rawPath, rawQuery, d.creds, d.now());
  if ('status' in a) return fail(a);
  const scope = allowed(a.cred, bucket, key);
  if (scope) return fail(scope);
  d.counters.inc(`s3.${req.method?.toLowerCase()}`);
  const r = key === null ? bucketOp(d, req, res, query, a.cred) : await objectOp(d, req, res, a, bucket, key, query);
  if (r) fail(r);
}

function bucketOp(d: S3Deps, req: IncomingMessage, res: ServerResponse, query: URLSearchParams, cred: TempCredential): S3Error | null {
  if (req.method === 'GET' && query.has('location')) return void sendXml(res, 200, xml('LocationConstraint', {}).replace('></LocationConstraint>', `>${d.region}</LocationConstraint>`)), null;
  if (req.method === 'HEAD') return void res.writeHead(200, { 'x-amz-bucket-region': d.region }).end(), null;
  if (req.method === 'GET' && query.has('uploads')) {
    // The minio client looks for an unfinished upload of the same key to resume (ListMultipartUploads).
    const prefix = query.get('prefix') ?? '';
    if (!prefix.startsWith(cred.prefix)) return s3err(403, 'AccessDenied', `Listing is limited to keys under "${cred.prefix}".`);
    const uploads = d.multipart.list(cred.bucket, prefix);
    const items = uploads.map((u) => `<Upload><Key>${escXml(u.key)}</Key><UploadId>${u.uploadId}</UploadId><Initiated>${new Date(u.createdAt).toISOString()}</Initiated></Upload>`).join('');
    sendXml(res, 200, xml('ListMultipartUploadsResult', { Bucket: cred.bucket, Prefix: prefix, MaxUploads: 1000, IsTruncated: 'false' }).replace('</ListMultipartUploadsResult>', items + '</ListMultipartUploadsResult>'));
    return null;
  }
  return s3err(501, 'NotImplemented', `${req.method} on a bucket is not supported by Outpost's embedded storage.`);
}

async function objectOp(d: S3Deps, req: IncomingMessage, res: ServerResponse, a: Authorized, bucket: string, key: string, query: URLSearchParams): Promise<S3Error | null> {
  const m = req.method;
  const uploadId = query.get('uploadId');
  if (m === 'PUT' && uploadId === null) {
    if (req.headers['x-amz-copy-source']) return s3err(501, 'NotImplemented', 'CopyObject is not supported.');
    const w = await receiveBody(req, a.payload, d.store);
    if ('status' in w) return w;
    const o = await d.store.commit(bucket, key, w.file, w.size, w.md5, contentType(req));
    d.onObject(o, a.cred);
    res.writeHead(200, { etag: `"${o.etag}"`, 'content-length': 0 }).end();
    return null;
  }
  if (m === 'POST' && query.has('uploads')) {
    const u = d.multipart.create(bucket, key, contentType(req));
    sendXml(res, 200, xml('InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: u.uploadId }));
    return null;
  }
  if (uploadId !== null) {
    const u = d.multipart.find(uploadId, bucket, key);
    if ('status' in u) return u;
    if (m === 'PUT') {
      const n = Number(query.get('partNumber'));
      if (!Number.isInteger(n) || n < 1 || n > 10_000) return s3err(400, 'InvalidArgument', 'partNumber must be an integer 1..10000.');
      // A part of the upload's usual size goes straight to its place in the shared data file.
      const slot = d.multipart.claim(u, n, declaredLength(req, a.payload));
      let w;
      try {
        w = await receiveBody(req, a.payload, d.store, slot ? { into: slot } : { dir: d.multipart.dir(uploadId) });
        if ('status' in w) return w;
        await d.multipart.putPart(u, n, w.file, w.size, w.md5, slot?.start ?? null);
      } finally {
        slot?.release();
      }
      res.writeHead(200, { etag: `"${w.md5}"`, 'content-length': 0 }).end();
      return null;
    }
    if (m === 'POST') {
      const body = await readSmall(req, 1 << 20);
      if (body === null) return s3err(400, 'MalformedXML', 'The CompleteMultipartUpload body is missing or over 1 MiB.');
      const o = await d.multipart.complete(u, partsOf(body));
      if ('status' in o) return o;
      d.onObject(o, a.cred);
      sendXml(res, 200, xml('CompleteMultipartUploadResult', { Location: `/${bucket}/${key}`, Bucket: bucket, Key: key, ETag: `"${o.etag}"` }));
      return null;
    }
    if (m === 'GET') {
      const items = d.multipart.parts(uploadId).map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>"${p.etag}"</ETag><Size>${p.size}</Size></Part>`).join('');
      sendXml(res, 200, xml('ListPartsResult', { Bucket: bucket, Key: key, UploadId: uploadId, MaxParts: 10000, IsTruncated: 'false' }).replace('</ListPartsResult>', items + '</ListPartsResult>'));
      return null;
    }
    if (m === 'DELETE') {
      await d.multipart.abort(uploadId);
      res.writeHead(204).end();
      return null;
    }
  }
  if (m === 'GET' || m === 'HEAD') {
    const o = d.store.get(bucket, key);
    if (!o) return s3err(404, 'NoSuchKey', `No object ${bucket}/${key}.`);
    return getObject(d.store, o, req, res);
  }
  return s3err(501, 'NotImplemented', `${m} ${query.toString() ? '?' + query.toString() : ''} on an object is not supported.`);
}

function partsOf(body: string): { partNumber: number; etag: string }[] {
  const out: { partNumber: number; etag: string }[] = [];
  for (const m of body.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const n = /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(m[1] ?? '');
    const e = /<ETag>\s*([^<]*?)\s*<\/ETag>/.exec(m[1] ?? '');
    if (n && e) out.push({ partNumber: Number(n[1]), etag: (e[1] ?? '').replace(/&quot;/g, '"') });
  }
  return out;
}

function readSmall(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(n > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

const contentType = (req: IncomingMessage): string | null => (typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : null);

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** A refused request may still be sending its body: drain small ones, close the connection after big ones. */
function drain(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete || req.readableEnded) return;
  const len = Number(req.headers['content-length'] ?? 0);
  if (len > 16 << 20) res.setHeader('connection', 'close');
  else req.resume();
}
