/** Tile text: unknown is "--", never 0. */
export const dash = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined || Number.isNaN(v) ? '--' : `${Math.round(v)}${unit}`);

export const resolution = (w: number | null | undefined, h: number | null | undefined): string => (w && h ? `${w}×${h}` : '--');

/** Where playback lives: same origin in serve mode; the engine on loopback in the Electron window (file://). */
export function playUrl(path: string, httpPort: number | null): string {
  if (location.protocol === 'http:' || location.protocol === 'https:') return path;
  return `http://127.0.0.1:${httpPort ?? 8080}${path}`;
}
