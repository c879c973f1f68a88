/**
 * Per-stream secrets: a device may publish `live/<slug>` only with `?secret=<publish secret>`, and a viewer may
 * play it only with `?play=<play secret>`. Both are random, issued per `live_start_push`, and revoked on stop,
 * so a stranger on the LAN can neither inject video nor watch it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RtmpConnectRequest } from './ingest/nms';

export interface StreamGrant {
  readonly videoId: string;
  readonly slug: string;
  readonly publishSecret: string;
  readonly playSecret: string;
}

export const RTMP_APP = 'live';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class Grants {
  private readonly bySlug = new Map<string, StreamGrant>();

  /** A fresh grant for `videoId` (a new start gets new secrets; the old ones stop working). */
  issue(videoId: string, slug: string): StreamGrant {
    const g: StreamGrant = { videoId, slug, publishSecret: randomBytes(16).toString('hex'), playSecret: randomBytes(16).toString('hex') };
    this.bySlug.set(slug, g);
    return g;
  }

  get(slug: string): StreamGrant | null {
    return this.bySlug.get(slug) ?? null;
  }

  revoke(slug: string): void {
    this.bySlug.delete(slug);
  }

  authorizePublish(req: RtmpConnectRequest): { ok: true; key: string } | { ok: false; reason: string } {
    if (req.app !== RTMP_APP) return { ok: false, reason: `unknown application "${req.app}"` };
    const g = this.bySlug.get(req.name);
    if (!g) return { ok: false, reason: 'no stream was started with this name' };
    const secret = req.query.secret;
    if (typeof secret !== 'string' || !same(secret, g.publishSecret)) return { ok: false, reason: 'missing or wrong stream secret' };
    return { ok: true, key: g.slug };
  }

  mayPlay(slug: string, secret: string | null): boolean {
    const g = this.bySlug.get(slug);
    return g !== undefined && secret !== null && same(secret, g.playSecret);
  }
}

export const playPath = (g: StreamGrant): string => `/live/flv/${g.slug}.flv?play=${g.playSecret}`;
