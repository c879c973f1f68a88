/** The command-post view end to end: serve mode + simulated docks, the built renderer in headless Chromium. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isLocal, openSession, type Session } from './helpers/browser';
import type { PageGlobals } from './helpers/page-globals';
import { startServe, type ServeHandle } from './helpers/serve';


interface ApiDevice {
  readonly sn: string;
  readonly device_class: string;
  readonly online: boolean;
  readonly gateway: string | null;
  readonly osd: { readonly latitude: number | null; readonly longitude: number | null; readonly height: number | null };
}
interface Fix {
  readonly lon: number;
  readonly lat: number;
  readonly height: number;
}

let serve: ServeHandle;
let s: Session;
let docks: string[] = [];
let aircraft: string[] = [];

const api = async (): Promise<ApiDevice[]> => {
  const res = await fetch(`${serve.url}/api/v1/devices`, { headers: { authorization: `Bearer ${serve.token}` } });
  return ((await res.json()) as { devices: ApiDevice[] }).devices;
};

/** Metres between two fixes (equirectangular; fine at these distances). */
const metres = (a: Fix, b: Fix): number => {
  const k = 111_320;
  return Math.hypot((a.lat - b.lat) * k, (a.lon - b.lon) * k * Math.cos((a.lat * Math.PI) / 180));
};

/** Resolves on the next `entity-moved` of `sn` with the drawn position and, at the same moment, the engine's. */
const nextMove = (sn: string) =>
  s.page.evaluate(
    (sn) =>
      new Promise<{ drawn: Fix; engine: ApiDevice | undefined }>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        const hook = g.__outpost!;
        const onMove = (e: Event) => {
          if ((e as CustomEvent<{ sn: string }>).detail.sn !== sn) return;
          hook.events.removeEventListener('entity-moved', onMove);
          const drawn = hook.entityPositions()[sn]!;
          void g.fetch('/api/v1/devices')
            .then((r) => r.json() as Promise<{ devices: ApiDevice[] }>)
            .then((j) => resolve({ drawn, engine: j.devices.find((d) => d.sn === sn) }));
        };
        hook.events.addEventListener('entity-moved', onMove);
      }),
    sn,
  );

const rowSns = (selector: string) =>
  s.page.$$eval(selector, (els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('fleet-row-', '')).sort());

beforeAll(async () => {
  serve = await startServe({ simulate: 3 });
  s = await openSession();
});

afterAll(async () => {
  await s?.browser.close();
  await serve?.stop();
});

describe('command post (serve mode, simulated docks)', () => {
  it('logs in with ?token= and drops the token from the address bar', async () => {
    await s.page.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
    expect(new URL(s.page.url()).searchParams.has('token')).toBe(false);
    await s.page.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
  });

  it('lists every dock online with its aircraft nested beneath', async () => {
    // `--simulate 3` brings three docks up after the engine starts: wait on the rendered fleet, not a clock.
    await s.page.waitForFunction(() => {
      const d = (globalThis as unknown as PageGlobals).document;
      return d.querySelectorAll('.fleet-row.depth-0.online').length >= 3 && d.querySelectorAll('.fleet-row.depth-1.online').length >= 3;
    });
    docks = await rowSns('.fleet-row.depth-0.online');
    aircraft = await rowSns('.fleet-row.depth-1.online');
    const list = await api();
    expect(docks).toHaveLength(3);
    expect(docks).toEqual(list.filter((d) => d.device_class === 'dock').map((d) => d.sn).sort());
    expect(aircraft).toEqual(list.filter((d) => d.device_class === 'aircraft').map((d) => d.sn).sort());
    for (const sn of aircraft) {
      const row = s.page.locator(`[data-testid="fleet-row-${sn}"]`);
      await row.waitFor();
      expect(await row.getAttribute('class')).toContain('depth-1');
      expect(await row.locator('[data-testid="mode"]').textContent()).not.toBe('--');
    }
  });

  it('moves each aircraft on the globe, drawn where the engine says it is', async () => {
    const sn = aircraft[0]!;
    await s.page.waitForFunction((sn) => !!(globalThis as unknown as PageGlobals).__outpost?.entityPositions()[sn], sn);
    const a = await nextMove(sn);
    const b = await nextMove(sn);
    expect(metres(a.drawn, b.drawn) + Math.abs(a.drawn.height - b.drawn.height)).toBeGreaterThan(0); // climbs count too
    for (const m of [a, b]) {
      const e = m.engine!.osd;
      const engine = { lon: e.longitude!, lat: e.latitude!, height: e.height! };
      // Sim flies ~10 m/s and patches are ≤10/s: the fetch lags the draw by well under a second.
      expect(metres(m.drawn, engine)).toBeLessThan(60);
      expect(Math.abs(m.drawn.height - engine.height)).toBeLessThan(10); // ellipsoid height, as DJI sends it
    }
    const positions = await s.page.evaluate(() => (globalThis as unknown as PageGlobals).__outpost!.entityPositions());
    for (const d of docks) expect(positions[d]).toBeDefined();
  });

  it('shows the selected aircraft in the inspector with units, and takes a screenshot', async () => {
    const sn = aircraft[0]!;
    await s.page.click(`[data-testid="fleet-row-${sn}"]`);
    const position = s.page.locator('[data-testid="group-position"]');
    await position.waitFor();
    expect(await position.textContent()).toMatch(/Height \(ellipsoid\)[\d.\s]+m/);
    await nextMove(sn); // one more frame's worth of data before the picture
    mkdirSync('test-results', { recursive: true });
    await s.page.screenshot({ path: 'test-results/fleet.png' });
  });

  it('edits settings: local validation errors, then a save the engine accepts', async () => {
    const p = s.page;
    await p.click('[data-testid="open-settings"]');
    const mqtt = p.locator('[data-testid="field-broker.mqttPort"] input');
    await p.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="field-broker.mqttPort"] input:not([value=""])').length === 1);
    const original = await mqtt.inputValue();
    await mqtt.fill('70000');
    await p.click('[data-testid="settings-save"]');
    await p.waitForSelector('[data-testid="field-broker.mqttPort"].invalid');
    expect(await p.textContent('[data-testid="settings-banner"]')).toContain('Fix the highlighted fields');
    await mqtt.fill(original);
    await p.fill('[data-testid="field-map.xyzUrl"] input', '/tiles/osm/{z}/{x}/{y}.png');
    await p.click('[data-testid="settings-save"]');
    await p.waitForSelector('[data-testid="settings-banner"]:not(:text("Fix the highlighted"))');
    expect(await p.textContent('[data-testid="settings-banner"]')).toBe('Saved.');
    await p.keyboard.press('Escape');
    await p.locator('[data-testid="settings-modal"]').waitFor({ state: 'detached' });
  });

  it('sent no request off this machine and broke no CSP rule', () => {
    const foreign = s.requests.filter((u) => !isLocal(u));
    expect(foreign).toEqual([]);
    expect(s.requests.some((u) => u.includes('/cesium/Assets/Textures/NaturalEarthII/'))).toBe(true);
    expect(s.errors).toEqual([]);
  });

  it('shows no Cesium ion credit or logo', async () => {
    const credits = await s.page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('.cesium-credit-logoContainer')?.innerHTML ?? '');
    expect(credits).not.toMatch(/ion/i);
    expect(await s.page.locator('img[src*="ion"], img[title*="ion" i]').count()).toBe(0);
  });

  it('refuses an /ipc WebSocket without the session cookie', async () => {
    const wsUrl = `${serve.url.replace(/^http/, 'ws')}/ipc`;
    const statusOf = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(wsUrl, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
      });
    expect(await statusOf({})).toBe(401);
    expect(await statusOf({ cookie: 'outpost_session=wrong' })).toBe(401);
    expect(await statusOf({ cookie: `outpost_session=${encodeURIComponent(serve.token)}` })).toBe(101);
  });
});
