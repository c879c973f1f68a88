/** Why a tile shows no picture, in plain words (pure). */
import type { LiveStreamView } from '../../../../shared/ipc/live';
import { URL_TYPE, type ExternalProtocol } from '../../../../shared/protocol/live';

/** Chromium's MSE decodes H.264 but not HEVC: say so rather than show a black tile. */
export function codecWarning(s: LiveStreamView): string | null {
  const c = s.ingest?.codec;
  if (!c || c === 'h264') return null;
  return `${c.toUpperCase()} stream: Chromium cannot decode it. Set the device to H.264 to watch it here (recording still works).`;
}

const SERVER: Readonly<Record<ExternalProtocol, string>> = { whip: 'your WHIP server', gb28181: 'your GB28181 platform', agora: 'Agora' };

/** Why a running stream has no picture here: it goes to a server the user runs, or another platform started it. */
export function elsewhereNotice(s: LiveStreamView): string | null {
  if (s.state === 'stopped' || s.state === 'failed') return null;
  if (s.protocol !== 'rtmp') return `Pushing to ${SERVER[s.protocol]} (url_type ${URL_TYPE[s.protocol]}). Outpost plays only streams sent to its own RTMP ingest: watch this one there.`;
  if (!s.ownedByOutpost && s.deviceLive) return 'Started by another platform: the video does not come to Outpost, so it cannot play here.';
  return null;
}
