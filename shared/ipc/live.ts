/** IPC channels of the live capability (merged into the one contract in ./contract.ts). */
import type { LiveCamera } from '../protocol/live/capacity';
import type { LiveProtocol } from '../protocol/live/urls';
import type { PushSettings } from '../protocol/live/targets';
import type { LensType, VideoQuality } from '../protocol/live/quality';
import type { Result } from '../util/result';

/** A device that offers video (aircraft or dock camera), from its gateway's `live_capacity`. */
export interface LiveSource {
  readonly sn: string;
  readonly gateway: string;
  readonly online: boolean;
  readonly cameras: readonly LiveCamera[];
}

export type LiveStreamState = 'starting' | 'retrying' | 'live' | 'stopping' | 'stopped' | 'failed';

/** What the embedded RTMP ingest measures for a stream. */
export interface IngestStats {
  readonly publishing: boolean;
  /** `h264`, `hevc`, `av1`… (Chromium's MSE plays h264 only). */
  readonly codec: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly fps: number | null;
  readonly kbps: number | null;
  /** Epoch ms of the last video frame received. */
  readonly lastFrameAt: number | null;
  readonly viewers: number;
}

export interface LiveStreamView {
  readonly videoId: string;
  readonly gateway: string;
  readonly sn: string;
  readonly cameraIndex: string;
  /** Current lens (`live_status.video_type` or the last `live_lens_change`). */
  readonly videoType: string;
  readonly quality: VideoQuality;
  readonly protocol: LiveProtocol;
  readonly state: LiveStreamState;
  /** Readable reason of the last failure, with the device's code decoded. */
  readonly error: { readonly code: number | string; readonly text: string } | null;
  readonly attempts: number;
  /** Playback path on the engine's HTTP server (RTMP ingest only): `/live/flv/<slug>.flv?play=<secret>`. */
  readonly playPath: string | null;
  /** True when Outpost asked for this stream (it never stops one it did not start). */
  readonly ownedByOutpost: boolean;
  readonly auto: boolean;
  readonly ingest: IngestStats | null;
  readonly recording: { readonly file: string; readonly since: number } | null;
  /** The device reports it streaming (`live_status.status` 1). */
  readonly deviceLive: boolean;
}

export interface LiveWall {
  readonly sources: readonly LiveSource[];
  readonly streams: readonly LiveStreamView[];
  /** Gateways whose auto-stream policy is on. */
  readonly auto: readonly string[];
  /** The embedded RTMP ingest's port once it runs (it starts with the first RTMP stream), else null. */
  readonly ingestPort: number | null;
  /** The protocol `live:start` uses now (Settings → Live video). */
  readonly protocol: LiveProtocol;
}

export interface LiveSettings extends PushSettings {
  /** Embedded RTMP ingest port (0 = pick a free one). */
  readonly rtmpPort: number;
  readonly defaultQuality: VideoQuality;
}

export interface Recording {
  readonly id: string;
  readonly videoId: string;
  readonly sn: string;
  readonly file: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly bytes: number;
}

export interface LiveInvokeMap {
  'live:wall': { req: void; res: LiveWall };
  'live:start': { req: { videoId: string; quality?: VideoQuality }; res: Result<LiveStreamView> };
  'live:stop': { req: { videoId: string }; res: Result<null> };
  'live:setQuality': { req: { videoId: string; quality: VideoQuality }; res: Result<null> };
  'live:setLens': { req: { videoId: string; videoType: LensType }; res: Result<null> };
  /** Dock 2/3 camera: 0 inside the dock, 1 outside (live_camera_change). */
  'live:setCamera': { req: { videoId: string; cameraPosition: 0 | 1 }; res: Result<null> };
  'live:getSettings': { req: void; res: LiveSettings };
  'live:setSettings': { req: Partial<LiveSettings>; res: Result<LiveSettings> };
  'live:setAuto': { req: { gateway: string; enabled: boolean }; res: Result<null> };
  'live:recordStart': { req: { videoId: string }; res: Result<Recording> };
  'live:recordStop': { req: { videoId: string }; res: Result<Recording> };
  'live:recordings': { req: void; res: readonly Recording[] };
}
export type LiveSendMap = Record<never, never>;
export interface LiveEventMap {
  /** The whole wall state, on every change and once a second while streams run (ingest stats). */
  'live:wall': LiveWall;
}

export const LIVE_INVOKE_CHANNELS = [
  'live:wall',
  'live:start',
  'live:stop',
  'live:setQuality',
  'live:setLens',
  'live:setCamera',
  'live:getSettings',
  'live:setSettings',
  'live:setAuto',
  'live:recordStart',
  'live:recordStop',
  'live:recordings',
] as const;
export const LIVE_SEND_CHANNELS = [] as const;
export const LIVE_EVENT_CHANNELS = ['live:wall'] as const;
