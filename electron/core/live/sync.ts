/** Keeps the stream table in step with what devices report in `live_status` (streams Outpost did not start appear too). */
import { parseVideoId, type VideoQuality } from '../../../shared/protocol/live';
import type { LiveSources } from './sources';
import type { StreamRecord } from './streams';

export function syncFromDevice(gateway: string, sources: LiveSources, streams: Map<string, StreamRecord>): void {
  const reported = new Map(sources.statuses(gateway).map((s) => [s.videoId, s]));
  for (const [id, s] of reported) {
    const v = parseVideoId(id);
    if (!v.ok) continue;
    let rec = streams.get(id);
    if (!rec && s.status === 1) {
      rec = {
        videoId: id, gateway, sn: v.value.sn, cameraIndex: v.value.cameraIndex, videoType: s.videoType ?? v.value.videoType, quality: (s.videoQuality ?? 0) as VideoQuality,
        protocol: 'rtmp', state: 'live', error: null, attempts: 0, grant: null, owned: false, auto: false, deviceLive: true, recording: null,
      };
      streams.set(id, rec);
    }
    if (!rec) continue;
    rec.deviceLive = s.status === 1;
    if (s.videoType) rec.videoType = s.videoType;
    if (s.videoQuality !== null && s.videoQuality >= 0 && s.videoQuality <= 4) rec.quality = s.videoQuality as VideoQuality;
  }
  for (const [id, rec] of streams) {
    if (rec.gateway !== gateway || reported.has(id)) continue;
    rec.deviceLive = false;
    // A stream someone else started and the device no longer reports is gone.
    if (!rec.owned && rec.state === 'live') streams.delete(id);
  }
}
