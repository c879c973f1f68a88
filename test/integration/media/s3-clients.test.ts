/**
 * The embedded S3 endpoint against real clients: @aws-sdk/client-s3 (PutObject, multipart via lib-storage,
 * Head/Get) and the minio npm client, all with temporary credentials and a session token.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import * as Minio from 'minio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET, REGION, startS3Harness, type S3Harness } from './s3-harness';

let h: S3Harness;
beforeAll(async () => {
  h = await startS3Harness();
});
afterAll(async () => h.stop());

function sdk(prefix = 'media/SN1/'): S3Client {
  const c = h.issue(prefix);
  return new S3Client({ endpoint: h.endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secret, sessionToken: c.sessionToken } });
}

const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

async function bodyOf(s3: S3Client, key: string): Promise<Buffer> {
  const r = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await r.Body!.transformToByteArray());
}

describe('embedded S3 endpoint with real clients', () => {
  it('aws-sdk PutObject, HeadObject and GetObject round-trip the bytes', async () => {
    const s3 = sdk();
    const data = randomBytes(300_000);
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'media/SN1/flight-1/DJI_0001.JPG', Body: data, ContentType: 'image/jpeg' }));
    expect(put.ETag).toBe(`"${md5(data)}"`);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'media/SN1/flight-1/DJI_0001.JPG' }));
    expect(head.ContentLength).toBe(data.length);
    expect(head.ContentType).toBe('image/jpeg');
    expect((await bodyOf(s3, 'media/SN1/flight-1/DJI_0001.JPG')).equals(data)).toBe(true);
    const range = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'media/SN1/flight-1/DJI_0001.JPG', Range: 'bytes=100-199' }));
    expect(Buffer.from(await range.Body!.transformToByteArray()).equals(data.subarray(100, 200))).toBe(true);
  });

  it('aws-sdk PutObject of a stream (aws-chunked body) stores exactly the bytes', async () => {
    const s3 = sdk();
    const data = randomBytes(200_000);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'media/SN1/stream.bin', Body: Readable.from([data.subarray(0, 70_000), data.subarray(70_000)]), ContentLength: data.length }));
    expect((await bodyOf(s3, 'media/SN1/stream.bin')).equals(data)).toBe(true);
  });

  it('lib-storage multipart upload (3 parts, 2 in parallel) assembles one object with a multipart ETag', async () => {
    const s3 = sdk();
    const data = randomBytes(5 * 1024 * 1024 * 2 + 123_456);
    const up = new Upload({ client: s3, params: { Bucket: BUCKET, Key: 'media/SN1/flight-1/DJI_0002.MP4', Body: Readable.from(chunks(data, 256 * 1024)), ContentType: 'video/mp4' }, partSize: 5 * 1024 * 1024, queueSize: 2 });
    const r = await up.done();
    expect(r.ETag).toMatch(/-3"$/);
    const got = await bodyOf(s3, 'media/SN1/flight-1/DJI_0002.MP4');
    expect(got.length).toBe(data.length);
    expect(md5(got)).toBe(md5(data));
    expect(h.files().tmp).toEqual([]); // parts and the assembly file are gone
  });

  it('the minio client uploads (single and multipart) and reads back with a session token', async () => {
    const c = h.issue('media/SN2/');
    const mc = new Minio.Client({ endPoint: '127.0.0.1', port: Number(new URL(h.endpoint).port), useSSL: false, accessKey: c.accessKeyId, secretKey: c.secret, sessionToken: c.sessionToken, region: REGION, pathStyle: true, partSize: 5 * 1024 * 1024 });
    const small = randomBytes(50_000);
    await mc.putObject(BUCKET, 'media/SN2/small.jpg', small, small.length, { 'Content-Type': 'image/jpeg' });
    const big = randomBytes(11 * 1024 * 1024);
    await mc.putObject(BUCKET, 'media/SN2/big.mp4', Readable.from(chunks(big, 512 * 1024)), big.length);
    const stat = await mc.statObject(BUCKET, 'media/SN2/big.mp4');
    expect(stat.size).toBe(big.length);
    const stream = await mc.getObject(BUCKET, 'media/SN2/small.jpg');
    const parts: Buffer[] = [];
    for await (const p of stream) parts.push(p as Buffer);
    expect(Buffer.concat(parts).equals(small)).toBe(true);
    expect(h.committed.map((o) => o.key)).toContain('media/SN2/big.mp4');
  });
});

function* chunks(b: Buffer, n: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += n) yield b.subarray(i, i + n);
}
