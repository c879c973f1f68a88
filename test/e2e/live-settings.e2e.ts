/**
 * Live settings end to end: serve mode + a simulated Dock 2 (in this process, so the test reads what the device
 * was sent), the built renderer in Chromium. Settings → Live video → GB28181 with a bad port shows an inline error
 * naming the field; fixed and saved, a camera dropped on the wall is started with `live_start_push` url_type 3 and
 * the docs' exact `serverIP=…&…&channel=…` url, and its tile says the video goes to the user's GB28181 platform.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../electron/core/sim';
import { createLiveSimExtension } from '../../electron/core/sim/extensions/live';
import type { SimLive } from '../../electron/core/sim/live/service';
import { isLocal, openSession, type Session } from './helpers/browser';
import { openApp } from './helpers/app';
import { startServe, type ServeHandle } from './helpers/serve';

let serve: ServeHandle;
let s: Session;
let fleet: Fleet;
const sims: SimLive[] = [];

/** A GB28181 platform as a user would enter it (codes of the standard's 20 digits). */
const GB = { serverIP: '10.20.30.40', serverPort: '5060', serverID: '44010200492000000001', agentID: '44010200491320000123', agentPassword: 'pa55-word', localPort: '7060', channel: '44010200491320000124' };
const field = (name: string) => `[data-testid="field-live.gb28181.${name}"]`;

beforeAll(async () => {
  serve = await startServe();
  fleet = await startFleet({
    url: `mqtt://127.0.0.1:${serve.mqttPort}`, username: 'sim', password: 'sim-pass', count: 1, kinds: ['dock2'],
    device: { autoFly: false, extensions: [createLiveSimExtension({ width: 320, height: 180, fps: 15 }, (l) => sims.push(l))] },
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

describe('live settings: GB28181 (serve mode, simulated Dock 2)', () => {
  it('shows an inline error naming a bad GB28181 field, then saves the fixed settings', async () => {
    const p = s.page;
    await p.click('[data-testid="open-settings"]');
    await p.selectOption('[data-testid="field-live.protocol"] select', 'gb28181');
    for (const [k, v] of Object.entries(GB)) await p.fill(`${field(k)} input`, v);
    await p.fill(`${field('serverPort')} input`, '70000');
    await p.click('[data-testid="settings-save"]');
    await p.waitForSelector(`${field('serverPort')}.invalid`);
    expect(await p.textContent(`${field('serverPort')} .field-error`)).toBe('serverPort: 70000 must be 1–65535');
    expect(await p.textContent('[data-testid="settings-banner"]')).toBe('Fix the highlighted fields.');
    expect(await p.locator('[data-testid="settings-live"] .field.invalid').count()).toBe(1);

    await p.fill(`${field('serverPort')} input`, GB.serverPort);
    await p.click('[data-testid="settings-save"]');
    await p.waitForSelector('[data-testid="settings-banner"]:text("Saved.")');
    expect(await p.locator('[data-testid="settings-live"] .field.invalid').count()).toBe(0);
    // The preview shows the docs' format with the password hidden; the engine saved the settings.
    expect(await p.textContent('[data-testid="live-url-preview"]')).toContain(`url_type 3, url serverIP=10.20.30.40&serverPort=5060&serverID=${GB.serverID}&agentID=${GB.agentID}&agentPassword=•••&localPort=7060&channel=${GB.channel}`);
    const saved = JSON.parse(readFileSync(join(serve.dataDir, 'live-settings.json'), 'utf8')) as { protocol: string; gb28181: Record<string, unknown> };
    expect(saved.protocol).toBe('gb28181');
    expect(saved.gb28181).toEqual({ ...GB, serverPort: 5060, localPort: 7060 });
    mkdirSync('test-results', { recursive: true });
    await p.locator('[data-testid="settings-live"]').screenshot({ path: 'test-results/live-settings.png' });
    await p.keyboard.press('Escape');
    await p.locator('[data-testid="settings-modal"]').waitFor({ state: 'detached' });
  });

  it('starts a stream from the wall with url_type 3 and the exact GB28181 url; the tile says where the video goes', async () => {
    const p = s.page;
    const dock = fleet.devices[0]!;
    const videoId = `${dock.aircraftSn}/${dock.product.payloadIndex}/normal-0`;
    await p.click('[data-testid="live-open"]');
    await p.waitForSelector('[data-testid="live-protocol"]:has-text("GB28181 to your platform")');
    const source = `[data-testid="live-source"][data-video-id="${videoId}"]`;
    await p.waitForSelector(source, { timeout: 30_000 });
    await p.dragAndDrop(source, '[data-testid="live-slot-0"]');
    // The device answered (state live): by then it has the request.
    await p.waitForSelector(`${source} .live-pill.live-live`, { timeout: 30_000 });
    const starts = sims[0]!.received.filter((c) => c.method === 'live_start_push');
    expect(starts).toEqual([
      {
        method: 'live_start_push',
        data: {
          url_type: 3,
          url: `serverIP=10.20.30.40&serverPort=5060&serverID=${GB.serverID}&agentID=${GB.agentID}&agentPassword=pa55-word&localPort=7060&channel=${GB.channel}`,
          video_id: videoId,
          video_quality: 0,
        },
      },
    ]);
    const tile = `[data-testid="live-tile"][data-video-id="${videoId}"]`;
    expect(await p.textContent(`${tile} [data-testid="live-elsewhere"]`)).toBe(
      "Pushing to your GB28181 platform (url_type 3). Outpost plays only streams sent to its own RTMP ingest: watch this one there.",
    );
    expect(await p.getAttribute(tile, 'data-state')).toBe('paused'); // nothing to play here, so no player runs
    await p.screenshot({ path: 'test-results/live-gb28181-tile.png' });
    expect(s.errors).toEqual([]);
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
