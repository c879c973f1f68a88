/**
 * AWS Signature Version 4 for S3 (header form), both sides: the embedded endpoint verifies, the simulator signs.
 * Spec: https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html — canonical request,
 * string to sign, signing key HMAC chain; chunk signatures for STREAMING-AWS4-HMAC-SHA256-PAYLOAD.
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface AuthHeader {
  readonly accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** `AWS4-HMAC-SHA256 Credential=AK/20240101/us-east-1/s3/aws4_request, SignedHeaders=a;b, Signature=hex` */
export function parseAuthorization(h: string): AuthHeader | string {
  if (!h.startsWith(ALGORITHM + ' ')) return `Authorization must use ${ALGORITHM}`;
  const parts = new Map<string, string>();
  for (const p of h.slice(ALGORITHM.length + 1).split(',')) {
    const i = p.indexOf('=');
    if (i > 0) parts.set(p.slice(0, i).trim(), p.slice(i + 1).trim());
  }
  const cred = parts.get('Credential')?.split('/');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!cred || cred.length !== 5 || cred[4] !== 'aws4_request') return 'Authorization Credential must be AK/date/region/service/aws4_request';
  if (!signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return 'Authorization needs SignedHeaders and a 64-hex Signature';
  return { accessKeyId: cred[0]!, scopeDate: cred[1]!, region: cred[2]!, service: cred[3]!, signedHeaders: signedHeaders.split(';'), signature };
}

/** RFC 3986 encoding as S3 wants it: everything but unreserved characters; '/' kept in paths. */
export function uriEncode(s: string, keepSlash: boolean): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Canonical URI: the decoded path re-encoded (clients differ in what they escape; S3 normalises the same way). */
export function canonicalPath(rawPath: string): string {
  return uriEncode(safeDecode(rawPath), true);
}

/** Canonical query string from the raw query (no '?'); `omit` drops X-Amz-Signature for presigned URLs. */
export function canonicalQuery(rawQuery: string, omit: readonly string[] = []): string {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const k = safeDecode(i < 0 ? part : part.slice(0, i));
    const v = i < 0 ? '' : safeDecode(part.slice(i + 1));
    if (!omit.includes(k)) pairs.push([uriEncode(k, false), uriEncode(v, false)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

export function canonicalRequest(method: string, rawPath: string, rawQuery: string, headers: Readonly<Record<string, string | string[] | undefined>>, signedHeaders: readonly string[], payloadHash: string): string {
  const lines = signedHeaders.map((name) => {
    const v = headers[name];
    const value = (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
    return `${name}:${value}\n`;
  });
  return [method, canonicalPath(rawPath), canonicalQuery(rawQuery), lines.join(''), signedHeaders.join(';'), payloadHash].join('\n');
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export function signingKey(secret: string, scopeDate: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac('AWS4' + secret, scopeDate), region), service), 'aws4_request');
}

export const scopeOf = (scopeDate: string, region: string, service: string): string => `${scopeDate}/${region}/${service}/aws4_request`;

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export const signHex = (key: Buffer, s: string): string => createHmac('sha256', key).update(s).digest('hex');

/** The string to sign of one aws-chunked chunk (sig-v4-streaming.html): chained on the previous signature. */
export function chunkStringToSign(amzDate: string, scope: string, previousSignature: string, chunkSha256: string): string {
  return ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previousSignature, EMPTY_SHA256, chunkSha256].join('\n');
}

/** yyyymmddThhmmssZ */
export function amzDateOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Parses yyyymmddThhmmssZ to epoch ms, or NaN. */
export function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export interface SignInput {
  readonly method: string;
  /** Already URI-encoded path, e.g. /bucket/key%20name.jpg */
  readonly path: string;
  readonly query?: string;
  readonly headers: Record<string, string>;
  readonly payloadHash: string;
  readonly accessKeyId: string;
  readonly secret: string;
  readonly sessionToken?: string;
  readonly region: string;
  readonly now: number;
}

/** Client side (simulator, bench): returns the headers to send, Authorization included. */
export function signRequest(i: SignInput): Record<string, string> {
  const amzDate = amzDateOf(i.now);
  const headers: Record<string, string> = { ...lowerKeys(i.headers), 'x-amz-date': amzDate, 'x-amz-content-sha256': i.payloadHash };
  if (i.sessionToken) headers['x-amz-security-token'] = i.sessionToken;
  const signed = Object.keys(headers).sort();
  const canonical = canonicalRequest(i.method, i.path, i.query ?? '', headers, signed, i.payloadHash);
  const scope = scopeOf(amzDate.slice(0, 8), i.region, 's3');
  const sig = signHex(signingKey(i.secret, amzDate.slice(0, 8), i.region, 's3'), stringToSign(amzDate, scope, canonical));
  headers.authorization = `${ALGORITHM} Credential=${i.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${sig}`;
  return headers;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
