/**
 * The media library end to end: serve mode with one simulated Dock 2 that uploads a flight's photos and video
 * (OUTPOST_SIM_MEDIA_AFTER_MS: real JPEG/MP4 via SigV4 PutObject, then file_upload_callback); in headless Chromium
 * the library shows every file with a loaded thumbnail, each capture position is a marker on the globe where the
 * engine says it is, a photo's EXIF/XMP readout shows DJI's tags, and delete (confirmed) removes the tile.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutpostDebugHook } from '../../renderer/src/features/map/debugTypes';
import { prepareMediaDb } from '../integration/media/media-db';
import { openSession, type Session } from './helpers/browser';
import { startServe, type ServeHandle } from './helpers/serve';

interface PageMedia {
  readonly __outpost?: OutpostDebugHook;
  readonly __outpostMedia?: { markers(): { id: number; lat: number; lng: number }[] };
  readonly document: { querySelectorAll(s: string): ArrayLike<{ naturalWidth?: number; getAttribute(n: string): string | null }> };
}

let serve: ServeHandle;
let s: Session;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-media-e2e-'));
  prepareMediaDb(dataDir);
  process.env.OUTPOST_SIM_MEDIA_AFTER_MS = '2000';
  serve = await startServe({ simulate: 1, dataDir, args: ['--simulate-kind', 'dock2'] });
  delete process.env.OUTPOST_SIM_MEDIA_AFTER_MS;
  s = await openSession();
});

afterAll(async () => {
  await s?.browser.close();
  await serve?.stop();
});

describe('media library (serve mode, simulated dock upload)', () => {
  it('shows the uploaded flight with thumbnails, and each file on the map at its capture position', async () => {
    await s.page.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    await s.page.click('[data-testid="media-open"]');
    // 4 photos + 1 video; wait until every tile shows a decoded thumbnail image.
    await s.page.waitForFunction(() => {
      const imgs = Array.from((globalThis as unknown as PageMedia).document.querySelectorAll('[data-testid="media-tile"][data-thumb="ok"] img'));
      return imgs.length === 5 && imgs.every((i) => (i.naturalWidth ?? 0) > 0);
    }, undefined, { timeout: 60_000 });
    expect(await s.page.textContent('[data-testid="media-count"]')).toBe('5 files');

    const api = (await (await fetch(`${serve.url}/api/v1/devices`, { headers: { authorization: `Bearer ${serve.token}` } })).json()) as { devices: { sn: string; device_class: string }[] };
    const dock = api.devices.find((d) => d.device_class === 'dock')!.sn;
    await s.page.waitForFunction((sn) => !!(globalThis as unknown as PageMedia).__outpost?.entityPositions()[sn], dock);
    const markers = await s.page.evaluate(() => (globalThis as unknown as PageMedia).__outpostMedia!.markers());
    expect(markers).toHaveLength(5);
    const ws = await fetch(`${serve.url}/api/v1/media/files/${markers[0]!.id}/thumb`, { headers: { authorization: `Bearer ${serve.token}` } });
    expect(ws.headers.get('content-type')).toBe('image/jpeg');
    // The markers sit where the library (engine) says the files were taken: around the dock.
    const items = await s.page.evaluate(() =>
      Array.from((globalThis as unknown as PageMedia).document.querySelectorAll('[data-testid="media-tile"]')).map((t) => Number(t.getAttribute('data-media-id'))),
    );
    expect(markers.map((m) => m.id).sort()).toEqual(items.sort());
    // The simulator takes them on a 150 m circle around its dock: check against the dock drawn by the map.
    const home = await s.page.evaluate((sn) => (globalThis as unknown as PageMedia).__outpost!.entityPositions()[sn]!, dock);
    for (const m of markers) {
      const d = Math.hypot((m.lat - home.lat) * 111_320, (m.lng - home.lon) * 111_320 * Math.cos((home.lat * Math.PI) / 180));
      expect(d).toBeGreaterThan(140);
      expect(d).toBeLessThan(160);
    }
    await s.page.selectOption('[data-testid="media-filter-device"]', dock);
    await s.page.waitForSelector('[data-testid="media-count"]:text("5 files")');
  });

  it('reads a photo’s EXIF/XMP, and deletes it after confirmation', async () => {
    await s.page.selectOption('[data-testid="media-filter-kind"]', 'photo');
    await s.page.waitForSelector('[data-testid="media-count"]:text("4 files")');
    await s.page.click('[data-testid="media-tile"] >> nth=0');
    const exif = s.page.locator('[data-testid="media-exif"]');
    await exif.waitFor();
    const text = await exif.textContent();
    expect(text).toMatch(/Absolute altitude\s*\d+\.\d+ m/);
    expect(text).toMatch(/Gimbal yaw \/ pitch \/ roll\s*-?\d+\.\d°/);
    expect(text).toContain('DJI M3TD');
    await s.page.click('[data-testid="media-delete"]');
    await s.page.click('[data-testid="media-delete-yes"]');
    await s.page.waitForSelector('[data-testid="media-count"]:text("3 files")');
    await s.page.waitForFunction(() => (globalThis as unknown as PageMedia).__outpostMedia!.markers().length === 3);
    expect(s.errors).toEqual([]);
  });
});
