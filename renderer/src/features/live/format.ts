/** Tile text: unknown is "--", never 0. */
import type { LiveStreamView } from '../../../../shared/ipc/live';

export const dash = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined || Number.isNaN(v) ? '--' : `${Math.round(v)}${unit}`);

export const resolution = (w: number | null | undefined, h: number | null | undefined): string => (w && h ? `${w}×${h}` : '--');

/** Chromium's MSE decodes H.264 but not HEVC: say so rather than show a black tile. */
export function codecWarning(s: LiveStreamView): string | null {
  const c = s.ingest?.codec;
  if (!c || c === 'h264') return null;
  return `${c.toUpperCase()} stream: Chromium cannot decode it. Set the device to H.264 to watch it here (recording still works).`;
}

/** Where playback lives: same origin in serve mode; the engine on loopback in the Electron window (file://). */
export function playUrl(path: string, httpPort: number | null): string {
  if (location.protocol === 'http:' || location.protocol === 'https:') return path;
  return `http://127.0.0.1:${httpPort ?? 8080}${path}`;
}
