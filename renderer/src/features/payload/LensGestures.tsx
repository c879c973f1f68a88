/**
 * Camera gestures over a live tile, reported in the camera's normalised frame (the picture's box inside the tile,
 * letterbox-aware; overlayGeometry): double-click → aim, drag → gimbal speeds or (meter tool) an area, click (meter
 * tool) → a point, wheel → zoom steps. Overlays go in `children`, drawn in the same tile coordinates.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { dragArea, dragSpeeds, toNormalized, type NormArea, type NormPoint, type Rect } from '../live/overlayGeometry';

export interface LensGesturesProps {
  /** Where the picture sits in the tile (CSS pixels from the tile's top-left). */
  readonly frame: Rect;
  /** 'gimbal': drag turns the gimbal; 'meter' (IR): click sets a point, drag an area. */
  readonly tool: 'gimbal' | 'meter';
  readonly onAim: (p: NormPoint) => void;
  readonly onDragSpeed: (s: { yaw_speed: number; pitch_speed: number }) => void;
  readonly onPoint?: (p: NormPoint) => void;
  readonly onArea?: (a: NormArea) => void;
  /** +1 zoom in, −1 zoom out. */
  readonly onZoomStep: (dir: 1 | -1) => void;
  readonly children?: ReactNode;
}

/** A drag speed at most every 200 ms (the sim, like the aircraft, turns for a moment per message). */
const DRAG_SEND_MS = 200;
const CLICK_SLOP_PX = 4;
/** How long a click waits to see whether a second one makes it a double-click. */
const DOUBLE_CLICK_MS = 300;
/** One zoom step per wheel notch burst: a trackpad sends dozens of events per flick. */
const WHEEL_STEP_MS = 250;
/** Dragging across the whole frame in one second asks for this gimbal speed (°/s). */
const FULL_FRAME_DEG_S = 30;

export function LensGestures(p: LensGesturesProps) {
  const drag = useRef<{ start: { x: number; y: number }; last: { x: number; y: number; t: number } } | null>(null);
  const lastWheel = useRef(0);
  const pendingPoint = useRef<number | null>(null);
  const cancelPoint = (): void => {
    if (pendingPoint.current !== null) window.clearTimeout(pendingPoint.current);
    pendingPoint.current = null;
  };
  useEffect(() => cancelPoint, []);
  const local = (e: { clientX: number; clientY: number; currentTarget: Element }) => {
    const b = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - b.left, y: e.clientY - b.top };
  };

  return (
    <div
      className={`payload-lens tool-${p.tool}`}
      data-testid="payload-lens-gestures"
      onDoubleClick={(e) => {
        const at = local(e);
        const n = toNormalized(p.frame, at.x, at.y);
        if (!n) return;
        e.stopPropagation(); // an aim, not the wall's "focus this tile"
        cancelPoint();
        p.onAim(n);
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
        p.onDragSpeed(dragSpeeds(p.frame, at.x - d.last.x, at.y - d.last.y, now - d.last.t, FULL_FRAME_DEG_S));
        d.last = { ...at, t: now };
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (!d) return;
        const at = local(e);
        const moved = Math.hypot(at.x - d.start.x, at.y - d.start.y) > CLICK_SLOP_PX;
        if (p.tool === 'gimbal') {
          if (moved) p.onDragSpeed({ yaw_speed: 0, pitch_speed: 0 });
          return;
        }
        if (!moved) {
          const n = toNormalized(p.frame, at.x, at.y);
          cancelPoint();
          // A click is a metering point unless it turns out to be the first half of a double-click (aim).
          if (n) pendingPoint.current = window.setTimeout(() => ((pendingPoint.current = null), p.onPoint?.(n)), DOUBLE_CLICK_MS);
          return;
        }
        const a = dragArea(p.frame, d.start, at);
        if (a && a.width > 0 && a.height > 0) p.onArea?.(a);
      }}
      onPointerCancel={() => (drag.current = null)}
      onWheel={(e) => {
        const now = performance.now();
        if (e.deltaY === 0 || now - lastWheel.current < WHEEL_STEP_MS) return;
        lastWheel.current = now;
        p.onZoomStep(e.deltaY < 0 ? 1 : -1);
      }}
    >
      {p.children}
    </div>
  );
}
