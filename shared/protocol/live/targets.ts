/**
 * Push targets the user runs elsewhere (WHIP, GB28181, Agora): their settings and the `live_start_push` `url` one
 * stream gets from them (Dock 2 30.live.md "url"; enums.md §3.1). Pure, so the engine (which builds the URL per
 * stream) and the Settings form (which checks a draft before saving it) apply the same rules.
 */
import type { Result } from '../../util/result';
import { agoraIssues, agoraUrl, gb28181Issues, gb28181Url, whipIssues, whipUrl, type FieldIssue, type Gb28181Settings, type LiveProtocol, type WhipSettings } from './urls';
import { streamSlug, type VideoId } from './video-id';

/** Agora settings as saved: the channel is a template, filled per stream. */
export interface AgoraTemplate {
  /** Channel name with `{sn}`, `{camera_index}`, `{video_index}`; the docs' example is `{sn}_{camera_index}`. */
  readonly channel: string;
  /** Issued by the user's Agora token server for that channel and uid (it embeds the App ID). */
  readonly token: string;
  readonly uid: number;
}

export interface PushSettings {
  /** What `live:start` asks devices to push with; only `rtmp` (Outpost's own ingest) plays in the wall. */
  readonly protocol: LiveProtocol;
  readonly whip: WhipSettings;
  readonly gb28181: Gb28181Settings;
  readonly agora: AgoraTemplate;
}

export type ExternalProtocol = Exclude<LiveProtocol, 'rtmp'>;
export type StreamRef = Pick<VideoId, 'sn' | 'cameraIndex' | 'videoIndex'>;

export const AGORA_CHANNEL_TEMPLATE = '{sn}_{camera_index}';
const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['sn', 'camera_index', 'video_index']);

export const agoraChannel = (template: string, v: StreamRef): string =>
  template.replaceAll('{sn}', v.sn).replaceAll('{camera_index}', v.cameraIndex).replaceAll('{video_index}', v.videoIndex);

/** The `url` for `v` on the user's server. The docs' Agora example pairs `sn` with the video source's SN. */
export function externalUrl(s: PushSettings, protocol: ExternalProtocol, v: StreamRef): Result<string> {
  if (protocol === 'whip') return whipUrl(s.whip, streamSlug(v));
  if (protocol === 'gb28181') return gb28181Url(s.gb28181);
  return agoraUrl({ channel: agoraChannel(s.agora.channel, v), sn: v.sn, token: s.agora.token, uid: s.agora.uid });
}

/** A stream like the docs' example (Dock 2 30.live.md), to try templates on and to preview a URL with. */
export const SAMPLE_STREAM: StreamRef = { sn: '1ZNDH1D0010098', cameraIndex: '39-0-7', videoIndex: 'normal-0' };

/** Every bad setting of the protocol in use (the others are not sent to any device, so not checked). */
export function pushSettingsIssues(s: PushSettings): FieldIssue[] {
  switch (s.protocol) {
    case 'rtmp':
      return [];
    case 'whip':
      return whipIssues(s.whip);
    case 'gb28181':
      return gb28181Issues(s.gb28181);
    case 'agora': {
      const unknown = [...s.agora.channel.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !KNOWN.has(p));
      const template = unknown.length > 0 ? [{ field: 'agora.channel', message: `unknown placeholder {${unknown[0]}}; use {sn}, {camera_index} or {video_index}` }] : [];
      const filled = agoraIssues({ channel: agoraChannel(s.agora.channel, SAMPLE_STREAM), sn: SAMPLE_STREAM.sn, token: s.agora.token, uid: s.agora.uid });
      return [...template, ...filled.filter((i) => i.field !== 'agora.sn' && (template.length === 0 || i.field !== 'agora.channel'))];
    }
  }
}
