/** Which video codec an FLV/enhanced-RTMP video tag carries (FLV spec codec ids; enhanced RTMP FourCCs). */
const FOURCC: Readonly<Record<string, string>> = { hvc1: 'hevc', av01: 'av1', vp09: 'vp9' };
const LEGACY: Readonly<Record<number, string>> = { 7: 'h264', 12: 'hevc' };

export function videoCodecOf(codecId: number): string | null {
  if (LEGACY[codecId]) return LEGACY[codecId];
  const cc = String.fromCharCode((codecId >>> 24) & 0xff, (codecId >>> 16) & 0xff, (codecId >>> 8) & 0xff, codecId & 0xff);
  return FOURCC[cc] ?? null;
}
