/** The streams Outpost knows of: what it asked for (owned) and what devices report, as one table. */
import type { IngestStats, LiveStreamState, LiveStreamView } from '../../../shared/ipc/live';
import type { LiveProtocol, VideoQuality } from '../../../shared/protocol/live';
import { playPath, type StreamGrant } from './grants';

export interface StreamRecord {
  videoId: string;
  gateway: string;
  sn: string;
  cameraIndex: string;
  videoType: string;
  quality: VideoQuality;
  protocol: LiveProtocol;
  state: LiveStreamState;
  error: { code: number | string; text: string } | null;
  attempts: number;
  grant: StreamGrant | null;
  owned: boolean;
  auto: boolean;
  deviceLive: boolean;
  recording: { file: string; since: number } | null;
}

export function toView(r: StreamRecord, ingest: IngestStats | null): LiveStreamView {
  return {
    videoId: r.videoId,
    gateway: r.gateway,
    sn: r.sn,
    cameraIndex: r.cameraIndex,
    videoType: r.videoType,
    quality: r.quality,
    protocol: r.protocol,
    state: r.state,
    error: r.error,
    attempts: r.attempts,
    playPath: r.grant && r.protocol === 'rtmp' ? playPath(r.grant) : null,
    ownedByOutpost: r.owned,
    auto: r.auto,
    ingest,
    recording: r.recording,
    deviceLive: r.deviceLive,
  };
}
