/**
 * Decoder for `Content-Encoding: aws-chunked` bodies (sigv4-streaming.html, sigv4-streaming-trailers.html):
 * `hex-size[;chunk-signature=sig]\r\n<bytes>\r\n` … a zero-size chunk, then optional trailer lines and `\r\n`.
 * With a signing context it checks every chunk signature (chained on the seed signature of the request)
 * and fails the stream on the first mismatch, so the caller drops the temp file.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { chunkStringToSign, signHex } from './sigv4';

export interface ChunkSigning {
  readonly key: Buffer;
  readonly amzDate: string;
  readonly scope: string;
  readonly seedSignature: string;
}

const MAX_LINE = 4096;

export class AwsChunkedDecoder extends Transform {
  private state: 'header' | 'data' | 'crlf' | 'trailer' | 'done' = 'header';
  private line = Buffer.alloc(0);
  private remaining = 0;
  private chunkSig = '';
  private prevSig: string;
  private hash: Hash | null = null;
  decoded = 0;

  constructor(private readonly signing: ChunkSigning | null) {
    super({ highWaterMark: 1 << 20 });
    this.prevSig = signing?.seedSignature ?? '';
  }

  override _transform(buf: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let i = 0;
    try {
      while (i < buf.length) {
        if (this.state === 'data') {
          const n = Math.min(this.remaining, buf.length - i);
          const slice = buf.subarray(i, i + n);
          this.hash?.update(slice);
          this.push(slice);
          this.decoded += n;
          this.remaining -= n;
          i += n;
          if (this.remaining === 0) this.state = 'crlf';
          continue;
        }
        if (this.state === 'done') {
          i = buf.length; // bytes after the final CRLF are ignored
          continue;
        }
        // header, crlf, trailer: line oriented
        const nl = buf.indexOf(0x0a, i);
        const end = nl < 0 ? buf.length : nl + 1;
        this.line = Buffer.concat([this.line, buf.subarray(i, end)]);
        i = end;
        if (this.line.length > MAX_LINE) throw new Error('aws-chunked: line too long');
        if (nl < 0) continue;
        const text = this.line.toString('latin1').replace(/\r?\n$/, '');
        this.line = Buffer.alloc(0);
        this.onLine(text);
      }
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    if (this.state !== 'done' && this.state !== 'trailer') return cb(new Error('aws-chunked: body ended before the final chunk'));
    cb();
  }

  private onLine(text: string): void {
    if (this.state === 'crlf') {
      if (text !== '') throw new Error('aws-chunked: missing CRLF after chunk data');
      this.endChunk();
      this.state = 'header';
      return;
    }
    if (this.state === 'trailer') {
      if (text === '') this.state = 'done';
      return;
    }
    const [sizeHex, ...ext] = text.split(';');
    const size = parseInt(sizeHex ?? '', 16);
    if (!Number.isFinite(size) || size < 0 || !/^[0-9a-fA-F]+$/.test(sizeHex ?? '')) throw new Error(`aws-chunked: bad chunk size "${sizeHex}"`);
    this.chunkSig = ext.find((e) => e.startsWith('chunk-signature='))?.slice('chunk-signature='.length) ?? '';
    if (this.signing && !this.chunkSig) throw new Error('aws-chunked: chunk without chunk-signature');
    this.hash = this.signing ? createHash('sha256') : null;
    if (size > 0) {
      this.remaining = size;
      this.state = 'data';
      return;
    }
    this.endChunk(); // the zero chunk is signed too
    // Signed streams end with CRLF; trailer streams list trailers then an empty line.
    this.state = 'trailer';
  }

  private endChunk(): void {
    if (!this.signing || !this.hash) return;
    const expected = signHex(this.signing.key, chunkStringToSign(this.signing.amzDate, this.signing.scope, this.prevSig, this.hash.digest('hex')));
    if (expected !== this.chunkSig) throw Object.assign(new Error('aws-chunked: chunk signature does not match'), { code: 'SignatureDoesNotMatch' });
    this.prevSig = this.chunkSig;
    this.hash = null;
  }
}
