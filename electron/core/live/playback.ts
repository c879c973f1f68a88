/**
 * HTTP-FLV playback on the engine's HTTP server: GET /live/flv/<slug>.flv?play=<secret>. A public route that
 * authenticates itself: the 128-bit play secret is issued per stream start, handed out only over the
 * authenticated IPC, and revoked on stop (a capability URL, like a pre-signed S3 link).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../util/counters';
import type { Grants } from './grants';
import type { RtmpIngest } from './ingest/server';

const PATH = /^\/live\/flv\/([A-Za-z0-9_-]{1,128})\.flv$/;

export function playbackRoute(grants: Grants, ingest: () => RtmpIngest | null, counters: Counters) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    const m = PATH.exec(url.pathname);
    if (!m) return false;
    const slug = m[1]!;
    const reply = (status: number, message: string): true => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ code: status, message }));
      return true;
    };
    if (req.method !== 'GET') return reply(405, 'GET only');
    if (!grants.mayPlay(slug, url.searchParams.get('play'))) {
      counters.inc('live.play_forbidden');
      return reply(403, 'wrong or missing play secret for this stream');
    }
    const cast = ingest()?.broadcast(slug);
    if (!cast || !cast.ready) return reply(404, 'the stream is not being published right now');
    res.writeHead(200, { 'content-type': 'video/x-flv', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.socket?.setNoDelay(true);
    const viewer = {
      write: (b: Buffer) => void res.write(b),
      backlog: () => res.writableLength,
      end: () => res.end(),
    };
    cast.addViewer(viewer);
    counters.inc('live.play');
    res.on('close', () => cast.removeViewer(viewer));
    return true;
  };
}
