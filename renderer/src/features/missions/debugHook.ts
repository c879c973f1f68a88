/**
 * Read-only e2e hook `window.__outpostMissions`: where a place on the globe is on screen and where an entity is on the
 * globe (so a test can click or drag it like an operator), where the camera is, how many frames the globe has drawn, the
 * route being edited, and the tasks as the panel holds them.
 */
import { Cartesian2, Cartesian3, Cartographic, Math as CesiumMath, SceneTransforms } from '@cesium/engine';
import { mapWidget } from '../map/mapClicks';
import type { MissionsDebugHook } from './debugTypes';
import { missionsStore, taskList } from './store';

export const installMissionsDebugHook = (): (() => void) => {
  // Frames Cesium actually drew (scene.postRender): under requestRenderMode a frame is drawn only when asked for.
  let frames = 0;
  let offFrames: (() => void) | null = null;
  const countFrames = (): void => {
    offFrames?.();
    const w = mapWidget.getState().widget;
    offFrames = w && !w.isDestroyed() ? w.scene.postRender.addEventListener(() => void frames++) : null;
  };
  countFrames();
  const offWidget = mapWidget.subscribe(countFrames);
  const hook: MissionsDebugHook = Object.freeze({
    framesRendered: () => frames,
    toWindow: (lon: number, lat: number, height: number) => {
      const w = mapWidget.getState().widget;
      if (!w || w.isDestroyed()) return null;
      const p = SceneTransforms.worldToWindowCoordinates(w.scene, Cartesian3.fromDegrees(lon, lat, height));
      if (!p) return null;
      const r = w.canvas.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    entityPosition: (id: string) => {
      const w = mapWidget.getState().widget;
      const p = w && !w.isDestroyed() ? w.entities.getById(id)?.position?.getValue(w.clock.currentTime) : undefined;
      if (!p) return null;
      const c = Cartographic.fromCartesian(p);
      return { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height };
    },
    camera: () => {
      const w = mapWidget.getState().widget;
      if (!w || w.isDestroyed()) return null;
      const c = w.camera;
      return { x: c.positionWC.x, y: c.positionWC.y, z: c.positionWC.z, heading: c.heading, pitch: c.pitch, roll: c.roll };
    },
    entityAt: (x: number, y: number) => {
      const w = mapWidget.getState().widget;
      if (!w || w.isDestroyed()) return null;
      const r = w.canvas.getBoundingClientRect();
      const picked: unknown = w.scene.pick(new Cartesian2(x - r.left, y - r.top));
      const id = (picked as { id?: { id?: unknown } } | undefined)?.id?.id;
      return typeof id === 'string' ? id : null;
    },
    draft: () => missionsStore.getState().editor.draft,
    tasks: () => taskList(missionsStore.getState()),
  });
  const g = window as unknown as { __outpostMissions?: MissionsDebugHook };
  g.__outpostMissions = hook;
  return () => {
    offWidget();
    offFrames?.();
    if (g.__outpostMissions === hook) delete g.__outpostMissions;
  };
};
