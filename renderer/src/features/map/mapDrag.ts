/**
 * Generic entity dragging for other features: a left press on an entity the feature accepts starts a drag (the
 * camera stops following the mouse until release), each move reports where on the globe the cursor is (globe.pick,
 * else camera.pickEllipsoid: exact under software GL, unlike scene.pickPosition), and the release ends it.
 */
import { Cartesian2, Cartographic, Math as CesiumMath, ScreenSpaceEventHandler, ScreenSpaceEventType, type CesiumWidget } from '@cesium/engine';

export interface GroundPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoid height at the cursor (≈ 0 on the offline ellipsoid terrain). */
  readonly height: number;
}

export interface EntityDragOptions {
  /** Whether the entity with this id may be dragged. */
  readonly accepts: (entityId: string) => boolean;
  readonly onMove: (entityId: string, at: GroundPoint) => void;
  readonly onEnd?: (entityId: string, at: GroundPoint | null) => void;
}

export function groundAt(widget: CesiumWidget, at: Cartesian2): GroundPoint | null {
  const ray = widget.camera.getPickRay(at);
  const hit = (ray && widget.scene.globe.pick(ray, widget.scene)) ?? widget.camera.pickEllipsoid(at);
  if (!hit) return null;
  const c = Cartographic.fromCartesian(hit);
  return { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height };
}

/** Installs the drag handler on the widget's canvas; returns its removal. */
export function enableEntityDrag(widget: CesiumWidget, o: EntityDragOptions): () => void {
  const handler = new ScreenSpaceEventHandler(widget.canvas);
  const cam = widget.scene.screenSpaceCameraController;
  let dragging: string | null = null;
  let last: GroundPoint | null = null;
  const finish = (): void => {
    if (dragging === null) return;
    const id = dragging;
    dragging = null;
    cam.enableInputs = true;
    o.onEnd?.(id, last);
  };
  handler.setInputAction((e: { position: Cartesian2 }) => {
    const picked: unknown = widget.scene.pick(e.position);
    const id = (picked as { id?: { id?: unknown } } | undefined)?.id?.id;
    if (typeof id !== 'string' || !o.accepts(id)) return;
    dragging = id;
    last = null;
    cam.enableInputs = false;
  }, ScreenSpaceEventType.LEFT_DOWN);
  handler.setInputAction((e: { endPosition: Cartesian2 }) => {
    if (dragging === null) return;
    const at = groundAt(widget, e.endPosition);
    if (!at) return;
    last = at;
    o.onMove(dragging, at);
  }, ScreenSpaceEventType.MOUSE_MOVE);
  handler.setInputAction(finish, ScreenSpaceEventType.LEFT_UP);
  return () => {
    finish();
    if (!handler.isDestroyed()) handler.destroy();
  };
}
