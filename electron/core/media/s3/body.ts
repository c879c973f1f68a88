/**
 * Takes an upload body into a temp file: aws-chunked decoding when the client streams, SHA-256 and Content-MD5
 * checks when it signed or digested the payload, length checks. Any failure removes the temp file and comes
 * back as an S3Error (disk full included), so nothing partial is ever left to commit.
 */
import type { IncomingMessage } from 'node:http';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { PayloadMode } from './auth';
import { AwsChunkedDecoder } from './chunked';
import { s3err, type S3Error } from './errors';
import type { ObjectStore, WriteResult } from './objects';

export const MAX_PUT_BYTES = 5 * 1024 ** 3;

/** Where the body goes: a new temp file in `dir` (default tmp/), or a region of an existing file (`into`). */
export interface BodyTarget {
  readonly dir?: string;
  readonly into?: { readonly file: string; readonly start: number };
}

export async function receiveBody(req: IncomingMessage, payload: PayloadMode, store: ObjectStore, target: BodyTarget = {}): Promise<WriteResult | S3Error> {
  const declared = declaredLength(req, payload);
  if (declared !== null && declared > MAX_PUT_BYTES) return s3err(400, 'EntityTooLarge', `One upload may carry at most 5 GiB; this one declares ${declared} bytes. Use multipart upload.`);
  // The body goes to a storage writer thread as it arrives (sink.ts). A failed write leaves the socket open,
  // so the client still gets its answer; an aws-chunked body is decoded (and its chunk signatures checked) first.
  let src: Readable = req;
  let decoder: AwsChunkedDecoder | null = null;
  if (payload.kind === 'streaming') {
    decoder = new AwsChunkedDecoder(payload.signing);
    src = req.pipe(decoder);
  }
  const onGone = (): void => {
    if (!req.complete) decoder?.destroy(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
  };
  if (decoder) {
    req.once('close', onGone);
    req.once('error', onGone);
  }
  let w: WriteResult;
  try {
    const sha = payload.kind === 'sha256';
    w = target.into ? await store.writeAt(src, target.into.file, target.into.start, sha) : await store.writeTemp(src, target.dir, sha);
  } catch (e) {
    if (decoder) req.unpipe(decoder);
    return writeError(e);
  } finally {
    req.off('close', onGone);
    req.off('error', onGone);
  }
  const problem = check(req, payload, w, declared);
  if (problem) {
    if (!target.into) await rm(w.file, { force: true }); // a shared file's region is simply not referenced
    return problem;
  }
  return w;
}

function check(req: IncomingMessage, payload: PayloadMode, w: WriteResult, declared: number | null): S3Error | null {
  if (declared !== null && declared !== w.size) return s3err(400, 'IncompleteBody', `The body had ${w.size} bytes, but ${declared} were declared.`);
  if (payload.kind === 'sha256' && w.sha256 !== payload.hash) return s3err(400, 'XAmzContentSHA256Mismatch', 'The body does not match the signed x-amz-content-sha256.');
  const md5 = req.headers['content-md5'];
  if (typeof md5 === 'string' && Buffer.from(md5, 'base64').toString('hex') !== w.md5) return s3err(400, 'BadDigest', 'The body does not match Content-MD5.');
  return null;
}

function writeError(e: unknown): S3Error {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return s3err(507, 'InsufficientStorage', 'The Outpost data disk is full; the upload was discarded. Free space and retry.');
  if (code === 'SignatureDoesNotMatch') return s3err(403, 'SignatureDoesNotMatch', 'A chunk signature of the streamed body does not match.');
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.startsWith('aws-chunked')) return s3err(400, 'InvalidRequest', msg);
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || msg.includes('aborted')) return s3err(400, 'IncompleteBody', 'The connection closed before the body was complete; nothing was stored.');
  return s3err(500, 'InternalError', `Could not store the upload: ${msg}`);
}

/** The body's length as the client declared it (the decoded length for an aws-chunked stream), if it did. */
export function declaredLength(req: IncomingMessage, payload: PayloadMode): number | null {
  return numberHeader(req, payload.kind === 'streaming' ? 'x-amz-decoded-content-length' : 'content-length');
}

function numberHeader(req: IncomingMessage, name: string): number | null {
  const v = req.headers[name];
  if (typeof v !== 'string' || !/^\d+$/.test(v)) return null;
  return Number(v);
}
