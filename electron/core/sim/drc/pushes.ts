/**
 * drc/up pushes of a simulated aircraft (Dock 2 110.drc.md): osd_info_push, hsi_info_push
 * (one synthetic obstacle, a 25 m mast 60 m north-east of home) and delay_info_push.
 */
import type { FlightSnapshot, Home } from '../flight';
import { offsetToLatLon } from '../geo';

const NO_OBSTACLE_MM = 60_000;
const MAST = { east: 42, north: 42, radiusM: 2, heightM: 25 };

/** speed_x north, speed_y east, speed_z up (m/s): the docs give no axes; Outpost reads |x,y| as horizontal speed. */
export function osdInfo(s: FlightSnapshot, v: { east: number; north: number; up: number }): Record<string, number> {
  return {
    attitude_head: s.heading,
    latitude: s.lat,
    longitude: s.lon,
    height: s.height,
    speed_x: round2(v.north),
    speed_y: round2(v.east),
    speed_z: round2(v.up),
    gimbal_pitch: -30,
    gimbal_roll: 0,
    gimbal_yaw: s.heading,
  };
}

/** 360 distances (mm), clockwise from the nose; the mast shows up when within 60 m and below its top. */
export function hsiInfo(s: FlightSnapshot, home: Home): Record<string, unknown> {
  const around = new Array<number>(360).fill(NO_OBSTACLE_MM);
  const mast = offsetToLatLon(home, MAST.east, MAST.north);
  const dn = (mast.lat - s.lat) * 111_320;
  const de = (mast.lon - s.lon) * 111_320 * Math.cos((s.lat * Math.PI) / 180);
  const dist = Math.hypot(de, dn) - MAST.radiusM;
  if (s.elevation < MAST.heightM && dist < NO_OBSTACLE_MM / 1000) {
    const bearing = (Math.atan2(de, dn) * 180) / Math.PI;
    const rel = Math.round((((bearing - s.heading) % 360) + 360) % 360);
    for (let d = -8; d <= 8; d++) around[(rel + d + 360) % 360] = Math.max(0, Math.round(dist * 1000));
  }
  const flags = Object.fromEntries(['up', 'down', 'left', 'right', 'front', 'back', 'vertical', 'horizontal'].flatMap((k) => [[`${k}_enable`, true], [`${k}_work`, s.airborne]]));
  return { up_distance: NO_OBSTACLE_MM, down_distance: Math.round(Math.max(0, s.elevation) * 1000), around_distances: around, ...flags };
}

export function delayInfo(aircraftSn: string, t: number): Record<string, unknown> {
  const wobble = Math.round(8 * Math.sin(t / 3000));
  return { sdr_cmd_delay: 30 + wobble, liveview_delay_list: [{ video_id: `${aircraftSn}/80-0-0/normal-0`, liveview_delay_time: 180 + 2 * wobble }] };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
