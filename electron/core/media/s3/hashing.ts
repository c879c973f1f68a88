/** A pass-through stream that counts bytes and hashes them (MD5 for the ETag, SHA-256 when the client signed the payload). */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class HashingCounter extends Transform {
  bytes = 0;
  private readonly md5: Hash = createHash('md5');
  private readonly sha: Hash | null;

  constructor(wantSha256: boolean) {
    super({ highWaterMark: 1 << 20 });
    this.sha = wantSha256 ? createHash('sha256') : null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    this.md5.update(chunk);
    this.sha?.update(chunk);
    cb(null, chunk);
  }

  md5Hex(): string {
    return this.md5.digest('hex');
  }

  sha256Hex(): string | null {
    return this.sha ? this.sha.digest('hex') : null;
  }
}
