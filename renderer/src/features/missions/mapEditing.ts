/**
 * Wires the missions panel to the globe: a click adds a waypoint while drawing (a click on a waypoint selects it),
 * drawn waypoints can be dragged, and the route layer follows the panel, the devices (take-off height) and tasks.
 */
import { Cartesian2, type CesiumWidget } from '@cesium/engine';
import { devicesStore } from '../../state/devices';
import { enableEntityDrag, pointAtHeight } from '../map/mapDrag';
import { mapClicks, mapWidget, type MapClick } from '../map/mapClicks';
import { nextWaypointHeight } from './editor';
import { takeOffOf, waypointEllipsoidHeight } from './geometry';
import { RouteLayer } from './routeLayer';
import { routeViewOf, waypointIndexOf } from './routeView';
import { edit, missionsStore, type MissionsState } from './store';

/**
 * Where a click puts a new waypoint: the place under the cursor at the height the waypoint will be drawn (the
 * dock's ellipsoid height + its height), so it appears where the operator clicked; the ellipsoid under the cursor
 * lies hundreds of metres lower and, seen at an angle, elsewhere.
 */
function placeOf(c: MapClick, m: MissionsState): { lat: number; lon: number } {
  const widget = mapWidget.getState().widget;
  const takeOff = takeOffOf(devicesStore.getState(), m.dockSn);
  const d = m.editor.draft;
  const height = waypointEllipsoidHeight(d, { lat: c.lat, lon: c.lon, height: nextWaypointHeight(d, takeOff) }, takeOff);
  const p = widget && !widget.isDestroyed() ? pointAtHeight(widget, new Cartesian2(c.x, c.y), c, height) : null;
  return p ? { lat: p.lat, lon: p.lon } : { lat: c.lat, lon: c.lon };
}

export function mountMissionsMap(): () => void {
  const layer = new RouteLayer();
  const redraw = (): void => layer.draw(mapWidget.getState().widget, routeViewOf(missionsStore.getState(), devicesStore.getState().devices));

  const offClicks = mapClicks.subscribe((c, prev) => {
    const m = missionsStore.getState();
    if (!c.last || c.last.seq === prev.last?.seq || !m.open || m.view !== 'editor') return;
    const hit = waypointIndexOf(c.last.entityId);
    if (hit !== null) return edit({ type: 'select', index: hit });
    if (m.drawing) edit({ type: 'addWaypoint', ...placeOf(c.last, m), takeOff: takeOffOf(devicesStore.getState(), m.dockSn) });
  });

  let offDrag: (() => void) | null = null;
  let dragWidget: CesiumWidget | null = null;
  const attachDrag = (): void => {
    const w = mapWidget.getState().widget;
    if (w === dragWidget) return;
    offDrag?.();
    offDrag = null;
    dragWidget = w;
    if (!w) return;
    const editing = (): boolean => {
      const m = missionsStore.getState();
      return m.open && m.view === 'editor' && m.editor.draft.waypoints.length > 0;
    };
    offDrag = enableEntityDrag(w, {
      enabled: editing,
      accepts: (id) => waypointIndexOf(id) !== null && editing(),
      onMove: (id, p) => {
        const index = waypointIndexOf(id);
        if (index !== null) edit({ type: 'moveWaypoint', index, lat: p.lat, lon: p.lon });
      },
      onEnd: (id) => edit({ type: 'select', index: waypointIndexOf(id) }),
    });
  };

  const offs = [
    offClicks,
    mapWidget.subscribe(() => (attachDrag(), redraw())),
    missionsStore.subscribe(redraw),
    devicesStore.subscribe((s, p) => s.devices !== p.devices && redraw()),
  ];
  attachDrag();
  redraw();
  return () => {
    for (const off of offs) off();
    offDrag?.();
    layer.clear();
  };
}
