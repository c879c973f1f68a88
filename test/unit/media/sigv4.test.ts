/** SigV4 against AWS's published examples (sig-v4-header-based-auth.html, sigv4-streaming.html). */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder } from '../../../electron/core/media/s3/chunked';
import { canonicalQuery, canonicalRequest, EMPTY_SHA256, scopeOf, signHex, signingKey, stringToSign } from '../../../electron/core/media/s3/sigv4';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const key = signingKey(SECRET, '20130524', 'us-east-1', 's3');
const scope = scopeOf('20130524', 'us-east-1', 's3');

describe('SigV4', () => {
  it('reproduces the AWS GetObject example signature', () => {
    const headers = { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' };
    const c = canonicalRequest('GET', '/test.txt', '', headers, ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'], EMPTY_SHA256);
    expect(signHex(key, stringToSign('20130524T000000Z', scope, c))).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('sorts and strictly encodes the query (uploads flag, keys with spaces and slashes)', () => {
    expect(canonicalQuery('uploadId=a%2Fb&partNumber=2')).toBe('partNumber=2&uploadId=a%2Fb');
    expect(canonicalQuery('uploads')).toBe('uploads=');
    expect(canonicalQuery('prefix=media/a b')).toBe('prefix=media%2Fa%20b');
  });
});

describe('aws-chunked decoder', () => {
  // The AWS streaming example: 65 KiB + 1 KiB of 'a', seed signature from the example's header.
  const seed = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
  const sigs = ['ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648', '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497', 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'];
  const body = (s: readonly string[]): Buffer =>
    Buffer.concat([Buffer.from(`10000;chunk-signature=${s[0]}\r\n`), Buffer.alloc(65536, 'a'), Buffer.from(`\r\n400;chunk-signature=${s[1]}\r\n`), Buffer.alloc(1024, 'a'), Buffer.from(`\r\n0;chunk-signature=${s[2]}\r\n\r\n`)]);

  async function decode(b: Buffer, signed: boolean, piece = 777): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let i = 0; i < b.length; i += piece) parts.push(b.subarray(i, i + piece));
    const out: Buffer[] = [];
    const d = Readable.from(parts).pipe(new AwsChunkedDecoder(signed ? { key, amzDate: '20130524T000000Z', scope, seedSignature: seed } : null));
    for await (const c of d) out.push(c as Buffer);
    return Buffer.concat(out);
  }

  it('verifies the chained chunk signatures of the AWS example and yields the payload', async () => {
    const out = await decode(body(sigs), true);
    expect(out.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  it('fails on a tampered chunk signature', async () => {
    await expect(decode(body([sigs[0]!, sigs[0]!, sigs[2]!]), true)).rejects.toThrow(/chunk signature/);
  });

  it('decodes unsigned trailer streams and refuses a truncated body', async () => {
    const b = Buffer.concat([Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n')]);
    expect((await decode(b, false, 3)).toString()).toBe('hello');
    await expect(decode(Buffer.from('5\r\nhel'), false)).rejects.toThrow(/ended before/);
  });
});
