/**
 * Renderer routes on the engine's HTTP server (token/session authenticated like the rest of /api/v1):
 *   GET /api/v1/media/files/{id}/thumb      the JPEG thumbnail
 *   GET /api/v1/media/files/{id}/download   the original (Range supported), as an attachment
 *   GET /api/v1/media/flights/{flight}/zip  every file of a flight, streamed as one zip
 */
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../util/log';
import { safeName, writeZip } from './export';
import type { MediaLibrary } from './library';
import { objectHeaders, parseRange } from './s3/read';
import type { MediaService } from './service';
import type { ThumbQueue } from './thumbs';

export interface MediaHttpDeps {
  readonly service: MediaService;
  readonly library: MediaLibrary;
  readonly thumbs: ThumbQueue;
  readonly logger: Logger;
}

export function mediaRoute(d: MediaHttpDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  return (req, res, url) => {
    if (!url.pathname.startsWith('/api/v1/media/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const file = /^\/api\/v1\/media\/files\/(\d+)\/(thumb|download)$/.exec(url.pathname);
    if (file) {
      const id = Number(file[1]);
      if (file[2] === 'thumb') return thumb(d, id, res), true;
      download(d, id, req, res);
      return true;
    }
    const zip = /^\/api\/v1\/media\/flights\/([^/]+)\/zip$/.exec(url.pathname);
    if (zip) {
      flightZip(d, decodeURIComponent(zip[1]!), res);
      return true;
    }
    return notFound(res, 'no such media endpoint'), true;
  };
}

function thumb(d: MediaHttpDeps, id: number, res: ServerResponse): void {
  const p = d.thumbs.path(id);
  if (!existsSync(p)) return notFound(res, `no thumbnail for file ${id} (yet)`);
  res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400' });
  createReadStream(p).on('error', () => res.destroy()).pipe(res);
}

function download(d: MediaHttpDeps, id: number, req: IncomingMessage, res: ServerResponse): void {
  const f = d.service.fileOf(id);
  if (!f) return notFound(res, `file ${id} is not stored here`);
  const range = parseRange(req.headers.range, f.object.size);
  if (range === 'invalid') return void res.writeHead(416, { 'content-range': `bytes */${f.object.size}` }).end();
  const headers = { ...objectHeaders(f.object), 'content-disposition': `attachment; filename="${safeName(f.item.name)}"` };
  if (range) res.writeHead(206, { ...headers, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${f.object.size}` });
  else res.writeHead(200, { ...headers, 'content-length': f.object.size });
  if (req.method === 'HEAD') return void res.end();
  pipeline(createReadStream(f.object.file, range ? { start: range.start, end: range.end } : {}), res).catch(() => res.destroy());
}

function flightZip(d: MediaHttpDeps, flightId: string, res: ServerResponse): void {
  const files = d.library
    .list({ flightId, limit: 5000 })
    .map((i) => ({ i, f: d.service.fileOf(i.id) }))
    .filter((x) => x.f !== null)
    .map(({ i, f }) => ({ name: i.name, file: f!.object.file, flightId }));
  if (files.length === 0) return notFound(res, `no stored files for flight ${flightId}`);
  res.writeHead(200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${safeName(flightId)}.zip"` });
  writeZip(res, files).catch((e: unknown) => {
    d.logger.warn('zip download failed', { flightId, error: String(e) });
    res.destroy();
  });
}

function notFound(res: ServerResponse, message: string): void {
  const s = JSON.stringify({ code: 404, message });
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s) });
  res.end(s);
}
