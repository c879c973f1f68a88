/**
 * Pure maths between a video tile (CSS pixels) and the camera's normalised frame (0–1, upper-left origin, as in
 * camera_aim / ir_metering_* ): the frame is letterboxed (contained) in the tile at its own aspect ratio.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NormPoint {
  readonly x: number;
  readonly y: number;
}

export interface NormArea extends NormPoint {
  readonly width: number;
  readonly height: number;
}

/** Where a frame of `aspect` (width / height) sits inside a tile, centred, bars left/right or top/bottom. */
export function fitContain(tileW: number, tileH: number, aspect: number): Rect {
  if (tileW <= 0 || tileH <= 0 || !(aspect > 0)) return { x: 0, y: 0, w: 0, h: 0 };
  if (tileW / tileH > aspect) {
    const w = tileH * aspect;
    return { x: (tileW - w) / 2, y: 0, w, h: tileH };
  }
  const h = tileW / aspect;
  return { x: 0, y: (tileH - h) / 2, w: tileW, h };
}

export const toPixel = (r: Rect, p: NormPoint): { x: number; y: number } => ({ x: r.x + p.x * r.w, y: r.y + p.y * r.h });

export const areaToPixels = (r: Rect, a: NormArea): Rect => ({ x: r.x + a.x * r.w, y: r.y + a.y * r.h, w: a.width * r.w, h: a.height * r.h });

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Tile pixel → normalised frame point; null on the letterbox bars. */
export function toNormalized(r: Rect, px: number, py: number): NormPoint | null {
  if (r.w <= 0 || r.h <= 0) return null;
  const x = (px - r.x) / r.w;
  const y = (py - r.y) / r.h;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x: round6(x), y: round6(y) };
}

/** The normalised area spanned by two tile pixels (a drag), clamped to the frame; null when the start is on a bar. */
export function dragArea(r: Rect, from: { x: number; y: number }, to: { x: number; y: number }): NormArea | null {
  const a = toNormalized(r, from.x, from.y);
  if (!a) return null;
  const bx = clamp01((to.x - r.x) / r.w);
  const by = clamp01((to.y - r.y) / r.h);
  const x = Math.min(a.x, bx);
  const y = Math.min(a.y, by);
  return { x: round6(x), y: round6(y), width: round6(Math.abs(bx - a.x)), height: round6(Math.abs(by - a.y)) };
}

/**
 * Drag on the view → gimbal speeds: dragging across the whole frame in one second asks for `fullFrameDegS`.
 * Dragging right turns right (yaw +), dragging down tilts down (pitch −).
 */
export function dragSpeeds(r: Rect, dxPx: number, dyPx: number, dtMs: number, fullFrameDegS: number): { yaw_speed: number; pitch_speed: number } {
  const s = dtMs > 0 ? 1000 / dtMs : 0;
  const yaw = r.w > 0 ? (dxPx / r.w) * fullFrameDegS * s : 0;
  const pitch = r.h > 0 ? (-dyPx / r.h) * fullFrameDegS * s : 0;
  const lim = (v: number): number => Math.round(Math.max(-fullFrameDegS, Math.min(fullFrameDegS, v)) * 100) / 100;
  return { yaw_speed: lim(yaw), pitch_speed: lim(pitch) };
}
