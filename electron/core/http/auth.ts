/** Bearer-token and session-cookie checks for the HTTP API, the renderer and the IPC WebSocket. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'outpost_session';

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim();
  return null;
}

export function cookieToken(req: IncomingMessage): string | null {
  const raw = req.headers.cookie;
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function queryToken(url: URL): string | null {
  return url.searchParams.get('token');
}

/** A request is authenticated by the bearer header, the session cookie, or (for scripts) ?token=. */
export function isAuthenticated(req: IncomingMessage, url: URL, token: string): boolean {
  for (const t of [bearerToken(req), cookieToken(req), queryToken(url)]) if (t !== null && safeEqual(t, token)) return true;
  return false;
}
