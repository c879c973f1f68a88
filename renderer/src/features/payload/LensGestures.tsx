/**
 * A lens tile: until the live wall's video tile lands, a placeholder canvas of the same size. It reports gestures in
 * the camera's normalised frame (letterbox-aware): double-click → aim, drag → gimbal speeds or (IR, meter tool) an
 * area, click (IR, meter tool) → a point, wheel → zoom steps. Overlays go in `children`, laid over the same box.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { dragArea, dragSpeeds, fitContain, toNormalized, type NormArea, type NormPoint, type Rect } from './overlayGeometry';

export interface VideoSurfaceProps {
  readonly videoId: string;
  readonly lens: 'ir' | 'wide' | 'zoom';
  readonly width: number;
  readonly height: number;
  /** Frame aspect (width / height): 640×512 IR = 1.25, 16:9 visible. */
  readonly aspect: number;
  /** 'gimbal': drag turns the gimbal; 'meter' (IR): click sets a point, drag an area. */
  readonly tool: 'gimbal' | 'meter';
  readonly onAim?: (p: NormPoint) => void;
  readonly onDragSpeed?: (s: { yaw_speed: number; pitch_speed: number }) => void;
  readonly onPoint?: (p: NormPoint) => void;
  readonly onArea?: (a: NormArea) => void;
  /** +1 zoom in, −1 zoom out. */
  readonly onZoomStep?: (dir: 1 | -1) => void;
  readonly children?: (frame: Rect) => ReactNode;
}

const DRAG_SEND_MS = 200;
const CLICK_SLOP_PX = 4;

export function VideoSurface(p: VideoSurfaceProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = fitContain(p.width, p.height, p.aspect);
  const drag = useRef<{ start: { x: number; y: number }; last: { x: number; y: number; t: number } } | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) paintPlaceholder(ctx, p.width, p.height, frame, p.lens, p.videoId);
  }, [p.width, p.height, p.lens, p.videoId, frame.x, frame.y, frame.w, frame.h]);

  const local = (e: { clientX: number; clientY: number; currentTarget: Element }) => {
    const b = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - b.left, y: e.clientY - b.top };
  };

  return (
    <div
      className={`video-surface lens-${p.lens}`}
      data-testid={`video-${p.lens}`}
      style={{ width: p.width, height: p.height }}
      onDoubleClick={(e) => {
        const at = local(e);
        const n = toNormalized(frame, at.x, at.y);
        if (n) p.onAim?.(n);
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        const at = local(e);
        drag.current = { start: at, last: { ...at, t: performance.now() } };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || p.tool !== 'gimbal') return;
        const at = local(e);
        const now = performance.now();
        if (now - d.last.t < DRAG_SEND_MS) return;
        p.onDragSpeed?.(dragSpeeds(frame, at.x - d.last.x, at.y - d.last.y, now - d.last.t, 30));
        d.last = { ...at, t: now };
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (!d) return;
        const at = local(e);
        const moved = Math.hypot(at.x - d.start.x, at.y - d.start.y) > CLICK_SLOP_PX;
        if (p.tool === 'gimbal') {
          if (moved) p.onDragSpeed?.({ yaw_speed: 0, pitch_speed: 0 });
          return;
        }
        if (!moved) {
          const n = toNormalized(frame, at.x, at.y);
          if (n) p.onPoint?.(n);
          return;
        }
        const a = dragArea(frame, d.start, at);
        if (a && a.width > 0 && a.height > 0) p.onArea?.(a);
      }}
      onWheel={(e) => p.onZoomStep?.(e.deltaY < 0 ? 1 : -1)}
    >
      <canvas ref={canvas} width={p.width} height={p.height} />
      <div className="video-overlay">{p.children?.(frame)}</div>
    </div>
  );
}

/** Letterbox bars and a neutral frame, so the geometry is visible without video. */
function paintPlaceholder(ctx: CanvasRenderingContext2D, w: number, h: number, f: Rect, lens: string, videoId: string): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, w, h);
  const g = ctx.createLinearGradient(f.x, f.y, f.x + f.w, f.y + f.h);
  g.addColorStop(0, lens === 'ir' ? '#2a0845' : '#1d2b36');
  g.addColorStop(1, lens === 'ir' ? '#c9501c' : '#3b5566');
  ctx.fillStyle = g;
  ctx.fillRect(f.x, f.y, f.w, f.h);
  ctx.fillStyle = 'rgba(255,255,255,0.6)';
  ctx.font = '11px sans-serif';
  ctx.fillText(`${lens.toUpperCase()} · no video yet (${videoId})`, f.x + 6, f.y + f.h - 8);
}
