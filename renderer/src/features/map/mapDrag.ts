/**
 * Generic entity dragging for other features. A left press on an entity the feature accepts is taken before Cesium
 * sees it (a capture listener on the globe's container), and so are the moves and the release of that pointer: the
 * camera neither pans during the drag nor spins on after it (its controller replays the last movement of a press
 * shorter than 0.4 s as inertia), and no click follows. The entity moves in the horizontal plane at its own height,
 * keeping the offset at which it was grabbed, so it stays under the cursor even when it is drawn hundreds of metres
 * above the terrain-less ellipsoid (a take-off point's height plus the waypoint's). Picking uses the ray and that
 * plane only: exact under software GL, unlike scene.pickPosition.
 */
import { Cartesian2, Cartesian3, Cartographic, Entity, IntersectionTests, Math as CesiumMath, Plane, type CesiumWidget } from '@cesium/engine';

export interface DragPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoid height of the plane the entity moves in: its own height when the press began. */
  readonly height: number;
}

export interface EntityDragOptions {
  /** Whether presses should be picked at all now (a pick draws a frame: skip it while nothing can be dragged). */
  readonly enabled?: () => boolean;
  /** Whether the entity with this id may be dragged. */
  readonly accepts: (entityId: string) => boolean;
  readonly onMove: (entityId: string, at: DragPoint) => void;
  /** The release (or a lost pointer): `at` is the last reported point, null when the entity was pressed but not moved. */
  readonly onEnd?: (entityId: string, at: DragPoint | null) => void;
}

interface Drag {
  readonly id: string;
  readonly pointerId: number;
  readonly plane: Plane;
  /** Entity position − the point on the plane under the press. */
  readonly grab: Cartesian3;
  last: DragPoint | null;
}

/** Where the ray through the canvas point `at` meets `plane` (null when it runs parallel or away from it). */
export function pointOnPlane(widget: CesiumWidget, at: Cartesian2, plane: Plane): Cartesian3 | null {
  const ray = widget.camera.getPickRay(at);
  return (ray && IntersectionTests.rayPlane(ray, plane)) || null;
}

/** The horizontal plane (tangent to the ellipsoid's surface normal) through `p`. */
export function horizontalPlaneAt(widget: CesiumWidget, p: Cartesian3): Plane {
  return Plane.fromPointNormal(p, widget.scene.globe.ellipsoid.geodeticSurfaceNormal(p, new Cartesian3()));
}

/**
 * The place under the canvas point `at` on the level `height` (ellipsoid metres) around `near`: where something
 * drawn at that height appears under the cursor. Null when the ray misses that level (towards the horizon).
 */
export function pointAtHeight(widget: CesiumWidget, at: Cartesian2, near: { readonly lon: number; readonly lat: number }, height: number): DragPoint | null {
  const hit = pointOnPlane(widget, at, horizontalPlaneAt(widget, Cartesian3.fromDegrees(near.lon, near.lat, height)));
  const c = hit ? Cartographic.fromCartesian(hit) : undefined;
  return c ? { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height } : null;
}

/** Installs the drag handling on the widget's container; returns its removal. */
export function enableEntityDrag(widget: CesiumWidget, o: EntityDragOptions): () => void {
  const canvas = widget.canvas;
  const host = widget.container;
  let drag: Drag | null = null;

  const canvasPoint = (e: PointerEvent): Cartesian2 => {
    const r = canvas.getBoundingClientRect();
    return new Cartesian2(e.clientX - r.left, e.clientY - r.top);
  };
  const swallow = (e: Event): void => {
    e.stopPropagation();
    e.preventDefault();
  };
  const finish = (): void => {
    const d = drag;
    if (!d) return;
    drag = null;
    if (canvas.hasPointerCapture(d.pointerId)) canvas.releasePointerCapture(d.pointerId);
    o.onEnd?.(d.id, d.last);
  };

  const onDown = (e: PointerEvent): void => {
    if (drag || e.button !== 0 || !e.isPrimary || e.target !== canvas || widget.isDestroyed() || (o.enabled && !o.enabled())) return;
    const at = canvasPoint(e);
    const picked: unknown = widget.scene.pick(at);
    const entity = (picked as { id?: unknown } | undefined)?.id;
    if (!(entity instanceof Entity) || !o.accepts(entity.id)) return;
    const position = entity.position?.getValue(widget.clock.currentTime);
    if (!position) return;
    const plane = horizontalPlaneAt(widget, position);
    const under = pointOnPlane(widget, at, plane);
    drag = { id: entity.id, pointerId: e.pointerId, plane, grab: under ? Cartesian3.subtract(position, under, new Cartesian3()) : new Cartesian3(), last: null };
    swallow(e);
    canvas.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent): void => {
    const d = drag;
    if (!d || e.pointerId !== d.pointerId) return;
    swallow(e);
    const hit = pointOnPlane(widget, canvasPoint(e), d.plane);
    const c = hit ? Cartographic.fromCartesian(Cartesian3.add(hit, d.grab, hit)) : undefined;
    if (!c) return;
    d.last = { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height };
    o.onMove(d.id, d.last);
  };
  const onUp = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    swallow(e);
    finish();
  };

  const listeners: readonly [string, (e: PointerEvent) => void][] = [
    ['pointerdown', onDown],
    ['pointermove', onMove],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['lostpointercapture', (e) => e.pointerId === drag?.pointerId && finish()],
  ];
  for (const [type, fn] of listeners) host.addEventListener(type, fn as EventListener, true);
  return () => {
    for (const [type, fn] of listeners) host.removeEventListener(type, fn as EventListener, true);
    finish();
  };
}
