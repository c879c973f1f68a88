/**
 * Point the camera, end to end: serve mode + a simulated Dock 2, the built renderer in headless Chromium.
 * A bad zoom is refused with a clear message; a map click makes the simulated gimbal face the clicked spot;
 * a rectangle drawn on the IR tile shows the simulator's temperatures at the right place, also after a resize.
 */
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
  osd: { gimbal: Record<string, number>; camera: { ir_metering_area?: { x: number; y: number; width: number; height: number; max_temperature_point: Pt; min_temperature_point: Pt } } };
  position: Record<string, number>;
}
interface Hook {
  selection(): Selection | null;
  target(): { lon: number; lat: number; height: number } | null;
}

let serve: ServeHandle;
let s: Session;

type El = { textContent: string | null; closest(sel: string): El | null };
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
  serve = await startServe({ simulate: 1, args: ['--simulate-kind', 'dock2', '--simulate-osd-hz', '2'] });
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

  it('a rectangle drawn on the IR tile shows the simulator temperatures at the right place', async () => {
    await s.page.locator('[data-testid="video-ir"]').scrollIntoViewIfNeeded();
    const tile = (await s.page.locator('[data-testid="video-ir"]').boundingBox())!;
    const frame = irFrame(tile);
    await s.page.mouse.move(frame.x + 0.55 * frame.w, frame.y + 0.2 * frame.h);
    await s.page.mouse.down();
    await s.page.mouse.move(frame.x + 0.7 * frame.w, frame.y + 0.35 * frame.h, { steps: 4 });
    await s.page.mouse.move(frame.x + 0.85 * frame.w, frame.y + 0.5 * frame.h, { steps: 4 });
    await s.page.mouse.up();
    await waitText('[data-testid="payload-message"]', /^IR metering area: done/);
    await s.page.locator('[data-testid="ir-max"]').waitFor({ timeout: 10_000 });
    const area = (await selection())!.osd.camera.ir_metering_area!;
    expect(area.x).toBeCloseTo(0.55, 2);
    expect(area.width).toBeCloseTo(0.3, 2);
    await expectOverlayAt(frame, area);
    await s.page.click('[data-testid="tile-size-L"]');
    await s.page.locator('[data-testid="video-ir"]').scrollIntoViewIfNeeded();
    const big = (await s.page.locator('[data-testid="video-ir"]').boundingBox())!;
    expect(big.width).toBeGreaterThan(tile.width);
    await expectOverlayAt(irFrame(big), area);
  });
});

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

/** Where a 640×512 IR frame sits in a wider tile: full height, centred, bars left and right. */
function irFrame(tile: { x: number; y: number; width: number; height: number }) {
  const w = (tile.height * 640) / 512;
  expect(w).toBeLessThan(tile.width);
  return { x: tile.x + (tile.width - w) / 2, y: tile.y, w, h: tile.height };
}

function bearingAndElevation(from: Record<string, number>, to: { lat: number; lon: number; height: number }) {
  const r = Math.PI / 180;
  const [φ1, φ2, Δλ] = [from.latitude! * r, to.lat * r, (to.lon - from.longitude!) * r];
  const yaw = Math.atan2(Math.sin(Δλ) * Math.cos(φ2), Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ)) / r;
  const d = 2 * 6_371_000 * Math.asin(Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2));
  return { yaw, pitch: Math.max(-90, Math.atan2(to.height - from.height!, d) / r) };
}

const angleDiff = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;
