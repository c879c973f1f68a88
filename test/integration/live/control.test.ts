/**
 * Live control end to end: the real engine and broker, a simulated Dock 2 whose ffmpeg pushes real H.264 to
 * Outpost's own RTMP ingest, played back over HTTP-FLV. Start, quality, lens, camera, stop; a retry after a
 * transient 513xxx; a refusal shown as readable text; a publish without the stream's secret refused.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveStreamView } from '../../../shared/ipc/live';
import { livePushCount } from '../../../electron/core/sim/live/ffmpeg';
import { publish, startLiveRig, waitWall, type LiveRig } from './helpers';

let rig: LiveRig;
let videoId: string;
const inv = () => rig.t.engine.invoke;
const stream = (w: { streams: readonly LiveStreamView[] }, id = videoId) => w.streams.find((s) => s.videoId === id);

beforeAll(async () => {
  rig = await startLiveRig();
  const dock = rig.fleet.devices[0]!;
  videoId = `${dock.aircraftSn}/${dock.product.payloadIndex}/normal-0`;
}, 60_000);

afterAll(async () => {
  await rig?.stop();
  expect(livePushCount()).toBe(0); // no ffmpeg outlives the simulator
});

describe('live control against the simulator', () => {
  it('reads the cameras from live_capacity in the gateway state', async () => {
    const dock = rig.fleet.devices[0]!;
    const w = await waitWall(rig.t.engine, (w) => w.sources.some((s) => s.sn === dock.aircraftSn));
    const aircraft = w.sources.find((s) => s.sn === dock.aircraftSn)!;
    expect(aircraft.gateway).toBe(dock.gatewaySn);
    expect(aircraft.cameras[0]?.cameraIndex).toBe(dock.product.payloadIndex);
    expect(aircraft.cameras[0]?.videos[0]?.switchableVideoTypes).toEqual(['wide', 'zoom', 'ir']);
    expect(w.sources.some((s) => s.sn === dock.gatewaySn && s.cameras[0]?.cameraIndex === '165-0-7')).toBe(true);
  });

  it('starts a stream: the device pushes to the ingest and it plays over HTTP-FLV with the play secret only', async () => {
    const r = await inv()['live:start']({ videoId, quality: 1 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const w = await waitWall(rig.t.engine, (w) => (stream(w)?.ingest?.fps ?? 0) > 5 && stream(w)?.deviceLive === true);
    const s = stream(w)!;
    expect(s).toMatchObject({ state: 'live', ownedByOutpost: true, quality: 1, protocol: 'rtmp' });
    expect(s.ingest).toMatchObject({ publishing: true, codec: 'h264', width: 320, height: 180 });
    expect(s.playPath).toMatch(/^\/live\/flv\/[A-Za-z0-9_-]+\.flv\?play=[0-9a-f]{32}$/);

    const res = await fetch(rig.t.httpUrl + s.playPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/x-flv');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).subarray(0, 3).toString()).toBe('FLV');
    await reader.cancel();

    const noSecret = await fetch(rig.t.httpUrl + s.playPath!.replace(/\?play=.*/, ''));
    expect(noSecret.status).toBe(403);
    const wrong = await fetch(rig.t.httpUrl + s.playPath!.replace(/play=[0-9a-f]+/, 'play=' + '0'.repeat(32)));
    expect(wrong.status).toBe(403);
  });

  it('refuses an RTMP publish without the stream secret, or with a wrong one', async () => {
    const w = await waitWall(rig.t.engine, (w) => w.ingestPort !== null);
    const slug = stream(w)!.playPath!.split('/')[3]!.replace(/\.flv.*/, '');
    const before = rig.t.engine.counters.snapshot()['live.publish_refused'] ?? 0;
    expect(await publish(`rtmp://127.0.0.1:${w.ingestPort}/live/${slug}`)).not.toBe(0);
    expect(await publish(`rtmp://127.0.0.1:${w.ingestPort}/live/${slug}?secret=${'a'.repeat(32)}`)).not.toBe(0);
    expect(await publish(`rtmp://127.0.0.1:${w.ingestPort}/live/unknown_stream?secret=${'a'.repeat(32)}`)).not.toBe(0);
    expect((rig.t.engine.counters.snapshot()['live.publish_refused'] ?? 0) - before).toBe(3);
    // The real publisher is untouched.
    expect(stream(await inv()['live:wall']())?.ingest?.publishing).toBe(true);
  });

  it('changes quality and lens; the device confirms in live_status', async () => {
    expect((await inv()['live:setQuality']({ videoId, quality: 3 })).ok).toBe(true);
    await waitWall(rig.t.engine, (w) => stream(w)?.quality === 3);
    expect((await inv()['live:setLens']({ videoId, videoType: 'zoom' })).ok).toBe(true);
    await waitWall(rig.t.engine, (w) => stream(w)?.videoType === 'zoom');
    const dock = rig.fleet.devices[0]!;
    // A lens the camera does not list in live_capacity never reaches the device.
    const bad = await inv()['live:setLens']({ videoId, videoType: 'normal' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/not offered by this camera.*wide, zoom, ir/);
    const cam = await inv()['live:setCamera']({ videoId: `${dock.gatewaySn}/165-0-7/normal-0`, cameraPosition: 1 });
    expect(cam.ok).toBe(true);
  });

  it('records the stream to an FLV file in the data directory without re-encoding, listed with device and time span', async () => {
    const r = await inv()['live:recordStart']({ videoId });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.value.file.startsWith(rig.t.dataDir)).toBe(true);
    await waitWall(rig.t.engine, (w) => stream(w)?.recording !== null && (stream(w)?.ingest?.viewers ?? 0) >= 1);
    await new Promise<void>((res) => {
      const off = rig.t.engine.bus.on('live:wall', (w) => (stream(w)?.ingest?.lastFrameAt ?? 0) > r.value.startedAt + 1000 && (off(), res()));
    });
    const done = await inv()['live:recordStop']({ videoId });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.endedAt! - done.value.startedAt).toBeGreaterThanOrEqual(1000);
    expect(done.value.bytes).toBeGreaterThan(1000);
    expect(readFileSync(done.value.file).subarray(0, 3).toString()).toBe('FLV');
    // A real, decodable file: ffprobe finds the H.264 track as pushed (no re-encode).
    expect(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', done.value.file]).toString().trim()).toBe('h264,320,180');
    expect((await inv()['live:recordings']()).map((x) => x.id)).toContain(done.value.id);
    expect((await inv()['live:recordings']()).find((x) => x.id === done.value.id)).toMatchObject({ sn: stream(await inv()['live:wall']())!.sn, videoId });
  });

  it('stops the stream: the push ends, the secret is revoked, ffmpeg is gone', async () => {
    const path = stream(await inv()['live:wall']())!.playPath!;
    expect((await inv()['live:stop']({ videoId })).ok).toBe(true);
    const w = await waitWall(rig.t.engine, (w) => stream(w)?.state === 'stopped' && stream(w)?.deviceLive === false && stream(w)?.ingest === null);
    expect(stream(w)?.playPath).toBeNull();
    expect((await fetch(rig.t.httpUrl + path)).status).toBe(403);
    expect(rig.sims[0]!.active()).toBe(0);
  });

  it('retries a start refused with a transient 513006, then streams', async () => {
    rig.sims[0]!.failNextStarts([513006]);
    const r = await inv()['live:start']({ videoId });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.value.attempts).toBe(2);
    await waitWall(rig.t.engine, (w) => stream(w)?.ingest?.publishing === true);
    expect(rig.t.engine.counters.snapshot()['live.start_retry']).toBe(1);
    expect((await inv()['live:stop']({ videoId })).ok).toBe(true);
  }, 30_000);

  it('does not retry a permanent refusal and says why in readable text', async () => {
    rig.sims[0]!.failNextStarts([513013]);
    const r = await inv()['live:start']({ videoId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Livestream failed. Video transmission protocol not supported (dock, code 513013)');
    const s = stream(await inv()['live:wall']())!;
    expect(s).toMatchObject({ state: 'failed', attempts: 1, error: { code: 513013 } });
  });
});
