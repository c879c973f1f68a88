/**
 * Point the camera, end to end: serve mode + a simulated Dock 2 whose ffmpeg pushes real H.264 (320×180@15) to
 * Outpost's RTMP ingest, the built renderer in headless Chromium. A bad zoom is refused with a clear message; a map
 * click makes the simulated gimbal face the clicked spot; on the aircraft's live tile switched to the IR lens, a
 * rectangle shows the simulator's temperatures at the right place on the picture (letterbox included), also after
 * the tile changes size and aspect; the wheel zooms the IR lens, a double-click aims, a drag turns the gimbal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './helpers/browser';
import { startServe, type ServeHandle } from './helpers/serve';

interface Pt {
  x: number;
  y: number;
  temperature: number;
}
interface Selection {
  sn: string;
  payloadIndex: string;
  osd: { gimbal: Record<string, number>; camera: { ir_zoom_factor?: number; ir_metering_area?: { x: number; y: number; width: number; height: number; max_temperature_point: Pt; min_temperature_point: Pt } } };
  position: Record<string, number>;
}
interface Hook {
  selection(): Selection | null;
  target(): { lon: number; lat: number; height: number } | null;
}

let serve: ServeHandle;
let s: Session;

type El = { textContent: string | null; closest(sel: string): El | null; className: string; videoWidth: number; videoHeight: number };
type Page = {
  readonly __outpostPayload: Hook;
  readonly document: { querySelector(sel: string): El | null; elementFromPoint(x: number, y: number): El | null };
  readonly innerWidth: number;
  readonly innerHeight: number;
};
const selection = () => s.page.evaluate(() => (globalThis as unknown as Page).__outpostPayload.selection());
const textOf = (sel: string) => s.page.evaluate((q) => (globalThis as unknown as Page).document.querySelector(q)?.textContent ?? '', sel);
/** Waits until the element's text satisfies `re` (event-driven by the page's own rendering). */
const waitText = async (sel: string, re: RegExp, timeout = 15_000): Promise<void> => {
  try {
    await s.page.waitForFunction(([q, src]) => new RegExp(src!).test((globalThis as unknown as Page).document.querySelector(q!)?.textContent ?? ''), [sel, re.source] as const, { timeout });
  } catch {
    throw new Error(`${sel} never matched ${re}; it says "${await textOf(sel)}"`);
  }
};

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-payload-e2e-'));
  writeFileSync(join(dataDir, 'live-settings.json'), JSON.stringify({ rtmpPort: 0 }));
  process.env.OUTPOST_SIM_VIDEO = '320x180@15'; // inherited by the serve child's simulator
  serve = await startServe({ simulate: 1, dataDir, args: ['--simulate-kind', 'dock2', '--simulate-osd-hz', '2'] });
  s = await openSession();
});

afterAll(async () => {
  await s?.browser.close();
  await serve?.stop();
});

describe('payload control (serve mode, simulated Dock 2)', () => {
  it('shows the camera panel for the selected aircraft', async () => {
    await s.page.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    const row = s.page.locator('.fleet-row.depth-1.online').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await s.page.locator('[data-testid="payload-panel"]').waitFor();
    await waitText('[data-testid="cam-gimbal"]', /yaw -?\d/);
    expect(await s.page.locator('[data-testid="cam-mode"]').textContent()).toBe('photo');
  });

  it('refuses a bad zoom with a message naming the field and its range', async () => {
    await s.page.fill('[data-testid="zoom-input"]', '300');
    await s.page.click('[data-testid="zoom-apply"]');
    await waitText('[data-testid="payload-message"]', /zoom_factor/);
    expect(await textOf('[data-testid="payload-message"]')).toBe('camera_focal_length_set: zoom_factor must be a number in 2–200 × (got 300)');
  });

  it('a click on the map makes the simulated gimbal face the clicked spot', async () => {
    await s.page.click('[data-testid="look-at-arm"]');
    const spot = await freeGlobeSpot();
    await s.page.mouse.click(spot.x, spot.y);
    await s.page.waitForFunction(() => (globalThis as unknown as Page).__outpostPayload.target() !== null);
    const target = (await s.page.evaluate(() => (globalThis as unknown as Page).__outpostPayload.target()))!;
    await waitText('[data-testid="payload-message"]', /^Look at: done/);
    // Poll the shadow as the renderer holds it: gimbal yaw/pitch against the bearing/elevation to the target.
    let last = { yaw: NaN, pitch: NaN, wantYaw: NaN, wantPitch: NaN };
    for (let i = 0; i < 40; i++) {
      const sel = (await selection())!;
      const want = bearingAndElevation(sel.position, target);
      last = { yaw: sel.osd.gimbal.gimbal_yaw!, pitch: sel.osd.gimbal.gimbal_pitch!, wantYaw: want.yaw, wantPitch: want.pitch };
      if (Math.abs(angleDiff(last.yaw, last.wantYaw)) < 3 && Math.abs(last.pitch - last.wantPitch) < 3) break;
      // Next OSD (2 Hz): wait for the reported angle to change rather than sleeping.
      await s.page
        .waitForFunction((v) => (globalThis as unknown as Page).__outpostPayload.selection()?.osd.gimbal.gimbal_yaw !== v, last.yaw, { timeout: 5000 })
        .catch(() => undefined);
    }
    expect(Math.abs(angleDiff(last.yaw, last.wantYaw))).toBeLessThan(3);
    expect(Math.abs(last.pitch - last.wantPitch)).toBeLessThan(3);
    expect(await s.page.locator('[data-testid="look-at-target"]').textContent()).toContain(target.lat.toFixed(6));
  });

  it('a rectangle drawn on the IR live tile shows the simulator temperatures at the right place, also after the tile resizes', async () => {
    const sel = (await selection())!;
    const videoId = `${sel.sn}/${sel.payloadIndex}/normal-0`;
    await s.page.click('[data-testid="live-open"]');
    await s.page.click('[data-testid="live-layout-2x2"]');
    await s.page.locator(`[data-testid="live-source"][data-video-id="${videoId}"]`).waitFor({ timeout: 30_000 });
    await s.page.dragAndDrop(`[data-testid="live-source"][data-video-id="${videoId}"]`, '[data-testid="live-slot-0"]');
    await s.page.waitForSelector(`${TILE}[data-video-id="${videoId}"][data-state="playing"]`, { timeout: 30_000 });
    // Only the selected aircraft's tile takes camera actions; on its visible lens there is no thermal overlay.
    await s.page.locator(`${TILE} [data-testid="payload-tile"][data-lens="wide"]`).waitFor();
    expect(await s.page.locator('[data-testid="ir-readout"]').count()).toBe(0);
    await s.page.selectOption(`${TILE} select[aria-label="lens"]`, 'ir');
    await s.page.locator(`${TILE} [data-testid="payload-tile"][data-lens="ir"]`).waitFor({ timeout: 20_000 });
    const frame = await irFrame();
    await s.page.mouse.move(frame.x + 0.55 * frame.w, frame.y + 0.2 * frame.h);
    await s.page.mouse.down();
    await s.page.mouse.move(frame.x + 0.7 * frame.w, frame.y + 0.35 * frame.h, { steps: 4 });
    await s.page.mouse.move(frame.x + 0.85 * frame.w, frame.y + 0.5 * frame.h, { steps: 4 });
    await s.page.mouse.up();
    await waitText('[data-testid="payload-tile-message"]', /^IR metering area: done/);
    await s.page.locator('[data-testid="ir-max"]').waitFor({ timeout: 10_000 });
    // The OSD (2 Hz) reports the new area with the simulator's temperatures in it.
    await s.page.waitForFunction(() => Math.abs(((globalThis as unknown as Page).__outpostPayload.selection()?.osd.camera.ir_metering_area?.x ?? 0) - 0.55) < 0.01, undefined, { timeout: 10_000 });
    const area = (await selection())!.osd.camera.ir_metering_area!;
    expect(area.x).toBeCloseTo(0.55, 2);
    expect(area.y).toBeCloseTo(0.2, 2);
    expect(area.width).toBeCloseTo(0.3, 2);
    await expectOverlayAt(frame, area);
    expect(frame.y).toBeGreaterThan((await tileBox()).y + 1); // a 16:9 picture in this tile: bars above and below

    // One big tile, then a short wide window: the picture's box changes size and aspect (bars left and right now).
    await s.page.click('[data-testid="live-layout-1"]');
    await expect.poll(async () => (await tileBox()).width, { timeout: 5000 }).toBeGreaterThan(frame.w + 100);
    await expect.poll(async () => overlayError(await irFrame(), area), { timeout: 5000 }).toBeLessThan(2);
    await expectOverlayAt(await irFrame(), area);
    await s.page.setViewportSize({ width: 1280, height: 420 });
    await expect.poll(async () => { const f = await irFrame(); return f.x - (await tileBox()).x; }, { timeout: 5000 }).toBeGreaterThan(1);
    await expect.poll(async () => overlayError(await irFrame(), area), { timeout: 5000 }).toBeLessThan(2);
    await expectOverlayAt(await irFrame(), area);
    await s.page.setViewportSize({ width: 1280, height: 720 });
  });

  it('on the tile, the wheel zooms the IR lens, a double-click aims there, a drag turns the gimbal', async () => {
    const sel = () => selection().then((v) => v!);
    const zoomBefore = (await sel()).osd.camera.ir_zoom_factor!;
    const f = await irFrame();
    await s.page.mouse.move(f.x + 0.5 * f.w, f.y + 0.5 * f.h);
    await s.page.mouse.wheel(0, -120);
    await waitText('[data-testid="payload-tile-message"]', /^Zoom: done/);
    await s.page.waitForFunction((z) => ((globalThis as unknown as Page).__outpostPayload.selection()?.osd.camera.ir_zoom_factor ?? z) !== z, zoomBefore, { timeout: 10_000 });
    expect((await sel()).osd.camera.ir_zoom_factor).toBeCloseTo(Math.round(zoomBefore * 1.25 * 10) / 10, 5);

    // Aim at 3/4 of the frame's width: the gimbal turns right by a quarter of the IR field of view at this zoom.
    const yaw0 = (await sel()).osd.gimbal.gimbal_yaw!;
    await s.page.mouse.dblclick(f.x + 0.75 * f.w, f.y + 0.5 * f.h);
    await waitText('[data-testid="payload-tile-message"]', /^Aim \(double tap\): done/);
    expect(await s.page.locator('[data-testid="live-layout-focus"]').getAttribute('class')).not.toContain('on'); // the wall did not take the double-click
    const yaw1 = await settledYaw();
    expect(angleDiff(yaw1, yaw0)).toBeGreaterThan(5);

    // Drag right with the "turn gimbal" tool: camera_screen_drag turns the gimbal right.
    await s.page.click('[data-testid="ir-tool"]');
    expect(await textOf('[data-testid="ir-tool"]')).toBe('IR drag: turn gimbal');
    await s.page.mouse.move(f.x + 0.3 * f.w, f.y + 0.5 * f.h);
    await s.page.mouse.down();
    for (let i = 1; i <= 6; i++) {
      await s.page.mouse.move(f.x + (0.3 + 0.07 * i) * f.w, f.y + 0.5 * f.h);
      await s.page.waitForTimeout(70); // a hand's pace: the tile sends one speed every 200 ms while dragging
    }
    await s.page.mouse.up();
    await waitText('[data-testid="payload-tile-message"]', /^Drag view: done/);
    expect(angleDiff(await settledYaw(), yaw1)).toBeGreaterThan(1);
    expect(s.errors.filter((e) => e.startsWith('csp') || e.startsWith('pageerror'))).toEqual([]);
  });
});

const TILE = '[data-testid="live-tile"]';

const tileBox = async () => (await s.page.locator(TILE).first().boundingBox())!;

/** Where the picture sits in the tile, from the video's own size (contain), independently of the app's maths. */
async function irFrame(): Promise<{ x: number; y: number; w: number; h: number }> {
  const tile = await tileBox();
  const v = await s.page.evaluate((q) => {
    const el = (globalThis as unknown as Page).document.querySelector(q)!;
    return { w: el.videoWidth, h: el.videoHeight };
  }, `${TILE} video`);
  expect(v.w).toBeGreaterThan(0);
  const k = Math.min(tile.width / v.w, tile.height / v.h);
  return { x: tile.x + (tile.width - v.w * k) / 2, y: tile.y + (tile.height - v.h * k) / 2, w: v.w * k, h: v.h * k };
}

/** Largest distance (px) between the drawn area box and where the OSD's area maps in `frame`. */
async function overlayError(frame: { x: number; y: number; w: number; h: number }, area: { x: number; y: number; width: number; height: number }): Promise<number> {
  const box = await s.page.locator('[data-testid="ir-area"]').boundingBox();
  if (!box) return Infinity;
  return Math.max(Math.abs(box.x - (frame.x + area.x * frame.w)), Math.abs(box.y - (frame.y + area.y * frame.h)), Math.abs(box.width - area.width * frame.w), Math.abs(box.height - area.height * frame.h));
}

/** The gimbal yaw once two OSD reports in a row agree (the simulated gimbal slews at 90°/s). */
async function settledYaw(): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 20; i++) {
    const y = (await selection())!.osd.gimbal.gimbal_yaw!;
    if (Math.abs(angleDiff(y, last)) < 0.3) return y;
    last = y;
    await s.page.waitForFunction((v) => (globalThis as unknown as Page).__outpostPayload.selection()?.osd.gimbal.gimbal_yaw !== v, y, { timeout: 5000 }).catch(() => undefined);
  }
  return last;
}

/** The area box and the min/max markers sit where the OSD's normalised values map in this frame, with their temperatures. */
async function expectOverlayAt(frame: { x: number; y: number; w: number; h: number }, area: NonNullable<Selection['osd']['camera']['ir_metering_area']>) {
  const box = (await s.page.locator('[data-testid="ir-area"]').boundingBox())!;
  expect(Math.abs(box.x - (frame.x + area.x * frame.w))).toBeLessThan(2);
  expect(Math.abs(box.width - area.width * frame.w)).toBeLessThan(2);
  for (const [id, p] of [['ir-max', area.max_temperature_point], ['ir-min', area.min_temperature_point]] as const) {
    const m = (await s.page.locator(`[data-testid="${id}"]`).boundingBox())!;
    expect(Math.abs(m.x + m.width / 2 - (frame.x + p.x * frame.w))).toBeLessThan(2);
    expect(Math.abs(m.y + m.height / 2 - (frame.y + p.y * frame.h))).toBeLessThan(2);
    expect(await s.page.locator(`[data-testid="${id}"] .ir-label`).textContent()).toBe(`${p.temperature.toFixed(1)} °C`);
  }
}

/** A point where the globe itself is on top (panels of other features float over parts of it). */
async function freeGlobeSpot(): Promise<{ x: number; y: number }> {
  const spot = await s.page.evaluate(() => {
    const g = globalThis as unknown as Page;
    for (let y = 0.9; y > 0.1; y -= 0.05) {
      for (let x = 0.3; x < 0.75; x += 0.05) {
        const px = { x: Math.round(g.innerWidth * x), y: Math.round(g.innerHeight * y) };
        if (g.document.elementFromPoint(px.x, px.y)?.closest('[data-testid="globe"]')) return px;
      }
    }
    return null;
  });
  expect(spot).not.toBeNull();
  return spot!;
}

function bearingAndElevation(from: Record<string, number>, to: { lat: number; lon: number; height: number }) {
  const r = Math.PI / 180;
  const [φ1, φ2, Δλ] = [from.latitude! * r, to.lat * r, (to.lon - from.longitude!) * r];
  const yaw = Math.atan2(Math.sin(Δλ) * Math.cos(φ2), Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ)) / r;
  const d = 2 * 6_371_000 * Math.asin(Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2));
  return { yaw, pitch: Math.max(-90, Math.atan2(to.height - from.height!, d) / r) };
}

const angleDiff = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;
