/**
 * The live wall end to end: serve mode with four simulated docks whose ffmpeg pushes real H.264 (320×180@15) to
 * Outpost's RTMP ingest, played in headless Chromium through mpegts.js. Four streams dropped on a 2×2 wall play
 * (frames advance in every tile); a push killed mid-way shows "stalled" and the tile recovers by itself.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './helpers/browser';
import { startServe, type ServeHandle } from './helpers/serve';

/** What the page code touches (the node tsconfig has no DOM lib). */
interface Video {
  readonly currentTime: number;
  getVideoPlaybackQuality(): { readonly totalVideoFrames: number };
}
interface Doc {
  querySelectorAll(sel: string): ArrayLike<{ getAttribute(n: string): string | null; querySelector(s: string): Video | null }>;
  querySelector(sel: string): { getAttribute(n: string): string | null } | null;
}

let serve: ServeHandle;
let s: Session;
let ids: string[] = [];

/** Frames and currentTime of each tile's video, by video id. */
const progress = () =>
  s.page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document;
    const out: Record<string, { frames: number; time: number }> = {};
    const tiles = d.querySelectorAll('[data-testid="live-tile"]');
    for (let i = 0; i < tiles.length; i++) {
      const t = tiles[i]!;
      const v = t.querySelector('video');
      if (v) out[t.getAttribute('data-video-id') ?? ''] = { frames: v.getVideoPlaybackQuality().totalVideoFrames, time: v.currentTime };
    }
    return out;
  });

/** The ffmpeg child of the serve process that pushes `videoId` (found by its RTMP stream name). */
function pushPid(videoId: string): number {
  const slug = videoId.replaceAll('/', '_');
  const walk = (pid: number): number[] => {
    const kids = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    return kids.flatMap((k) => [k, ...walk(k)]);
  };
  const pid = walk(serve.child.pid!).find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`/live/${slug}?`);
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error(`no ffmpeg push for ${videoId}`);
  return pid;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-live-e2e-'));
  writeFileSync(join(dataDir, 'live-settings.json'), JSON.stringify({ rtmpPort: 0 }));
  process.env.OUTPOST_SIM_VIDEO = '320x180@15'; // inherited by the serve child's simulator
  serve = await startServe({ simulate: 4, dataDir });
  s = await openSession();
});

afterAll(async () => {
  await s?.browser.close();
  await serve?.stop();
});

describe('live wall (serve mode, four simulated docks)', () => {
  it('plays four simulated streams on a 2×2 wall', async () => {
    const p = s.page;
    await p.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    await p.click('[data-testid="live-open"]');
    await p.click('[data-testid="live-layout-2x2"]');
    // Aircraft cameras (not the dock cameras, 165-0-7) of the four gateways, as live_capacity lists them.
    await p.waitForFunction(() => {
      const l = (globalThis as unknown as { document: Doc }).document.querySelectorAll('[data-testid="live-source"]:not([data-video-id*="/165-0-7/"])');
      return l.length >= 4;
    }, undefined, { timeout: 60_000 });
    ids = await p.$$eval('[data-testid="live-source"]', (els) => els.map((e) => e.getAttribute('data-video-id') ?? '').filter((id) => !id.includes('/165-0-7/')).slice(0, 4));
    for (let i = 0; i < 4; i++) await p.dragAndDrop(`[data-testid="live-source"][data-video-id="${ids[i]}"]`, `[data-testid="live-slot-${i}"]`);
    for (const id of ids) await p.waitForSelector(`[data-testid="live-tile"][data-video-id="${id}"][data-state="playing"]`, { timeout: 30_000 });
    const a = await progress();
    await p.waitForFunction(
      ({ ids, a }) => {
        const d = (globalThis as unknown as { document: Doc }).document;
        return ids.every((id) => {
          const v = d.querySelector(`[data-testid="live-tile"][data-video-id="${id}"] video`) as unknown as Video | null;
          return !!v && v.getVideoPlaybackQuality().totalVideoFrames >= (a[id]?.frames ?? 0) + 10 && v.currentTime > (a[id]?.time ?? 0);
        });
      },
      { ids, a },
      { timeout: 15_000 },
    );
    const b = await progress();
    for (const id of ids) {
      expect(b[id]!.frames).toBeGreaterThan(a[id]!.frames);
      expect(b[id]!.time).toBeGreaterThan(a[id]!.time);
    }
    // The burned-in send time is read back: a measured delay, not "--".
    await p.waitForFunction(() => /delay \d+ ms/.test((globalThis as unknown as { document: { body: { textContent: string } } }).document.body.textContent));
    expect(s.errors.filter((e) => e.startsWith('csp') || e.startsWith('pageerror'))).toEqual([]);
  });

  it('shows "stalled" when a push dies mid-way and recovers by itself', async () => {
    const id = ids[0]!;
    const tile = `[data-testid="live-tile"][data-video-id="${id}"]`;
    process.kill(pushPid(id), 'SIGKILL');
    // Read the banner in the same instant the tile is stalled: the sim may restart its push within a second.
    const banner = await s.page.waitForFunction(
      (tile) => {
        const el = (globalThis as unknown as { document: Doc }).document.querySelector(`${tile}[data-state="stalled"] [data-testid="live-stalled"]`) as unknown as { textContent: string } | null;
        return el ? el.textContent : null;
      },
      tile,
      { timeout: 15_000 },
    );
    expect(await banner.jsonValue()).toContain('stalled');
    // The simulated device pushes again (as a dock reconnects); the tile reconnects without anyone clicking.
    await s.page.waitForSelector(`${tile}[data-state="playing"]`, { timeout: 30_000 });
    const a = (await progress())[id]!;
    await s.page.waitForFunction(
      ({ tile, f }) => ((globalThis as unknown as { document: Doc }).document.querySelector(`${tile} video`) as unknown as Video).getVideoPlaybackQuality().totalVideoFrames > f + 5,
      { tile, f: a.frames },
    );
  });
});
