/**
 * The map while a 1,000-waypoint route is shown: serve mode + one simulated Dock 2 idle on the ground (the globe
 * frames it; the route lies around it), the current renderer in headless Chromium. The KMZ is imported through the
 * library's file input and shown with a click on its row, as an operator does.
 *
 * What is measured: frames Cesium actually draws (scene.postRender events, counted in the page) per second of wall
 * time, while real mouse drags pan the globe in circles over the route for ~10 s. The globe uses requestRenderMode,
 * so it draws only when something changed: while the camera moves that is every frame the software-GL renderer can
 * finish (2–12 fps on this machine with no GPU); at rest it is whatever the app asks for (device updates, route
 * redraws). The anchor is the same drive with no route shown, in the same page; the idle rate is counted over 5 s
 * with the route shown and no input.
 */
import { startFleet } from '../electron/core/sim';
import type { MissionsDebugHook } from '../renderer/src/features/missions/debugTypes';
import { openSession } from '../test/e2e/helpers/browser';
import buildRenderer from '../test/e2e/helpers/build-renderer';
import { startServe } from '../test/e2e/helpers/serve';
import { figure, type Figure } from './lib';

const DRIVE_S = Number(process.env.BENCH_MAP_SECONDS ?? 10);
const IDLE_S = 5;
const NAME = 'bench-1000wp';

interface PageWindow {
  readonly __outpostMissions?: MissionsDebugHook;
  readonly __outpost?: { entityPositions(): Record<string, unknown> };
  requestAnimationFrame(cb: () => void): number;
}

export async function missionsMapBench(kmz: Uint8Array): Promise<Figure[]> {
  await buildRenderer(); // the page under test is the current renderer, not a stale build
  const serve = await startServe();
  // The route of bench/missions.ts bigKmz() starts at 47.39, 8.54: the fleet's default centre lies inside it.
  const fleet = await startFleet({
    url: `mqtt://127.0.0.1:${serve.mqttPort}`, username: 'sim', password: 'sim-pass', count: 1, kinds: ['dock2'], osdHz: 1,
    center: { lat: 47.3977, lon: 8.5456, height: 450 }, device: { autoFly: false },
  });
  const s = await openSession();
  try {
    const p = s.page;
    await fleet.ready();
    await p.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    await p.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
    const sn = fleet.devices[0]!.aircraftSn;
    await p.waitForFunction((sn) => !!(globalThis as unknown as PageWindow).__outpost?.entityPositions()[sn], sn, { timeout: 60_000 });
    await p.click('[data-testid="missions-open"]');
    await p.setInputFiles('[data-testid="missions-import"]', { name: `${NAME}.kmz`, mimeType: 'application/vnd.google-earth.kmz', buffer: Buffer.from(kmz) });
    const row = p.locator(`[data-testid="wayline-${NAME}"]`);
    await row.waitFor({ timeout: 60_000 });

    const frames = (): Promise<number> => p.evaluate(() => (globalThis as unknown as PageWindow).__outpostMissions!.framesRendered());
    /** Two animation frames: a render asked for before this has been drawn. */
    const settle = (): Promise<void> =>
      p.evaluate(() => new Promise<void>((done) => (globalThis as unknown as PageWindow).requestAnimationFrame(() => (globalThis as unknown as PageWindow).requestAnimationFrame(done))));
    /** Left-drags in circles over the middle of the globe (clear of the side panels) for `seconds`; frames per second drawn meanwhile. */
    const drive = async (seconds: number): Promise<number> => {
      const c = { x: 560, y: 400 };
      const r = 110;
      const f0 = await frames();
      const t0 = Date.now();
      while (Date.now() - t0 < seconds * 1000) {
        await p.mouse.move(c.x + r, c.y);
        await p.mouse.down();
        for (let k = 1; k <= 24; k++) await p.mouse.move(c.x + r * Math.cos((k * Math.PI) / 12), c.y + r * Math.sin((k * Math.PI) / 12));
        await p.mouse.up();
      }
      await settle(); // the last frame asked for is drawn before the count is read
      return ((await frames()) - f0) / ((Date.now() - t0) / 1000);
    };

    await drive(2); // warm-up: imagery tiles of the area, shaders
    const bare = await drive(DRIVE_S);
    const t0 = Date.now();
    await row.click();
    await p.waitForFunction(() => (globalThis as unknown as PageWindow).__outpostMissions!.entityPosition('mission:route-wp:999') !== null, undefined, { timeout: 120_000 });
    await settle();
    const showMs = Date.now() - t0;
    const withRoute = await drive(DRIVE_S);
    await new Promise((done) => setTimeout(done, 1000));
    const i0 = await frames();
    await new Promise((done) => setTimeout(done, IDLE_S * 1000));
    const idle = ((await frames()) - i0) / IDLE_S;
    if (s.errors.length > 0) throw new Error(`page errors during the map bench: ${s.errors.join('; ')}`);
    return [
      figure('missions.map_fps_1000wp', withRoute, 'fps (frames drawn while panning)', null, bare),
      figure('missions.map_idle_fps_1000wp', idle, 'fps (frames drawn at rest)', null),
      figure('missions.map_show_1000wp_ms', showMs, 'ms (click on the row → route drawn)', null),
    ];
  } finally {
    await s.browser.close();
    await fleet.stop();
    await serve.stop();
  }
}
