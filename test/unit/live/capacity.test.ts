/**
 * live_capacity / live_status / video_id parsing. The docs give the live_capacity structure as a table but no
 * JSON example, so the capacity fixture is built field by field from that table (Dock 2 00.properties.md); the
 * video_id cases are every `video_id` in the docs' live-page examples (test/fixtures/dji-docs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLiveCapacity, parseLiveStatus, parseVideoId, streamSlug } from '../../../shared/protocol/live';

const FIX = join(__dirname, '../../fixtures/dji-docs');
const liveExamples = (): { source: string; method: string; data: Record<string, unknown> }[] =>
  ['en', 'cn'].flatMap((lang) =>
    readdirSync(join(FIX, lang))
      .filter((f) => /live\.json$/.test(f))
      .flatMap((f) => (JSON.parse(readFileSync(join(FIX, lang, f), 'utf8')) as { source: string; method: string; message: { data: Record<string, unknown> } }[]).map((e) => ({ source: e.source, method: e.method, data: e.message.data }))),
  );

describe('video_id', () => {
  it('parses every video_id in the docs examples', () => {
    const ids = liveExamples().map((e) => e.data.video_id).filter((v): v is string => typeof v === 'string');
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const r = parseVideoId(id);
      expect(r.ok, `${id}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
    const z = parseVideoId('1581F5BMD228Q00A82XX/39-0-7/zoom-0');
    expect(z.ok && z.value).toEqual({ sn: '1581F5BMD228Q00A82XX', cameraIndex: '39-0-7', videoIndex: 'zoom-0', videoType: 'zoom', n: 0 });
    if (z.ok) expect(streamSlug(z.value)).toBe('1581F5BMD228Q00A82XX_39-0-7_zoom-0');
  });
  it('says which part is wrong', () => {
    const r = parseVideoId('SN/39-0/normal-0');
    expect(!r.ok && r.error.message).toMatch(/camera_index must be "type-subtype-gimbalindex"/);
    const s = parseVideoId('SN/39-0-7/normal');
    expect(!s.ok && s.error.message).toMatch(/video_index must be "\{video_type\}-\{n\}"/);
  });
});

describe('live_capacity', () => {
  // Field by field from the Dock 2 property table: an aircraft (M3TD, 81-0-0) and the dock camera (165-0-7).
  const capacity = {
    available_video_number: 2,
    coexist_video_number_max: 2,
    device_list: [
      { sn: '1581F5BMD228Q00A82XX', available_video_number: 1, coexist_video_number_max: 1, camera_list: [{ camera_index: '81-0-0', available_video_number: 1, coexist_video_number_max: 1, video_list: [{ video_index: 'normal-0', video_type: 'normal', switchable_video_types: ['wide', 'zoom', 'ir'] }] }] },
      { sn: '7CTDM3D00BVY4C', available_video_number: 1, coexist_video_number_max: 1, camera_list: [{ camera_index: '165-0-7', available_video_number: 1, coexist_video_number_max: 1, video_list: [{ video_index: 'normal-0', video_type: 'normal' }] }] },
    ],
  };
  it('maps devices → cameras → videos', () => {
    const r = parseLiveCapacity(capacity);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.coexistVideoNumberMax).toBe(2);
    expect(r.value.devices.map((d) => d.sn)).toEqual(['1581F5BMD228Q00A82XX', '7CTDM3D00BVY4C']);
    expect(r.value.devices[0]!.cameras[0]).toEqual({ cameraIndex: '81-0-0', availableVideoNumber: 1, coexistVideoNumberMax: 1, videos: [{ videoIndex: 'normal-0', videoType: 'normal', switchableVideoTypes: ['wide', 'zoom', 'ir'] }] });
    expect(r.value.devices[1]!.cameras[0]!.videos[0]!.switchableVideoTypes).toEqual([]);
  });
  it('an empty device list (aircraft off, no dock camera) is valid', () => {
    const r = parseLiveCapacity({ available_video_number: 0, coexist_video_number_max: 0, device_list: [] });
    expect(r.ok && r.value.devices).toEqual([]);
  });
  it('names the path of a malformed field', () => {
    const bad = structuredClone(capacity) as { device_list: { camera_list: { camera_index: unknown }[] }[] };
    bad.device_list[0]!.camera_list[0]!.camera_index = 'front';
    const r = parseLiveCapacity(bad);
    expect(!r.ok && r.error.message).toBe('live_capacity.device_list[0].camera_list[0].camera_index: must be "type-subtype-gimbalindex" like 39-0-7');
    expect(parseLiveCapacity('x').ok).toBe(false);
  });
});

describe('live_status', () => {
  it('reads the property table fields', () => {
    const r = parseLiveStatus([{ video_id: '1ZNDH1D0010098/39-0-7/normal-0', video_type: 'zoom', video_quality: 3, status: 1, error_status: 0 }]);
    expect(r.ok && r.value).toEqual([{ videoId: '1ZNDH1D0010098/39-0-7/normal-0', videoType: 'zoom', videoQuality: 3, status: 1, errorStatus: 0 }]);
  });
  it('refuses an entry without video_id', () => {
    const r = parseLiveStatus([{ status: 1 }]);
    expect(!r.ok && r.error.message).toMatch(/^live_status\[0\]\.video_id/);
  });
});
