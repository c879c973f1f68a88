/**
 * Look-at from the map: while armed, the next globe click becomes a `camera_look_at` target. The docs ask for the
 * target's ellipsoid height (2–10000 m). Our offline globe has no terrain, so a click lands on the bare ellipsoid
 * (height ≈ 0): then the ground height is taken from the aircraft's dock (its own ellipsoid height), the best local
 * ground reference we have. The target, the line of sight and the laser rangefinder's target are drawn on the globe.
 */
import { Cartesian3, Color, type CesiumWidget, type Entity } from '@cesium/engine';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { rangefinderTarget } from '../../../../shared/protocol/payload/osd';
import { devicesStore, type DevicesState } from '../../state/devices';
import { mapClicks, mapWidget } from '../map/mapClicks';
import { sendCommand } from './actions';
import { selectPayload } from './selection';
import { payloadUi, say } from './store';

export function groundHeight(s: DevicesState, aircraftSn: string, picked: number, terrain: boolean): number {
  if (terrain) return picked;
  const gw = s.devices[aircraftSn]?.gateway;
  const dockH = gw ? s.devices[gw]?.groups.position?.fields.height : undefined;
  return typeof dockH === 'number' ? dockH : picked;
}

export function startLookAt(client: OutpostClient): () => void {
  const offClicks = mapClicks.subscribe((c, prev) => {
    if (!c.last || c.last.seq === prev.last?.seq || !payloadUi.getState().armed) return;
    const s = devicesStore.getState();
    const sel = selectPayload(s);
    payloadUi.setState({ armed: false });
    if (!sel) return say(false, 'Look at: select an aircraft with a camera first');
    const height = Math.round(groundHeight(s, sel.sn, c.last.height, c.last.terrain) * 10) / 10;
    const target = { lon: c.last.lon, lat: c.last.lat, height };
    payloadUi.setState({ target: { ...target, sn: sel.sn } });
    const data = { payload_index: sel.payloadIndex, locked: payloadUi.getState().locked, latitude: round6(target.lat), longitude: round6(target.lon), height };
    void sendCommand(client, sel.sn, { method: 'camera_look_at', data });
  });
  const layer = new SightLayer();
  const redraw = (): void => layer.draw(mapWidget.getState().widget, devicesStore.getState());
  const offs = [offClicks, mapWidget.subscribe(redraw), devicesStore.subscribe(redraw), payloadUi.subscribe(redraw)];
  redraw();
  return () => {
    for (const off of offs) off();
    layer.clear();
  };
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** The look-at target, the line of sight from the aircraft, and the rangefinder target (drawn only when changed). */
class SightLayer {
  private widget: CesiumWidget | null = null;
  private entities: Entity[] = [];
  private key = '';

  draw(widget: CesiumWidget | null, s: DevicesState): void {
    const t = payloadUi.getState().target;
    const ac = t ? s.devices[t.sn]?.groups.position?.fields : undefined;
    const sel = selectPayload(s);
    const rf = sel ? rangefinderTarget(sel.osd) : undefined;
    const key = JSON.stringify([t, ac?.latitude, ac?.longitude, ac?.height, rf]);
    if (widget === this.widget && key === this.key) return;
    this.clear();
    this.widget = widget;
    this.key = key;
    if (!widget) return;
    if (t) {
      const at = Cartesian3.fromDegrees(t.lon, t.lat, t.height);
      this.add(widget, { id: 'payload:look-at', position: at, point: { pixelSize: 10, color: Color.ORANGE, outlineColor: Color.BLACK, outlineWidth: 1 } });
      if (typeof ac?.latitude === 'number' && typeof ac.longitude === 'number' && typeof ac.height === 'number') {
        const from = Cartesian3.fromDegrees(ac.longitude, ac.latitude, ac.height);
        this.add(widget, { id: 'payload:sight', polyline: { positions: [from, at], width: 2, material: Color.ORANGE.withAlpha(0.8) } });
      }
    }
    if (rf) this.add(widget, { id: 'payload:rangefinder', position: Cartesian3.fromDegrees(rf.lon, rf.lat, rf.height), point: { pixelSize: 8, color: Color.RED, outlineColor: Color.WHITE, outlineWidth: 1 } });
    widget.scene.requestRender();
  }

  clear(): void {
    if (this.widget && !this.widget.isDestroyed()) for (const e of this.entities) this.widget.entities.remove(e);
    this.entities = [];
    this.key = '';
  }

  private add(widget: CesiumWidget, opts: Entity.ConstructorOptions): void {
    this.entities.push(widget.entities.add(opts));
  }
}
