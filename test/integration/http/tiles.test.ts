/** Offline map tiles through the engine: a tile folder, a LAN tile server (proxied), and an MBTiles file. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN, startTestEngine, type TestEngine } from '../../helpers/engine';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000503020198d1b6a30000000049454e44ae426082', 'hex');
let t: TestEngine;
let lan: Server;
let lanUrl = '';
const dir = mkdtempSync(join(tmpdir(), 'outpost-tiles-'));

beforeAll(async () => {
  mkdirSync(join(dir, 'xyz/3/4'), { recursive: true });
  writeFileSync(join(dir, 'xyz/3/4/2.png'), PNG);
  const mbFile = join(dir, 'map.mbtiles');
  const db = new Database(mbFile);
  db.exec("CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); INSERT INTO metadata VALUES ('format','png')");
  db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(3, 4, 2 ** 3 - 1 - 2, PNG); // TMS row for XYZ y=2
  db.close();
  lan = createServer((req, res) => {
    if (req.url === '/osm/3/4/2.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => lan.listen(0, '127.0.0.1', () => r()));
  lanUrl = `http://127.0.0.1:${(lan.address() as { port: number }).port}/osm/{z}/{x}/{y}.png`;
  t = await startTestEngine();
});
afterAll(async () => {
  await t?.stop();
  lan?.close();
});

const get = (path: string) => fetch(`${t.httpUrl}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });

describe('/tiles', () => {
  it('answers 404 with a reason when nothing is configured', async () => {
    const r = await get('/tiles/xyz/3/4/2');
    expect(r.status).toBe(404);
    expect(await r.text()).toMatch(/no XYZ source configured/);
  });

  it('serves a local XYZ folder, a LAN tile server and an MBTiles file (TMS rows flipped)', async () => {
    const set = await t.engine.invoke['settings:set']({ map: { xyzUrl: join(dir, 'xyz'), tmsUrl: lanUrl, mbtilesFile: join(dir, 'map.mbtiles') } });
    expect(set.ok).toBe(true);
    for (const path of ['/tiles/xyz/3/4/2', '/tiles/tms/3/4/2', '/tiles/mbtiles/3/4/2']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await r.arrayBuffer()).equals(PNG)).toBe(true);
    }
    expect((await get('/tiles/mbtiles/3/4/3')).status).toBe(404);
    expect((await get('/tiles/xyz/3/9/9')).status).toBe(404);
  });

  it('refuses a path that tries to leave the tile folder', async () => {
    expect((await get('/tiles/xyz/3/4/..%2F..%2Fsecret')).status).not.toBe(200);
  });
});
