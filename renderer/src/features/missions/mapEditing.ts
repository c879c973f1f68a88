/**
 * Wires the missions panel to the globe: a click adds a waypoint while drawing (a click on a waypoint selects it),
 * drawn waypoints can be dragged, and the route layer follows the panel, the devices (take-off height) and tasks.
 */
import type { CesiumWidget } from '@cesium/engine';
import { devicesStore } from '../../state/devices';
import { enableEntityDrag } from '../map/mapDrag';
import { mapClicks, mapWidget } from '../map/mapClicks';
import { takeOffOf } from './geometry';
import { RouteLayer } from './routeLayer';
import { routeViewOf, waypointIndexOf } from './routeView';
import { edit, missionsStore } from './store';

export function mountMissionsMap(): () => void {
  const layer = new RouteLayer();
  const redraw = (): void => layer.draw(mapWidget.getState().widget, routeViewOf(missionsStore.getState(), devicesStore.getState().devices));

  const offClicks = mapClicks.subscribe((c, prev) => {
    const m = missionsStore.getState();
    if (!c.last || c.last.seq === prev.last?.seq || !m.open || m.view !== 'editor') return;
    const hit = waypointIndexOf(c.last.entityId);
    if (hit !== null) return edit({ type: 'select', index: hit });
    if (m.drawing) edit({ type: 'addWaypoint', lat: c.last.lat, lon: c.last.lon, takeOff: takeOffOf(devicesStore.getState(), m.dockSn) });
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
    offDrag = enableEntityDrag(w, {
      accepts: (id) => waypointIndexOf(id) !== null && missionsStore.getState().view === 'editor',
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
