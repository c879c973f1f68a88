/**
 * EXIF/XMP readout with exifr: the EXIF GPS block and DJI's `drone-dji` XMP tags (AbsoluteAltitude,
 * RelativeAltitude, GimbalYawDegree/PitchDegree/RollDegree, FlightYawDegree) that DJI cameras write.
 */
import exifr from 'exifr';
import type { MediaMetadata } from '../../../shared/ipc/media';
import { num } from './callback';

type Tags = Record<string, unknown>;

const pickNum = (t: Tags, ...names: string[]): number | null => {
  for (const n of names) {
    const v = num(t[n]);
    if (v !== null) return v;
  }
  return null;
};

export async function readMetadata(file: string): Promise<MediaMetadata | null> {
  let t: Tags | undefined;
  try {
    t = (await exifr.parse(file, { tiff: true, exif: true, gps: true, xmp: true, mergeOutput: true, translateValues: true, reviveValues: true })) as Tags | undefined;
  } catch {
    return null;
  }
  if (!t) return null;
  const date = t.DateTimeOriginal ?? t.CreateDate ?? t.ModifyDate;
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    if (v === null || v === undefined || typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) continue;
    const s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(', ') : String(v);
    if (s.length <= 200) raw[k] = s;
  }
  return {
    make: typeof t.Make === 'string' ? t.Make : null,
    model: typeof t.Model === 'string' ? t.Model : null,
    capturedAt: date instanceof Date ? date.toISOString() : typeof date === 'string' ? date : null,
    latitude: pickNum(t, 'latitude', 'GpsLatitude'),
    longitude: pickNum(t, 'longitude', 'GpsLongitude', 'GpsLongtitude'),
    absoluteAltitude: pickNum(t, 'AbsoluteAltitude', 'GPSAltitude'),
    relativeAltitude: pickNum(t, 'RelativeAltitude'),
    gimbalYaw: pickNum(t, 'GimbalYawDegree'),
    gimbalPitch: pickNum(t, 'GimbalPitchDegree'),
    gimbalRoll: pickNum(t, 'GimbalRollDegree'),
    flightYaw: pickNum(t, 'FlightYawDegree'),
    width: pickNum(t, 'ExifImageWidth', 'ImageWidth'),
    height: pickNum(t, 'ExifImageHeight', 'ImageHeight'),
    raw,
  };
}
