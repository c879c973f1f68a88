/**
 * drc/down messages as the docs spell them (envelope `seq` next to `method`/`data`; Dock 2
 * 180.remote-control.md), and tolerant readers for the drc/up pushes (110.drc.md).
 */
import type { DrcOsdInfo, DrcTelemetry } from '../../../shared/ipc/drc';

export const drcDownTopic = (gateway: string): string => `thing/product/${gateway}/drc/down`;
export const drcUpTopic = (gateway: string): string => `thing/product/${gateway}/drc/up`;

export function drcDown(method: string, seq: number, data: unknown, timestamp: number): string {
  return JSON.stringify({ method, seq, timestamp, data });
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** heart_beat `data.timestamp` (echoed or the device's own). */
export function heartbeatTimestamp(data: unknown): number | null {
  return num(obj(data)?.timestamp);
}

export function readOsdInfo(data: unknown): DrcOsdInfo | null {
  const d = obj(data);
  if (!d) return null;
  const lat = num(d.latitude);
  const lon = num(d.longitude);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const o: { -readonly [K in keyof DrcOsdInfo]: DrcOsdInfo[K] } = {
    attitude_head: num(d.attitude_head) ?? 0,
    latitude: lat,
    longitude: lon,
    height: num(d.height) ?? 0,
    speed_x: num(d.speed_x) ?? 0,
    speed_y: num(d.speed_y) ?? 0,
    speed_z: num(d.speed_z) ?? 0,
  };
  for (const k of ['gimbal_pitch', 'gimbal_roll', 'gimbal_yaw'] as const) {
    const v = num(d[k]);
    if (v !== null) o[k] = v;
  }
  return o;
}

/** The docs' example says `around_distance`, the table `around_distances`: accept both. */
export function readHsiInfo(data: unknown): DrcTelemetry['hsi'] | null {
  const d = obj(data);
  if (!d) return null;
  const around = Array.isArray(d.around_distances) ? d.around_distances : Array.isArray(d.around_distance) ? d.around_distance : [];
  return { around_distances: around.map((v) => num(v) ?? 0), up_distance: num(d.up_distance), down_distance: num(d.down_distance) };
}

export function readDelayInfo(data: unknown): DrcTelemetry['delay'] | null {
  const d = obj(data);
  if (!d) return null;
  const list = Array.isArray(d.liveview_delay_list) ? d.liveview_delay_list : [];
  const liveview = list.flatMap((x) => {
    const o = obj(x);
    const delay = num(o?.liveview_delay_time);
    return o && typeof o.video_id === 'string' && delay !== null ? [{ video_id: o.video_id, delay }] : [];
  });
  return { sdr_cmd_delay: num(d.sdr_cmd_delay), liveview };
}
