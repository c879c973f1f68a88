/**
 * Signed, expiring download URLs for KMZ files: the dock fetches `file.url` from flighttask_prepare (and a
 * fresh one through flighttask_resource_get) without the operator's token, so the URL carries its own proof.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const KMZ_PATH = '/missions/kmz/';
/** An hour covers an immediate task; timed tasks ask again with flighttask_resource_get. */
export const URL_TTL_MS = 60 * 60 * 1000;

export class UrlSigner {
  private readonly secret = randomBytes(32);

  sign(waylineId: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${waylineId}.${expiresAt}`).digest('hex');
  }

  /** The path + query for `waylineId`, valid until `now + ttl`. */
  path(waylineId: string, now: number, ttlMs = URL_TTL_MS): string {
    const exp = now + ttlMs;
    return `${KMZ_PATH}${encodeURIComponent(waylineId)}.kmz?exp=${exp}&sig=${this.sign(waylineId, exp)}`;
  }

  /** The wayline id when the URL is genuine and unexpired; otherwise why not. */
  verify(url: URL, now: number): { ok: true; waylineId: string } | { ok: false; status: 403 | 404 | 410; reason: string } {
    const m = /^\/missions\/kmz\/([0-9A-Za-z-]{1,64})\.kmz$/.exec(url.pathname);
    if (!m?.[1]) return { ok: false, status: 404, reason: 'not a KMZ path' };
    const exp = Number(url.searchParams.get('exp'));
    const sig = url.searchParams.get('sig') ?? '';
    const want = Buffer.from(this.sign(m[1], exp), 'hex');
    const got = /^[0-9a-f]{64}$/.test(sig) ? Buffer.from(sig, 'hex') : Buffer.alloc(0);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, status: 403, reason: 'bad signature' };
    if (!Number.isFinite(exp) || exp < now) return { ok: false, status: 410, reason: 'link expired' };
    return { ok: true, waylineId: m[1] };
  }
}
