/** Display helpers for the media library ("--" for unknown, never 0). */
export const dash = (v: number | null | undefined, digits = 1, unit = ''): string => (v === null || v === undefined ? '--' : `${v.toFixed(digits)}${unit}`);

export const when = (ms: number | null): string => (ms === null ? '--' : new Date(ms).toLocaleString());

export function bytes(n: number | null): string {
  if (n === null) return '--';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export const shortId = (s: string): string => (s.length > 12 ? `${s.slice(0, 8)}…` : s);
