/**
 * Pilot 2's HTTP conventions (http-endpoints.json "envelope"): JSON bodies, answers `{code, message, data}` with
 * code 0 = success, the `x-auth-token` header on every call (401 makes Pilot 2 leave the cloud).
 * For now the token Pilot 2 must present is the engine's API token (the JSBridge login sets it).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function pilotAuthorized(req: IncomingMessage, token: string): boolean {
  const t = req.headers['x-auth-token'];
  if (typeof t !== 'string') return false;
  const a = Buffer.from(t);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function reply(res: ServerResponse, status: number, code: number, message: string, data: unknown = {}): void {
  const s = JSON.stringify({ code, message, data });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s), 'cache-control': 'no-store' });
  res.end(s);
}

/** Reads a JSON object body of at most `limit` bytes; null when it is not one. */
export function readJson(req: IncomingMessage, limit = 1 << 20): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n <= limit) chunks.push(c);
    });
    req.on('end', () => {
      if (n > limit) return resolve(null);
      try {
        const v: unknown = n === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
      } catch {
        resolve(null);
      }
    });
    req.on('error', () => resolve(null));
  });
}
