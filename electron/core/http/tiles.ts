/**
 * /tiles/{xyz|tms|mbtiles}/{z}/{x}/{y}: detailed offline maps the operator adds in Settings →
 * Map: a local tile folder (or path template), a tile server on the LAN (fetched here so the
 * renderer's CSP never admits another host), or an MBTiles file (SQLite, TMS rows).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MapSettings } from '../../../shared/model/settings';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

const ROUTE = /^\/tiles\/(xyz|tms|mbtiles)\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.\w+)?$/;
const TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', pbf: 'application/x-protobuf' };

export interface TileDeps {
  readonly map: () => MapSettings;
  readonly logger: Logger;
  readonly counters: Counters;
  /** For LAN tile servers; injectable for tests. */
  readonly fetch?: typeof fetch;
}

interface OpenMbtiles {
  readonly file: string;
  readonly db: Database.Database;
  readonly get: Database.Statement<[number, number, number], { tile_data: Buffer }>;
  readonly type: string;
}

export function createTileRoute(deps: TileDeps): { route: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean; close(): void } {
  let mb: OpenMbtiles | null = null;
  const doFetch = deps.fetch ?? fetch;

  const mbtiles = (file: string): OpenMbtiles => {
    if (mb?.file === file) return mb;
    mb?.db.close();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const fmt = (db.prepare("SELECT value FROM metadata WHERE name = 'format'").get() as { value?: string } | undefined)?.value ?? 'png';
    mb = { file, db, get: db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?'), type: TYPES[fmt] ?? 'application/octet-stream' };
    return mb;
  };

  const send = (res: ServerResponse, type: string, body: Buffer): void => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'public, max-age=86400' });
    res.end(body);
  };
  const notFound = (res: ServerResponse, why: string): void => {
    deps.counters.inc('tiles.miss');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(why + '\n');
  };

  const route = (_req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    const m = ROUTE.exec(url.pathname);
    if (!m) return false;
    const kind = m[1] as 'xyz' | 'tms' | 'mbtiles';
    const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const map = deps.map();
    try {
      if (kind === 'mbtiles') {
        if (!map.mbtilesFile) return notFound(res, 'no MBTiles file configured'), true;
        const t = mbtiles(map.mbtilesFile);
        // MBTiles stores TMS rows: flip the XYZ y the renderer asks for.
        const row = t.get.get(z, x, 2 ** z - 1 - y);
        if (!row) return notFound(res, 'no tile'), true;
        send(res, t.type, row.tile_data);
        return true;
      }
      const source = kind === 'xyz' ? map.xyzUrl : map.tmsUrl;
      if (!source) return notFound(res, `no ${kind.toUpperCase()} source configured`), true;
      if (/^https?:\/\//i.test(source)) {
        const target = fill(source, z, x, y);
        void doFetch(target, { signal: AbortSignal.timeout(10_000) }).then(
          async (r) => {
            if (!r.ok) return notFound(res, `tile server answered ${r.status}`);
            send(res, r.headers.get('content-type') ?? 'image/png', Buffer.from(await r.arrayBuffer()));
          },
          (e: unknown) => {
            deps.logger.debug('tile fetch failed', { target, error: String(e) });
            notFound(res, 'tile server unreachable');
          },
        );
        return true;
      }
      const file = localTile(source, z, x, y);
      if (!file) return notFound(res, 'no tile'), true;
      send(res, TYPES[file.split('.').pop()!.toLowerCase()] ?? 'image/png', readFileSync(file));
      return true;
    } catch (e) {
      deps.counters.inc('tiles.error');
      deps.logger.warn('tile failed', { path: url.pathname, error: String(e) });
      notFound(res, 'tile source unreadable');
      return true;
    }
  };
  return { route, close: () => mb?.db.close() };
}

const fill = (template: string, z: number, x: number, y: number): string =>
  template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));

/** A folder laid out {z}/{x}/{y}.{png,jpg,webp}, or a path template with {z}/{x}/{y}. */
function localTile(source: string, z: number, x: number, y: number): string | null {
  if (source.includes('{z}')) {
    const f = fill(source, z, x, y);
    return existsSync(f) ? f : null;
  }
  for (const ext of ['png', 'jpg', 'jpeg', 'webp']) {
    const f = join(source, String(z), String(x), `${y}.${ext}`);
    if (existsSync(f)) return f;
  }
  return null;
}
