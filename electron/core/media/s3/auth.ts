/**
 * Who is asking, and may they? Verifies an S3 request's SigV4 header signature against the temporary
 * credential it names, checks expiry, session token and clock skew, and reports how the body is signed.
 * Every refusal is an S3Error naming what was wrong (never a crash, never a silent accept).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CredentialStore, TempCredential } from '../credentials';
import type { ChunkSigning } from './chunked';
import { s3err, type S3Error } from './errors';
import { canonicalRequest, parseAmzDate, parseAuthorization, scopeOf, signHex, signingKey, stringToSign } from './sigv4';

export type PayloadMode = { kind: 'sha256'; hash: string } | { kind: 'unsigned' } | { kind: 'streaming'; signing: ChunkSigning | null };

export interface Authorized {
  readonly cred: TempCredential;
  readonly payload: PayloadMode;
}

const MAX_SKEW_MS = 15 * 60_000;

export function authorize(req: IncomingMessage, rawPath: string, rawQuery: string, creds: CredentialStore, now: number): Authorized | S3Error {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return s3err(403, 'AccessDenied', 'This endpoint needs an AWS Signature V4 Authorization header (credentials from storage_config_get or the STS call).');
  const auth = parseAuthorization(h);
  if (typeof auth === 'string') return s3err(400, 'AuthorizationHeaderMalformed', auth);
  if (auth.service !== 's3') return s3err(400, 'AuthorizationHeaderMalformed', `Credential scope service must be "s3", not "${auth.service}".`);
  const cred = creds.find(auth.accessKeyId);
  if (!cred) return s3err(403, 'InvalidAccessKeyId', `The access key ${auth.accessKeyId} was not issued by this Outpost.`);
  if (now >= cred.expiresAt) return s3err(403, 'ExpiredToken', `The temporary credentials expired at ${new Date(cred.expiresAt).toISOString()}; ask storage_config_get again.`);
  const token = req.headers['x-amz-security-token'];
  if (typeof token !== 'string' || !same(token, cred.sessionToken)) return s3err(403, 'InvalidToken', 'x-amz-security-token is missing or does not belong to this access key.');
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const t = parseAmzDate(amzDate);
  if (Number.isNaN(t)) return s3err(403, 'AccessDenied', 'x-amz-date must be yyyymmddThhmmssZ.');
  if (Math.abs(now - t) > MAX_SKEW_MS) return s3err(403, 'RequestTimeTooSkewed', `The request time ${amzDate} differs from the server's by more than 15 minutes.`);
  if (auth.scopeDate !== amzDate.slice(0, 8)) return s3err(403, 'SignatureDoesNotMatch', 'The credential scope date does not match x-amz-date.');
  if (!auth.signedHeaders.includes('host')) return s3err(403, 'AccessDenied', 'The host header must be signed.');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (!payloadHash) return s3err(400, 'InvalidRequest', 'x-amz-content-sha256 is required.');
  const canonical = canonicalRequest(req.method ?? 'GET', rawPath, rawQuery, req.headers, auth.signedHeaders, payloadHash);
  const scope = scopeOf(auth.scopeDate, auth.region, auth.service);
  const key = signingKey(cred.secret, auth.scopeDate, auth.region, auth.service);
  const expected = signHex(key, stringToSign(amzDate, scope, canonical));
  if (!same(expected, auth.signature)) return s3err(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your secret and signing method.');
  const payload = payloadModeOf(payloadHash, { key, amzDate, scope, seedSignature: auth.signature });
  if (!payload) return s3err(400, 'InvalidArgument', `x-amz-content-sha256 "${payloadHash}" is not a hash or a known streaming mode.`);
  return { cred, payload };
}

function payloadModeOf(v: string, signing: ChunkSigning): PayloadMode | null {
  if (/^[0-9a-f]{64}$/.test(v)) return { kind: 'sha256', hash: v };
  if (v === 'UNSIGNED-PAYLOAD') return { kind: 'unsigned' };
  if (v === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' || v === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER') return { kind: 'streaming', signing };
  if (v === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') return { kind: 'streaming', signing: null };
  return null;
}

/** May this credential touch bucket/key? Keys must start with the credential's object_key_prefix. */
export function allowed(cred: TempCredential, bucket: string, key: string | null): S3Error | null {
  if (bucket !== cred.bucket) return s3err(403, 'AccessDenied', `These credentials are limited to bucket "${cred.bucket}", not "${bucket}".`);
  if (key !== null && !key.startsWith(cred.prefix)) return s3err(403, 'AccessDenied', `These credentials are limited to keys under "${cred.prefix}"; "${key}" is outside.`);
  return null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
