/**
 * Plan and run a mission end to end: serve mode + a simulated Dock 2 (in this process, idle on the ground so it
 * can take a task), the built renderer in Chromium. Draw a 4-waypoint route by clicking on the globe,
 * save it, send it as an immediate task, and watch the aircraft entity on the map pass each
 * waypoint in turn while the panel follows the task to "Completed". Then drag a drawn waypoint with the mouse
 * and switch the route's height mode, reading back where Cesium draws it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../electron/core/sim';
import type { MissionsDebugHook } from '../../renderer/src/features/missions/debugTypes';
import { groundDistance, offset } from '../../renderer/src/features/missions/geometry';
import { openSession, type Session } from './helpers/browser';
import type { PageGlobals } from './helpers/page-globals';
import { openApp } from './helpers/app';
import { startServe, type ServeHandle } from './helpers/serve';

type Page = Omit<PageGlobals, 'document'> & {
  readonly __outpostMissions?: MissionsDebugHook;
  readonly document: { querySelector(sel: string): { getAttribute(name: string): string | null; readonly value?: string } | null };
};

let serve: ServeHandle;
let s: Session;
let fleet: Fleet;
const CENTER = { lat: 47.4, lon: 8.5, height: 450 };
const HEIGHT = 20;

const dock = () => fleet.devices[0]!;
/** The route: a 70 m square east of the dock (clear of its icon and of the panels over the globe). */
const targets = () => {
  const h = dock().snapshot();
  return [offset(h, 35, 60), offset(h, 35, 130), offset(h, -35, 130), offset(h, -35, 60)];
};
const screenOf = async (p: { lat: number; lon: number }, height: number) => {
  const xy = await s.page.evaluate(([lon, lat, h]) => (globalThis as unknown as Page).__outpostMissions!.toWindow(lon!, lat!, h!), [p.lon, p.lat, height] as const);
  if (!xy) throw new Error(`${p.lat},${p.lon} is not on screen`);
  return xy;
};
const draft = () => s.page.evaluate(() => (globalThis as unknown as Page).__outpostMissions!.draft());
/**
 * The level new waypoints are drawn at: the dock's ellipsoid height (as the globe draws the dock) + 30 m. The bare
 * ellipsoid under the cursor lies ~450 m lower, so an operator clicks where a waypoint should appear at this level.
 */
const drawLevel = async () => {
  const p = await s.page.evaluate((sn) => (globalThis as unknown as Page).__outpost?.entityPositions()[sn], dock().gatewaySn);
  if (!p) throw new Error('the dock is not on the globe');
  return p.height + 30;
};
const camera = () => s.page.evaluate(() => (globalThis as unknown as Page).__outpostMissions!.camera());
const drawnAt = async (i: number) => {
  const p = await s.page.evaluate((id) => (globalThis as unknown as Page).__outpostMissions!.entityPosition(id), `mission:wp:${i}`);
  if (!p) throw new Error(`waypoint ${i} is not on the globe`);
  return p;
};
/** The globe frames the fleet once and sizes its canvas on its own frames: wait until a point holds still on screen. */
const waitStill = (p: { lat: number; lon: number }) =>
  s.page.waitForFunction(
    ([lon, lat]) => {
      const w = globalThis as unknown as Page & { __lastXY?: string };
      const xy = JSON.stringify(w.__outpostMissions!.toWindow(lon!, lat!, 0));
      const still = xy === w.__lastXY;
      w.__lastXY = xy;
      return still && xy !== 'null';
    },
    [p.lon, p.lat] as const,
    { polling: 500 },
  );
const waitCount = (n: number) => s.page.waitForFunction((n) => (globalThis as unknown as Page).__outpostMissions!.draft().waypoints.length === n, n);

/** Clicks each point on the globe once the view is still, waiting for each waypoint to be drawn; the height they are drawn at. */
async function clickWaypoints(points: readonly { lat: number; lon: number }[]): Promise<number> {
  await waitStill(points[0]!);
  const level = await drawLevel();
  for (const [i, p] of points.entries()) {
    const xy = await screenOf(p, level);
    await s.page.mouse.click(xy.x, xy.y);
    await waitCount(i + 1);
  }
  return level;
}

beforeAll(async () => {
  serve = await startServe();
  fleet = await startFleet({
    url: `mqtt://127.0.0.1:${serve.mqttPort}`, username: 'sim', password: 'sim-pass', count: 1, kinds: ['dock2'], osdHz: 2, center: CENTER, device: { autoFly: false },
  });
  await fleet.ready();
  s = await openSession();
  await openApp(s.page, serve);
}, 120_000);

afterAll(async () => {
  await s?.browser.close();
  await fleet?.stop();
  await serve?.stop();
});

describe('missions (serve mode, simulated Dock 2)', () => {
  it("draws a route by clicking on the globe and saves it", async () => {
    const sn = dock().aircraftSn;
    // The globe frames the fleet once the aircraft entity has a position.
    await s.page.waitForFunction((sn) => !!(globalThis as unknown as Page).__outpost?.entityPositions()[sn], sn);
    await s.page.click('[data-testid="missions-open"]');
    await s.page.click('[data-testid="missions-new"]');
    // The dock is chosen by default: its position is the take-off point of the route.
    await s.page
      .waitForFunction((gw) => (globalThis as unknown as Page).document.querySelector('[data-testid="missions-dock"]')?.value === gw, dock().gatewaySn, { timeout: 10_000 })
      .catch(async (e: unknown) => {
        throw new Error(`dock ${dock().gatewaySn} not chosen: ${await s.page.innerHTML('[data-testid="missions-panel"]').catch(() => 'no panel')}; ${String(e)}`);
      });
    const t = targets();
    await clickWaypoints(t);
    let d = await draft();
    d.waypoints.forEach((w, i) => expect(groundDistance(w, t[i]!)).toBeLessThan(3));
    expect(d.waypoints.every((w) => w.height === 30)).toBe(true);
    await s.page.click('[data-testid="route-draw"]');

    // Per-waypoint height and the route speed, as an operator types them.
    for (let i = 0; i < 4; i++) {
      await s.page.click(`[data-testid="route-waypoints"] li:nth-child(${i + 1})`);
      await s.page.waitForSelector(`[data-testid="waypoint-editor"] legend:has-text("Waypoint ${i + 1} ")`);
      await s.page.fill('[data-testid="wp-height"]', String(HEIGHT));
      await s.page.press('[data-testid="wp-height"]', 'Enter');
    }
    await s.page.fill('[data-testid="route-speed"]', '10');
    await s.page.press('[data-testid="route-speed"]', 'Enter');
    await s.page.fill('[data-testid="route-name"]', 'E2E square');
    d = await draft();
    expect(d.speed).toBe(10);
    expect(d.waypoints.map((w) => w.height)).toEqual([HEIGHT, HEIGHT, HEIGHT, HEIGHT]);
    await s.page.click('[data-testid="route-save"]');
    await s.page.waitForSelector('[data-testid="missions-message"]:has-text("Saved \\"E2E square\\": 4 waypoints")');
    await s.page.click('[data-testid="missions-tab-library"]');
    const row = s.page.locator('[data-testid="wayline-E2E square"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Matrice 3TD.*4/);
  }, 90_000);

  it('sends it to the dock as an immediate task: the aircraft flies past each waypoint and the task completes', async () => {
    const sn = dock().aircraftSn;
    await s.page.locator('[data-testid="wayline-E2E square"] button:has-text("Fly")').click();
    await s.page.waitForSelector('[data-testid="missions-task"] b:has-text("E2E square")');
    await s.page.click('[data-testid="task-send"]');
    await s.page.waitForSelector('[data-testid="task-progress"]');
    const wps = (await draft()).waypoints;
    for (const [i, w] of wps.entries()) {
      // The aircraft entity on the globe (read back from Cesium) comes within 30 m of waypoint i...
      await s.page.waitForFunction(
        ([sn, lat, lon]) => {
          const p = (globalThis as unknown as Page).__outpost?.entityPositions()[sn as string];
          if (!p) return false;
          const n = (p.lat - (lat as number)) * 111_320;
          const e = (p.lon - (lon as number)) * 111_320 * Math.cos(((lat as number) * Math.PI) / 180);
          return Math.hypot(n, e) < 30;
        },
        [sn, w.lat, w.lon] as const,
        { timeout: 40_000 },
      );
      // ...and the panel (flighttask_progress) says it is at least at that waypoint.
      await s.page.waitForFunction((i) => Number((globalThis as unknown as Page).document.querySelector('[data-testid="task-progress"]')?.getAttribute('data-waypoint') ?? -1) >= i, i, { timeout: 10_000 });
    }
    await s.page.waitForSelector('[data-testid="task-progress"][data-status="ok"]', { timeout: 60_000 });
    expect(await s.page.textContent('[data-testid="task-status"]')).toMatch(/^Completed · .*100 %$/);
    expect(await s.page.locator('[data-testid="task-error"]').count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('drags a drawn waypoint with the mouse: it lands at the drop point and the map does not move', async () => {
    await s.page.waitForFunction((sn) => !!(globalThis as unknown as Page).__outpost?.entityPositions()[sn], dock().aircraftSn);
    if ((await s.page.locator('[data-testid="missions-panel"]').count()) === 0) await s.page.click('[data-testid="missions-open"]');
    await s.page.click('[data-testid="missions-tab-library"]');
    await s.page.click('[data-testid="missions-new"]');
    await s.page.waitForFunction((gw) => (globalThis as unknown as Page).document.querySelector('[data-testid="missions-dock"]')?.value === gw, dock().gatewaySn);
    // Inside the flown square, clear of the aircraft's trail (a click on the trail selects the aircraft, and its
    // panels then cover the middle of the globe).
    const h = dock().snapshot();
    const t = [offset(h, 15, 85), offset(h, 15, 115), offset(h, -20, 100)];
    const level = await clickWaypoints(t);
    // Waypoint 2 is drawn where it was clicked, at the dock's ellipsoid height + 30 m (far above the bare ellipsoid).
    const from = await drawnAt(1);
    expect(groundDistance(from, t[1]!)).toBeLessThan(3);
    expect(from.height).toBeCloseTo(level, 3);
    const press = await screenOf(from, from.height);
    expect(await s.page.evaluate(([x, y]) => (globalThis as unknown as Page).__outpostMissions!.entityAt(x!, y!), [press.x, press.y] as const)).toBe('mission:wp:1');
    // Drop 30 m south and 40 m west of it, at the height it is drawn at: the cursor's place on the waypoint's own level.
    const target = offset(from, -30, -40);
    const drop = await screenOf(target, from.height);
    const cam0 = await camera();
    expect(cam0).not.toBeNull();
    await s.page.mouse.move(press.x, press.y);
    await s.page.mouse.down();
    const STEPS = 6;
    for (let k = 1; k <= STEPS; k++) {
      await s.page.mouse.move(press.x + ((drop.x - press.x) * k) / STEPS, press.y + ((drop.y - press.y) * k) / STEPS);
      // While the button is down the camera stays exactly where it was.
      expect(await camera()).toEqual(cam0);
    }
    await s.page.mouse.up();
    // The stored waypoint is at the drop point, the other two did not move, and no click added a waypoint
    // (drawing is still on).
    await s.page.waitForFunction((target) => {
      const w = (globalThis as unknown as Page).__outpostMissions!.draft().waypoints[1]!;
      return Math.hypot((w.lat - target.lat) * 111_320, (w.lon - target.lon) * 111_320 * Math.cos((target.lat * Math.PI) / 180)) < 3;
    }, target);
    const d = await draft();
    expect(d.waypoints).toHaveLength(3);
    expect(groundDistance(d.waypoints[1]!, target)).toBeLessThan(3);
    expect(groundDistance(d.waypoints[0]!, t[0]!)).toBeLessThan(3);
    expect(groundDistance(d.waypoints[2]!, t[2]!)).toBeLessThan(3);
    expect(d.waypoints[1]!.height).toBe(30);
    // The globe draws it there, at the same height; and the view has not moved since the press, inertia included.
    const to = await drawnAt(1);
    expect(groundDistance(to, target)).toBeLessThan(3);
    expect(to.height).toBeCloseTo(from.height, 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await camera()).toEqual(cam0);
    expect(await s.page.textContent('[data-testid="route-waypoints"] li:nth-child(2)')).toContain('30 m');
  }, 90_000);

  it('switches the drawn route to EGM96 altitudes: the heights become altitudes and the globe draws every waypoint where it was', async () => {
    const before = await Promise.all([0, 1, 2].map(drawnAt));
    await s.page.selectOption('[data-testid="route-height-mode"]', 'EGM96');
    await s.page.waitForFunction(() => (globalThis as unknown as Page).__outpostMissions!.draft().heightMode === 'EGM96');
    const d = await draft();
    // The dock stands ~450 m above the ellipsoid near Zurich, where the geoid is ~47 m up: altitude ≈ 450 + 30 − 47.
    for (const w of d.waypoints) {
      expect(w.height).toBeGreaterThan(425);
      expect(w.height).toBeLessThan(440);
    }
    await s.page.waitForFunction(
      (want) => want.every((p, i) => Math.abs(((globalThis as unknown as Page).__outpostMissions!.entityPosition(`mission:wp:${i}`)?.height ?? 0) - p.height) < 0.1),
      before,
    );
    expect(await s.page.textContent('[data-testid="route-height-note"]')).toMatch(/EGM96.*take-off point's height as the ground/);
    expect(await s.page.textContent('[data-testid="route-waypoints"] li:nth-child(1)')).toMatch(/m ASL \(\+(29\.9|30\.0|30\.1)\)/);
    // Above ground level cannot be drawn without terrain data; it is there, disabled, with the reason.
    expect(await s.page.locator('[data-testid="route-height-mode"] option[value="aboveGroundLevel"]').isDisabled()).toBe(true);
    expect(s.errors).toEqual([]);
  }, 60_000);
});
