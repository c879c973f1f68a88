/** Tile texts: HEVC is named as undecodable here; a stream pushed elsewhere says where it goes instead of staying black. */
import { describe, expect, it } from 'vitest';
import type { IngestStats, LiveStreamView } from '../../../../../shared/ipc/live';
import { codecWarning, elsewhereNotice } from '../../../../../renderer/src/features/live/notices';

const ingest = (codec: string | null): IngestStats => ({ publishing: true, codec, width: 1280, height: 720, fps: 30, kbps: 1000, lastFrameAt: 1, viewers: 0 });
const stream: LiveStreamView = {
  videoId: 'AC/81-0-0/normal-0', gateway: 'GW', sn: 'AC', cameraIndex: '81-0-0', videoType: 'normal', quality: 0, protocol: 'rtmp', state: 'live', error: null,
  attempts: 1, playPath: '/live/flv/x.flv?play=y', ownedByOutpost: true, auto: false, ingest: ingest('h264'), recording: null, deviceLive: true,
};

describe('codecWarning', () => {
  it('says plainly that Chromium cannot decode an HEVC (or AV1) stream', () => {
    expect(codecWarning({ ...stream, ingest: ingest('hevc') })).toBe('HEVC stream: Chromium cannot decode it. Set the device to H.264 to watch it here (recording still works).');
    expect(codecWarning({ ...stream, ingest: ingest('av1') })).toMatch(/^AV1 stream: Chromium cannot decode it/);
  });
  it('is silent for H.264 and before the codec is known', () => {
    expect(codecWarning(stream)).toBeNull();
    expect(codecWarning({ ...stream, ingest: ingest(null) })).toBeNull();
    expect(codecWarning({ ...stream, ingest: null })).toBeNull();
  });
});

describe('elsewhereNotice', () => {
  const external = { ...stream, playPath: null, ingest: null };
  it('names the server a non-RTMP stream goes to and its url_type', () => {
    expect(elsewhereNotice({ ...external, protocol: 'whip', state: 'starting' })).toMatch(/^Pushing to your WHIP server \(url_type 4\)\. Outpost plays only/);
    expect(elsewhereNotice({ ...external, protocol: 'gb28181' })).toMatch(/^Pushing to your GB28181 platform \(url_type 3\)/);
    expect(elsewhereNotice({ ...external, protocol: 'agora' })).toMatch(/^Pushing to Agora \(url_type 0\)/);
  });
  it('says when another platform started the stream', () => {
    expect(elsewhereNotice({ ...external, ownedByOutpost: false })).toMatch(/^Started by another platform/);
  });
  it('is silent for Outpost\'s own RTMP stream and for stopped or failed ones', () => {
    expect(elsewhereNotice(stream)).toBeNull();
    expect(elsewhereNotice({ ...external, protocol: 'whip', state: 'stopped' })).toBeNull();
    expect(elsewhereNotice({ ...external, protocol: 'whip', state: 'failed' })).toBeNull();
  });
});
