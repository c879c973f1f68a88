/**
 * What the endpoint refuses, and that a refused or failed upload leaves nothing behind: forged signature,
 * wrong session token, expired credentials, a key outside the prefix, another bucket, a tampered body,
 * an aborted multipart upload, a dropped connection, and a disk that fills up mid-upload.
 */
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex, signRequest } from '../../../electron/core/media/s3/sigv4';
import type { TempCredential } from '../../../electron/core/media/credentials';
import { BUCKET, REGION, startS3Harness, type S3Harness } from './s3-harness';

let h: S3Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function client(harness: S3Harness, c: TempCredential, over: Partial<{ secret: string; token: string }> = {}): S3Client {
  return new S3Client({ endpoint: harness.endpoint, region: REGION, forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: c.accessKeyId, secretAccessKey: over.secret ?? c.secret, sessionToken: over.token ?? c.sessionToken } });
}

async function refusal(p: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await p;
  } catch (e) {
    const x = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: x.name, status: x.$metadata?.httpStatusCode };
  }
  throw new Error('expected a refusal');
}

const put = (s3: S3Client, key: string, body: Buffer = randomBytes(1000), bucket = BUCKET): Promise<unknown> => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

describe('S3 endpoint refusals', () => {
  it('refuses a forged signature, a wrong session token, an unknown key id, expired credentials', async () => {
    h = await startS3Harness();
    const c = h.issue();
    expect(await refusal(put(client(h, c, { secret: 'not-the-secret' }), 'media/SN1/a.jpg'))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(await refusal(put(client(h, c, { token: 'forged-token' }), 'media/SN1/a.jpg'))).toEqual({ name: 'InvalidToken', status: 403 });
    expect(await refusal(put(client(h, { ...c, accessKeyId: 'OPSTNOPE' }), 'media/SN1/a.jpg'))).toEqual({ name: 'InvalidAccessKeyId', status: 403 });
    const expired = h.issue('media/SN1/', 0);
    expect(await refusal(put(client(h, expired), 'media/SN1/a.jpg'))).toEqual({ name: 'ExpiredToken', status: 403 });
    expect(h.files()).toEqual({ tmp: [], objects: [] });
    expect(h.committed).toEqual([]);
  });

  it('limits credentials to their bucket and object-key prefix, for reads too', async () => {
    h = await startS3Harness();
    const mine = client(h, h.issue('media/SN1/'));
    const other = client(h, h.issue('media/SN2/'));
    await put(other, 'media/SN2/theirs.jpg');
    expect(await refusal(put(mine, 'media/SN2/x.jpg'))).toEqual({ name: 'AccessDenied', status: 403 });
    expect(await refusal(put(mine, 'x.jpg'))).toEqual({ name: 'AccessDenied', status: 403 });
    expect(await refusal(put(mine, 'media/SN1/x.jpg', randomBytes(10), 'other-bucket'))).toEqual({ name: 'AccessDenied', status: 403 });
    expect(await refusal(mine.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'media/SN2/theirs.jpg' })))).toEqual({ name: 'AccessDenied', status: 403 });
    expect(h.committed.map((o) => o.key)).toEqual(['media/SN2/theirs.jpg']);
  });

  it('refuses a body that does not match its signed SHA-256, storing nothing', async () => {
    h = await startS3Harness();
    const c = h.issue();
    const body = randomBytes(5000);
    const headers = signRequest({ method: 'PUT', path: `/${BUCKET}/media/SN1/t.jpg`, headers: { host: new URL(h.endpoint).host, 'content-length': String(body.length) }, payloadHash: sha256Hex(randomBytes(5000)), accessKeyId: c.accessKeyId, secret: c.secret, sessionToken: c.sessionToken, region: REGION, now: Date.now() });
    const r = await raw(h.endpoint, 'PUT', `/${BUCKET}/media/SN1/t.jpg`, headers, body);
    expect(r.status).toBe(400);
    expect(r.body).toContain('XAmzContentSHA256Mismatch');
    expect(h.files()).toEqual({ tmp: [], objects: [] });
  });

  it('an aborted multipart upload leaves no object and no parts', async () => {
    h = await startS3Harness();
    const s3 = client(h, h.issue());
    const key = 'media/SN1/video.mp4';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
    await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: randomBytes(5 * 1024 * 1024) }));
    expect(h.files().tmp).toEqual([UploadId]);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId }));
    expect(await refusal(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })))).toMatchObject({ status: 404 });
    expect(await refusal(s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 2, Body: randomBytes(10) })))).toEqual({ name: 'NoSuchUpload', status: 404 });
    expect(h.files()).toEqual({ tmp: [], objects: [] });
    expect(h.db.prepare('SELECT count(*) AS n FROM s3_parts').get()).toEqual({ n: 0 });
  });

  it('a connection dropped mid-upload stores nothing', async () => {
    h = await startS3Harness();
    const c = h.issue();
    const headers = signRequest({ method: 'PUT', path: `/${BUCKET}/media/SN1/cut.jpg`, headers: { host: new URL(h.endpoint).host, 'content-length': '1000000' }, payloadHash: 'UNSIGNED-PAYLOAD', accessKeyId: c.accessKeyId, secret: c.secret, sessionToken: c.sessionToken, region: REGION, now: Date.now() });
    const gone = new Promise<void>((resolve) => {
      const req = request(`${h!.endpoint}/${BUCKET}/media/SN1/cut.jpg`, { method: 'PUT', headers });
      req.on('error', () => resolve());
      req.write(randomBytes(300_000), () => setImmediate(() => req.destroy()));
      req.on('close', () => resolve());
    });
    await gone;
    await waitFor(() => h!.counters.snapshot()['s3.refused.IncompleteBody'] === 1);
    expect(h.files()).toEqual({ tmp: [], objects: [] });
  });

  it('a disk that fills up mid-upload answers 507 and leaves nothing, and the next upload works', async () => {
    let full = true;
    // The storage writer thread fails with ENOSPC after 64 KiB, as a full disk does.
    h = await startS3Harness({ writeFault: () => (full ? 64 * 1024 : null) });
    const s3 = client(h, h.issue());
    expect(await refusal(put(s3, 'media/SN1/big.jpg', randomBytes(1024 * 1024)))).toMatchObject({ status: 507 });
    expect(h.files()).toEqual({ tmp: [], objects: [] });
    full = false;
    await put(s3, 'media/SN1/big.jpg', randomBytes(1024 * 1024));
    expect(h.files().objects).toHaveLength(1);
  });
});

function raw(endpoint: string, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { method, headers }, (res) => {
      let s = '';
      res.on('data', (d: Buffer) => (s += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: s }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function waitFor(pred: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
