/** Pure: what the route layer shows for the panel's state (the draft while editing, else the shown or followed route). */
import type { DeviceMap } from '../../state/reducer';
import { draftPositions, pathPositions, takeOffOf, type GeoPoint } from './geometry';
import type { MissionsState } from './store';

export const WAYPOINT_PREFIX = 'mission:wp:';

export const waypointIndexOf = (entityId: string | null): number | null => {
  if (!entityId?.startsWith(WAYPOINT_PREFIX)) return null;
  const n = Number(entityId.slice(WAYPOINT_PREFIX.length));
  return Number.isInteger(n) && n >= 0 ? n : null;
};

export interface RouteView {
  readonly points: readonly GeoPoint[];
  /** Level the drop lines reach (the take-off point's ellipsoid height). */
  readonly groundHeight: number;
  /** Drawn route (editable, draggable) or a stored one. */
  readonly editable: boolean;
  readonly selected: number | null;
  /** Index of the waypoint the followed task flies to. */
  readonly current: number | null;
}

export function routeViewOf(m: MissionsState, devices: DeviceMap): RouteView | null {
  if (!m.open) return null;
  if (m.view === 'editor') {
    const t = takeOffOf({ devices }, m.dockSn);
    return { points: draftPositions(m.editor.draft, t), groundHeight: t?.height ?? 0, editable: true, selected: m.editor.selected, current: null };
  }
  const task = m.watching ? m.tasks[m.watching] : undefined;
  const shown = m.shown;
  if (!shown) return null;
  // A followed task's route is measured from its own dock.
  const dock = task && task.waylineId === shown.id ? task.gateway : m.dockSn;
  const t = takeOffOf({ devices }, dock);
  const current = task && task.waylineId === shown.id && task.waypointIndex !== null ? task.waypointIndex : null;
  return { points: pathPositions(shown.path, shown.heightMode, t), groundHeight: t?.height ?? 0, editable: false, selected: null, current };
}
