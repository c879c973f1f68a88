/**
 * Multipart layouts with a real client (@aws-sdk/client-s3, one UploadPart at a time so the test decides the
 * order and sizes): parts of the upload's part size go straight into its shared data file, Complete commits
 * that file in place; any other layout (odd sizes, gaps, a re-sent part) still yields exactly the listed bytes.
 */
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUCKET, REGION, startS3Harness, type S3Harness } from './s3-harness';

const MiB = 1024 * 1024;
let h: S3Harness;
let s3: S3Client;
beforeEach(async () => {
  h = await startS3Harness();
  const c = h.issue('media/SN1/');
  s3 = new S3Client({ endpoint: h.endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secret, sessionToken: c.sessionToken } });
});
afterEach(async () => {
  s3.destroy();
  await h.stop();
});

async function create(key: string): Promise<string> {
  return (await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))).UploadId!;
}
async function part(key: string, id: string, n: number, body: Buffer): Promise<string> {
  return (await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: id, PartNumber: n, Body: body, ContentLength: body.length }))).ETag!;
}
async function complete(key: string, id: string, parts: [number, string][]): Promise<string> {
  const r = await s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: id, MultipartUpload: { Parts: parts.map(([PartNumber, ETag]) => ({ PartNumber, ETag })) } }));
  return r.ETag!;
}
async function get(key: string): Promise<Buffer> {
  const r = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await r.Body!.transformToByteArray());
}
const layout = (id: string): { part_number: number; file_offset: number | null; size: number }[] =>
  h.db.prepare('SELECT part_number, file_offset, size FROM s3_parts WHERE upload_id = ? ORDER BY part_number').all(id) as { part_number: number; file_offset: number | null; size: number }[];

describe('multipart layouts', () => {
  it('equal parts land at their offsets in the shared file, out of order; the short last part is appended at Complete', async () => {
    const key = 'media/SN1/v.mp4';
    const id = await create(key);
    const p = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(777_777)];
    const e3 = await part(key, id, 3, p[2]!); // the first to arrive sets the part size
    const e1 = await part(key, id, 1, p[0]!);
    const e4 = await part(key, id, 4, p[3]!);
    const e2 = await part(key, id, 2, p[1]!);
    expect(layout(id)).toEqual([
      { part_number: 1, file_offset: 0, size: 5 * MiB },
      { part_number: 2, file_offset: 5 * MiB, size: 5 * MiB },
      { part_number: 3, file_offset: 10 * MiB, size: 5 * MiB },
      { part_number: 4, file_offset: null, size: 777_777 },
    ]);
    expect(await complete(key, id, [[1, e1], [2, e2], [3, e3], [4, e4]])).toMatch(/-4"$/);
    expect((await get(key)).equals(Buffer.concat(p))).toBe(true);
    expect(h.files()).toEqual({ tmp: [], objects: [expect.any(String)] });
  });

  it('odd sizes, a gap in the part numbers, and parts uploaded but not listed: exactly the listed bytes', async () => {
    const key = 'media/SN1/odd.bin';
    const id = await create(key);
    const a = randomBytes(5 * MiB + 3);
    const b = randomBytes(6 * MiB);
    const c = randomBytes(5 * MiB + 3);
    const ea = await part(key, id, 1, a);
    const eb = await part(key, id, 3, b); // other size: its own file
    const ec = await part(key, id, 4, c); // part size again, but at offset 3·P after a gap
    await part(key, id, 5, randomBytes(5 * MiB + 3)); // uploaded, never listed
    expect(layout(id).map((r) => r.file_offset)).toEqual([0, null, 3 * (5 * MiB + 3), 4 * (5 * MiB + 3)]);
    await complete(key, id, [[1, ea], [3, eb], [4, ec]]);
    expect((await get(key)).equals(Buffer.concat([a, b, c]))).toBe(true);
    expect(h.files().tmp).toEqual([]);
  });

  it('a part sent again replaces the first attempt; unlisted trailing parts are cut off in place', async () => {
    const key = 'media/SN1/again.bin';
    const id = await create(key);
    const p1 = randomBytes(5 * MiB);
    const first = randomBytes(5 * MiB);
    const second = randomBytes(5 * MiB);
    const e1 = await part(key, id, 1, p1);
    await part(key, id, 2, first);
    const e2 = await part(key, id, 2, second);
    await part(key, id, 3, randomBytes(5 * MiB));
    await complete(key, id, [[1, e1], [2, e2]]);
    const got = await get(key);
    expect(got.length).toBe(10 * MiB);
    expect(got.equals(Buffer.concat([p1, second]))).toBe(true);
  });

  it('a single-part upload is committed as it is', async () => {
    const key = 'media/SN1/one.bin';
    const id = await create(key);
    const body = randomBytes(123_456);
    const e = await part(key, id, 1, body);
    await complete(key, id, [[1, e]]);
    expect((await get(key)).equals(body)).toBe(true);
    expect(h.files()).toEqual({ tmp: [], objects: [expect.any(String)] });
  });
});
