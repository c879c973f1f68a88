/** Shape of the read-only e2e hook `window.__outpostMissions` (no DOM types, so node-side tests can import it). */
import type { FlightTask } from '../../../../shared/ipc/missions';
import type { RouteDraft } from '../../../../shared/wpml';

export interface MissionsDebugHook {
  /** Window (CSS pixel) coordinates of lon/lat/ellipsoid height, or null when off screen. */
  toWindow(lon: number, lat: number, height: number): { x: number; y: number } | null;
  /** Id of the entity under a window point (what a press there would pick), or null. */
  entityAt(x: number, y: number): string | null;
  draft(): RouteDraft;
  tasks(): FlightTask[];
}
