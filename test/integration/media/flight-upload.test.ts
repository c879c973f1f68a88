/**
 * A simulated Dock 2 uploads a flight's photos and video through the real engine: storage_config_get over MQTT,
 * SigV4 PutObject to the embedded endpoint, file_upload_callback. The library then lists every file with its
 * flight, device, capture time and position; thumbnails are made in the background; the EXIF/XMP readout shows
 * DJI's gimbal yaw and absolute altitude; the renderer routes serve thumbnails and a zip per flight; delete
 * removes row, object and thumbnail; the same file uploaded twice is detected as a duplicate.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/ipc/media';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { mediaSimExtension, simMediaControl } from '../../../electron/core/sim/extensions/media';
import { API_TOKEN, DEVICE_PASS, DEVICE_USER, startTestEngine, type TestEngine } from '../../helpers/engine';
import { prepareMediaDb } from './media-db';

let t: TestEngine;
let fleet: Fleet;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'outpost-media-it-'));
  prepareMediaDb(dataDir);
  t = await startTestEngine({ dataDir });
  fleet = await startFleet({ url: t.mqttUrl, username: DEVICE_USER, password: DEVICE_PASS, count: 1, kinds: ['dock2'], bindingCode: t.engine.bindingCode, organizationId: t.engine.organizationId, center: { lat: 46.0, lon: 7.0, height: 500 }, device: { autoFly: false, extensions: [mediaSimExtension] } });
  await fleet.ready();
});

afterAll(async () => {
  await fleet?.stop();
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const gw = (): string => fleet.devices[0]!.gatewaySn;

/** Resolves once `pred` holds for the library, re-checked on every media:changed event (no polling). */
function until(pred: (items: readonly MediaItem[]) => boolean, ms = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = async (): Promise<void> => {
      if (!pred(await refresh())) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(() => (off(), reject(new Error('media condition not reached'))), ms);
    const off = t.engine.bus.on('media:changed', () => void check());
    void check();
  });
}

const list = async (q = {}): Promise<readonly MediaItem[]> => t.engine.invoke['media:list'](q);
let items: readonly MediaItem[] = [];
const refresh = async (): Promise<readonly MediaItem[]> => (items = await list());

describe('dock media upload through the engine', () => {
  let flightId = '';

  it('registers every uploaded file with its flight, device, time and position, and makes thumbnails', async () => {
    const r = await simMediaControl(gw())!.uploadNow(3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    flightId = r.value.flightId;
    expect(r.value.objectKeys).toHaveLength(4);
    for (const k of r.value.objectKeys) expect(k.startsWith(`media/${gw()}/${flightId}/`)).toBe(true);
    await until((all) => all.length === 4 && all.every((i) => i.thumb === 'ok'));
    const photos = items.filter((i) => i.kind === 'photo');
    expect(photos).toHaveLength(3);
    expect(items.filter((i) => i.kind === 'video')).toHaveLength(1);
    for (const p of items) {
      expect(p).toMatchObject({ source: 'dock', gatewaySn: gw(), flightId, droneModelKey: '0-91-1' });
      expect(p.lat).toBeCloseTo(46.0, 2);
      expect(p.lng).toBeCloseTo(7.0, 2);
      expect(p.capturedAt).toBeGreaterThan(Date.now() - 120_000);
      expect(p.size).toBeGreaterThan(1000);
    }
    const facets = await t.engine.invoke['media:facets']();
    expect(facets.devices).toEqual([gw()]);
    expect(facets.flights).toEqual([expect.objectContaining({ flightId, count: 4 })]);
    expect(await list({ kind: 'video' })).toHaveLength(1);
    expect(await list({ flightId: 'other' })).toHaveLength(0);
  });

  it('reads DJI XMP (gimbal yaw, absolute altitude) and EXIF GPS from a photo', async () => {
    const photo = items.find((i) => i.kind === 'photo')!;
    const m = await t.engine.invoke['media:metadata']({ id: photo.id });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.make).toBe('DJI');
    expect(m.value.absoluteAltitude).toBeCloseTo(580, 0);
    expect(m.value.relativeAltitude).toBeCloseTo(80, 0);
    expect(m.value.gimbalYaw).toBeCloseTo(photo.gimbalYaw!, 0);
    expect(m.value.gimbalPitch).toBe(-45);
    expect(m.value.latitude).toBeCloseTo(photo.lat!, 5);
    expect(m.value.longitude).toBeCloseTo(photo.lng!, 5);
  });

  it('serves thumbnails and a zip per flight to the renderer, behind the API token', async () => {
    const photo = items.find((i) => i.kind === 'photo')!;
    const video = items.find((i) => i.kind === 'video')!;
    const auth = { authorization: `Bearer ${API_TOKEN}` };
    for (const i of [photo, video]) {
      const r = await fetch(`${t.httpUrl}/api/v1/media/files/${i.id}/thumb`, { headers: auth });
      expect(r.status).toBe(200);
      const b = Buffer.from(await r.arrayBuffer());
      expect(b.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
    expect((await fetch(`${t.httpUrl}/api/v1/media/files/${photo.id}/thumb`)).status).toBe(401);
    const zip = await fetch(`${t.httpUrl}/api/v1/media/flights/${flightId}/zip`, { headers: auth });
    expect(zip.status).toBe(200);
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(items.map((i) => i.name).sort());
    expect(entries[video.name]!.length).toBe(video.size);
  });

  it('exports loose files or one zip per flight into a folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'outpost-export-'));
    try {
      const loose = await t.engine.invoke['media:export']({ flightId, folder: join(out, 'loose'), zip: false });
      expect(loose.ok && loose.value.files.length).toBe(4);
      const zipped = await t.engine.invoke['media:export']({ ids: items.map((i) => i.id), folder: join(out, 'zip'), zip: true });
      expect(zipped.ok && zipped.value.files).toEqual([join(out, 'zip', `${flightId}.zip`)]);
      expect((await t.engine.invoke['media:export']({ ids: [1], folder: 'relative/path', zip: false })).ok).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('detects a duplicate upload (same fingerprint) and does not list it twice', async () => {
    const before = t.engine.counters.snapshot()['media.duplicate'] ?? 0;
    const photo = items.find((i) => i.kind === 'photo')!;
    // Pilot 2 asks with the fingerprint of a file already here: fast-upload says "exists, skip".
    const fp = (t.engine.store.db.prepare('SELECT fingerprint FROM media_files WHERE id = ?').get(photo.id) as { fingerprint: string }).fingerprint;
    const fast = await pilot('/media/api/v1/workspaces/ws1/fast-upload', { fingerprint: fp, name: photo.name, ext: {} });
    expect(fast).toMatchObject({ code: 0 });
    const missing = await pilot('/media/api/v1/workspaces/ws1/fast-upload', { fingerprint: 'nope', name: 'x.jpg', ext: {} });
    expect(missing).toMatchObject({ code: -1 });
    // A callback naming a new key with an existing fingerprint is a duplicate.
    const dup = await pilot('/media/api/v1/workspaces/ws1/upload-callback', { object_key: 'media/pilot-x/dup.jpg', name: 'dup.jpg', fingerprint: fp, ext: { sn: 'RC1', tinny_fingerprint: 'tiny-1' }, metadata: {} });
    expect(dup).toMatchObject({ code: 0 });
    expect(t.engine.counters.snapshot()['media.duplicate']).toBe(before + 1);
    expect(await list()).toHaveLength(4);
  });

  it('deletes a file: row, object and thumbnail', async () => {
    const photo = items.find((i) => i.kind === 'photo')!;
    const thumbsDir = join(dataDir, 'media', 'thumbs');
    expect(readdirSync(thumbsDir)).toContain(`${photo.id}.jpg`);
    const objects = readdirSync(join(dataDir, 'media', 'objects')).length;
    const r = await t.engine.invoke['media:delete']({ ids: [photo.id] });
    expect(r).toEqual({ ok: true, value: { deleted: 1 } });
    expect((await list()).map((i) => i.id)).not.toContain(photo.id);
    expect(readdirSync(thumbsDir)).not.toContain(`${photo.id}.jpg`);
    expect(readdirSync(join(dataDir, 'media', 'objects'))).toHaveLength(objects - 1);
  });
});

async function pilot(path: string, body: unknown, token = API_TOKEN): Promise<unknown> {
  const r = await fetch(`${t.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': token }, body: JSON.stringify(body) });
  return r.json();
}
