/**
 * Glass-to-glass delay of the live wall: the simulator burns its capture time (epoch ms) into each frame as a
 * row of 32 black/white blocks (shared/protocol/live/timecode.ts); the page reads it back from presented frames
 * (requestVideoFrameCallback → canvas, every third one) and subtracts it from the wall clock. 1 and 4 streams of
 * 1280×720@30, with the CPU of the server (engine + simulator, not the ffmpeg encoders) and of Chromium, and the
 * frame rate each tile keeps. The renderer is rebuilt first if its sources changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../test/e2e/helpers/browser';
import buildRenderer from '../test/e2e/helpers/build-renderer';
import { startServe } from '../test/e2e/helpers/serve';
import { figure, percentile, procCpuSeconds, type Figure } from './lib';

const SECONDS = 20;
/**
 * Read the time code on every third presented frame (10 samples/s per tile at 30 fps): the probe copies each
 * sampled frame to a canvas, and sampling every frame of four tiles made the probe itself a large part of the load.
 */
const SAMPLE_EVERY = 3;

interface PageDoc {
  querySelectorAll(s: string): ArrayLike<unknown>;
}

/**
 * Runs in the page (as source text: the bundler's helpers do not exist there). For every presented frame of
 * every tile: read the 32-block time code at the top-left and record now − capture time.
 */
const MEASURE = `async (seconds, EVERY) => {
  const out = [];
  const videos = Array.from(document.querySelectorAll('[data-testid="live-tile"] video'));
  const canvas = document.createElement('canvas');
  const end = Date.now() + seconds * 1000;
  await Promise.all(videos.map((v) => new Promise((done) => {
    let k = 0;
    function onFrame() {
      const now = Date.now();
      if (k++ % EVERY !== 0) {
        if (now < end) v.requestVideoFrameCallback(onFrame);
        else done();
        return;
      }
      const w = v.videoWidth;
      const b = Math.max(4, Math.floor(w / 40));
      canvas.width = b * 32;
      canvas.height = b;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx && w > 0) {
        ctx.drawImage(v, 0, 0, b * 32, b, 0, 0, b * 32, b);
        const px = ctx.getImageData(0, 0, b * 32, b).data;
        let low = 0;
        let ok = true;
        for (let i = 0; i < 32; i++) {
          const k = (Math.floor(b / 2) * b * 32 + i * b + Math.floor(b / 2)) * 4;
          const y = 0.299 * px[k] + 0.587 * px[k + 1] + 0.114 * px[k + 2];
          if (y > 80 && y < 170) ok = false;
          if (y >= 170) low += 2 ** i;
        }
        const span = 2 ** 32;
        const d = (((now - low) % span) + span) % span;
        if (ok && d < 60000) out.push(d);
      }
      if (Date.now() < end) v.requestVideoFrameCallback(onFrame);
      else done();
    }
    v.requestVideoFrameCallback(onFrame);
  })));
  return out;
}`;

/** All descendants of `pid` (from /proc). */
function tree(pid: number): number[] {
  try {
    const kids = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    return kids.flatMap((k) => [k, ...tree(k)]);
  } catch {
    return [];
  }
}
const cmd = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};
const cpu = (pids: readonly number[]): number => pids.reduce((s, p) => s + (cmd(p) ? procCpuSeconds(p) : 0), 0);

async function run(n: number): Promise<{ delays: number[]; serverCpu: number; rendererCpu: number; droppedPct: number; fpsPerTile: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-live-bench-'));
  writeFileSync(join(dataDir, 'live-settings.json'), JSON.stringify({ rtmpPort: 0 }));
  process.env.OUTPOST_SIM_VIDEO = '1280x720@30';
  const serve = await startServe({ simulate: n, dataDir, args: ['--host', '127.0.0.1'] });
  const s = await openSession();
  try {
    const p = s.page;
    await p.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    await p.click('[data-testid="live-open"]');
    await p.click(`[data-testid="live-layout-${n === 1 ? '1' : '2x2'}"]`);
    await p.waitForFunction((n) => (globalThis as unknown as { document: PageDoc }).document.querySelectorAll('[data-testid="live-source"]:not([data-video-id*="/165-0-7/"])').length >= n, n, { timeout: 60_000 });
    const ids = (await p.$$eval('[data-testid="live-source"]', (els) => els.map((e) => e.getAttribute('data-video-id') ?? ''))).filter((id) => !id.includes('/165-0-7/')).slice(0, n);
    for (let i = 0; i < n; i++) await p.dragAndDrop(`[data-testid="live-source"][data-video-id="${ids[i]}"]`, `[data-testid="live-slot-${i}"]`);
    for (const id of ids) await p.waitForSelector(`[data-testid="live-tile"][data-video-id="${id}"][data-state="playing"]`, { timeout: 60_000 });
    const chrome = tree(process.pid).filter((q) => /chrom/.test(cmd(q)));
    const c0 = { server: procCpuSeconds(serve.child.pid!), renderer: cpu(chrome) };
    const quality = (): Promise<{ total: number; dropped: number }> =>
      p.evaluate(`Array.from(document.querySelectorAll('[data-testid="live-tile"] video')).reduce((a, v) => { const q = v.getVideoPlaybackQuality(); return { total: a.total + q.totalVideoFrames, dropped: a.dropped + q.droppedVideoFrames }; }, { total: 0, dropped: 0 })`) as Promise<{ total: number; dropped: number }>;
    const q0 = await quality();
    const t0 = Date.now();
    const delays = (await p.evaluate(`(${MEASURE})(${SECONDS}, ${SAMPLE_EVERY})`)) as number[];
    const wall = (Date.now() - t0) / 1000;
    const q1 = await quality();
    const droppedPct = (100 * (q1.dropped - q0.dropped)) / Math.max(1, q1.total - q0.total);
    const fpsPerTile = (q1.total - q0.total) / wall / n;
    const serverCpu = ((procCpuSeconds(serve.child.pid!) - c0.server) / wall) * 100;
    const rendererCpu = ((cpu(chrome) - c0.renderer) / wall) * 100;
    return { delays, serverCpu, rendererCpu, droppedPct, fpsPerTile };
  } finally {
    await s.browser.close();
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function liveBench(): Promise<Figure[]> {
  const out: Figure[] = [];
  await buildRenderer(); // the page under test is the current renderer, not a stale build
  for (const n of [1, 4]) {
    const r = await run(n);
    out.push(
      figure(`live.glass_to_glass_p50_ms.${n}x720p30`, percentile(r.delays, 50), 'ms', '< 300'),
      figure(`live.glass_to_glass_p99_ms.${n}x720p30`, percentile(r.delays, 99), 'ms', '< 700'),
      figure(`live.frames_measured.${n}x720p30`, r.delays.length, 'frames', null),
      // "Without lasting frame drops": every tile keeps the sender's 30 fps; the dropped share shows the momentary ones.
      figure(`live.fps_per_tile.${n}x720p30`, r.fpsPerTile, 'fps', '>= 29'),
      figure(`live.dropped_frames_pct.${n}x720p30`, r.droppedPct, '%', null),
      figure(`live.server_cpu_pct.${n}x720p30`, r.serverCpu, '% of a core', null),
      figure(`live.renderer_cpu_pct.${n}x720p30`, r.rendererCpu, '% of a core', null),
    );
  }
  return out;
}
