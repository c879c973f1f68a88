/** Shape of the read-only e2e hook `window.__outpostMissions` (no DOM types, so node-side tests can import it). */
import type { FlightTask } from '../../../../shared/ipc/missions';
import type { RouteDraft } from '../../../../shared/wpml';

export interface MissionsDebugHook {
  /** Window (CSS pixel) coordinates of lon/lat/ellipsoid height, or null when off screen. */
  toWindow(lon: number, lat: number, height: number): { x: number; y: number } | null;
  /** An entity's position as Cesium holds it (e.g. `mission:wp:2`: where the waypoint is drawn), ellipsoid height; null if absent. */
  entityPosition(id: string): { lon: number; lat: number; height: number } | null;
  /** The camera: position (Earth-fixed metres) and orientation (radians), to tell whether the view moved. */
  camera(): { x: number; y: number; z: number; heading: number; pitch: number; roll: number } | null;
  /** Frames the globe has drawn since the hook was installed (Cesium scene.postRender events). */
  framesRendered(): number;
  /** Id of the entity under a window point (what a press there would pick), or null. */
  entityAt(x: number, y: number): string | null;
  draft(): RouteDraft;
  tasks(): FlightTask[];
}
