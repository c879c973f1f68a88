/**
 * Auto-stream end to end: the real engine and broker, a simulated Dock 2 (live video + DRC). With the policy on,
 * take-off sends live_start_push for the aircraft's main camera and the video plays from the embedded ingest;
 * landing sends live_stop_push; DRC starts and stops it the same way; streams started by hand are never stopped;
 * the dock going offline ends what auto started (grant revoked, record no longer owned or auto).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimDevice } from '../../../electron/core/sim/device';
import { createDrcSimExtension } from '../../../electron/core/sim/extensions/drc';
import { livePushCount } from '../../../electron/core/sim/live/ffmpeg';
import type { LiveStreamView, LiveWall } from '../../../shared/ipc/live';
import { waitForPatch } from '../../helpers/engine';
import { startLiveRig, waitWall, type LiveRig } from './helpers';

let rig: LiveRig;
let dock: SimDevice;
let mainId: string;
let dockCamId: string;
const inv = () => rig.t.engine.invoke;
const stream = (w: LiveWall, id: string): LiveStreamView | undefined => w.streams.find((s) => s.videoId === id);
const sent = (method: string, videoId: string) => rig.sims[0]!.received.filter((c) => c.method === method && (c.data as { video_id?: string }).video_id === videoId);
const mode = (): unknown => rig.t.engine.shadow.get(dock.aircraftSn)?.groups.status?.fields.mode_code;
const playing = (id: string) => (w: LiveWall) => stream(w, id)?.state === 'live' && (stream(w, id)?.ingest?.fps ?? 0) > 0 && stream(w, id)?.deviceLive === true;
const start = async (id: string): Promise<void> => {
  const r = await inv()['live:start']({ videoId: id });
  if (!r.ok) throw new Error(r.error.message);
  await waitWall(rig.t.engine, playing(id));
};
/** Take off and come back down (the sim climbs at 5 m/s and descends at 3 m/s; RTH from the climb lands at once). */
const flyAndLand = async (): Promise<void> => {
  expect(dock.launch()).toBe(true);
  await waitForPatch(rig.t.engine, () => mode() === 4, 10_000);
  expect(dock.returnHome()).toBe(true);
  await waitForPatch(rig.t.engine, () => mode() === 0, 20_000);
};

beforeAll(async () => {
  rig = await startLiveRig(1, { osdHz: 5, extensions: [createDrcSimExtension()] });
  dock = rig.fleet.devices[0]!;
  mainId = `${dock.aircraftSn}/${dock.product.payloadIndex}/normal-0`;
  dockCamId = `${dock.gatewaySn}/${dock.product.dockCameraIndex}/normal-0`;
  await waitWall(rig.t.engine, (w) => w.sources.some((s) => s.sn === dock.aircraftSn));
  await waitForPatch(rig.t.engine, () => mode() === 0);
}, 60_000);

afterAll(async () => {
  await rig?.stop();
  expect(livePushCount()).toBe(0);
});

describe('auto-stream policy against the simulator', () => {
  it('is enabled per gateway and saved in the data directory', async () => {
    expect((await inv()['live:setAuto']({ gateway: dock.gatewaySn, enabled: true })).ok).toBe(true);
    expect((await waitWall(rig.t.engine, (w) => w.auto.includes(dock.gatewaySn))).auto).toEqual([dock.gatewaySn]);
    const file = join(rig.t.dataDir, 'live-auto.json');
    expect(existsSync(file) && JSON.parse(readFileSync(file, 'utf8'))).toEqual([dock.gatewaySn]);
    // Nothing flies yet: nothing was asked of the device.
    expect(sent('live_start_push', mainId)).toEqual([]);
  });

  it('take-off sends live_start_push for the main camera and the video plays from the embedded ingest', async () => {
    await start(dockCamId); // by hand, before take-off: the policy must leave it alone throughout
    expect(dock.launch()).toBe(true);
    const w = await waitWall(rig.t.engine, playing(mainId), 20_000);
    const s = stream(w, mainId)!;
    expect(s).toMatchObject({ auto: true, ownedByOutpost: true, protocol: 'rtmp', ingest: { codec: 'h264', width: 320, height: 180 } });
    const starts = sent('live_start_push', mainId);
    expect(starts).toHaveLength(1);
    expect(starts[0]!.data).toMatchObject({ url_type: 1, video_id: mainId, video_quality: 0, url: expect.stringMatching(new RegExp(`^rtmp://127\\.0\\.0\\.1:${w.ingestPort}/live/${dock.aircraftSn}_${dock.product.payloadIndex}_normal-0\\?secret=[0-9a-f]{32}$`)) });
    const res = await fetch(rig.t.httpUrl + s.playPath!);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).subarray(0, 3).toString()).toBe('FLV');
    await reader.cancel();
  }, 30_000);

  it('landing sends live_stop_push for what auto started; the dock camera started by hand keeps streaming', async () => {
    expect(dock.returnHome()).toBe(true);
    const w = await waitWall(rig.t.engine, (w) => stream(w, mainId)?.state === 'stopped' && stream(w, mainId)?.deviceLive === false, 30_000);
    expect(mode()).toBe(0);
    expect(stream(w, mainId)).toMatchObject({ ownedByOutpost: false, auto: false, playPath: null });
    expect(sent('live_stop_push', mainId)).toHaveLength(1);
    expect(sent('live_stop_push', dockCamId)).toEqual([]);
    expect(stream(w, dockCamId)).toMatchObject({ state: 'live', ownedByOutpost: true, auto: false, deviceLive: true });
    expect(rig.sims[0]!.active()).toBe(1);
  }, 40_000);

  it('a main camera started by hand before take-off is not taken over, nor stopped on landing', async () => {
    await start(mainId);
    await flyAndLand();
    // The landing has reached the engine: the device's live_status still lists the stream and nothing was stopped.
    const w = await waitWall(rig.t.engine, (w) => stream(w, mainId)?.deviceLive === true);
    expect(stream(w, mainId)).toMatchObject({ state: 'live', ownedByOutpost: true, auto: false });
    expect(sent('live_start_push', mainId)).toHaveLength(2); // auto's, then the one by hand; take-off added none
    expect(sent('live_stop_push', mainId)).toHaveLength(1); // only the earlier auto stop
    expect((await inv()['live:stop']({ videoId: mainId })).ok).toBe(true);
    await waitWall(rig.t.engine, (w) => stream(w, mainId)?.deviceLive === false);
  }, 60_000);

  it('DRC beginning starts the main camera (aircraft still on the ground); DRC ending stops it', async () => {
    const entered = await inv()['drc:enter']({ gateway: dock.gatewaySn });
    expect(entered.ok, JSON.stringify(entered)).toBe(true);
    await waitWall(rig.t.engine, (w) => playing(mainId)(w) && stream(w, mainId)?.auto === true, 20_000);
    expect(mode()).toBe(0);
    expect(sent('live_start_push', mainId)).toHaveLength(3);
    expect((await inv()['drc:exit']({ gateway: dock.gatewaySn })).ok).toBe(true);
    await waitWall(rig.t.engine, (w) => stream(w, mainId)?.state === 'stopped' && stream(w, mainId)?.deviceLive === false, 20_000);
    expect(sent('live_stop_push', mainId)).toHaveLength(3); // landing (auto), by hand, and now DRC's end
  }, 40_000);

  it('the dock going offline ends what auto started: grant revoked, record neither owned nor auto', async () => {
    expect(dock.launch()).toBe(true);
    const w = await waitWall(rig.t.engine, (w) => playing(mainId)(w) && stream(w, mainId)?.auto === true, 20_000);
    const path = stream(w, mainId)!.playPath!;
    const stopsBefore = sent('live_stop_push', mainId).length;
    const received = rig.sims[0]!.received; // the device's own log survives it
    await rig.fleet.stop(); // the dock's MQTT connection closes
    await waitForPatch(rig.t.engine, () => rig.t.engine.shadow.get(dock.gatewaySn)?.online === false);
    const after = await waitWall(rig.t.engine, (w) => stream(w, mainId)?.state === 'stopped');
    expect(stream(after, mainId)).toMatchObject({ ownedByOutpost: false, auto: false, playPath: null });
    expect((await fetch(rig.t.httpUrl + path)).status).toBe(403);
    // Nothing to tell a gateway that is gone; the stream Outpost started by hand is not the policy's to end.
    expect(received.filter((c) => c.method === 'live_stop_push' && (c.data as { video_id: string }).video_id === mainId)).toHaveLength(stopsBefore);
    expect(stream(after, dockCamId)).toMatchObject({ ownedByOutpost: true, auto: false });
  }, 40_000);
});
