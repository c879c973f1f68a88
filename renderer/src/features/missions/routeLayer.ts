/**
 * The route on the globe, in 3D: the line at take-off height + each waypoint's height (geometry.ts), a drop line
 * from each waypoint to the take-off level, numbered points (the drawn route's are draggable: `mission:wp:<i>`),
 * and the waypoint the followed task is flying to, highlighted. Redrawn only when what it shows changed.
 */
import { Cartesian3, Color, LabelStyle, VerticalOrigin, Cartesian2, type CesiumWidget, type Entity } from '@cesium/engine';
import type { GeoPoint } from './geometry';
import { WAYPOINT_PREFIX, type RouteView } from './routeView';

const LINE = Color.fromCssColorString('#35d0ff');
const CURRENT = Color.fromCssColorString('#ffd34d');
const SELECTED = Color.fromCssColorString('#ff8c3a');
const at = (p: GeoPoint, h = p.height): Cartesian3 => Cartesian3.fromDegrees(p.lon, p.lat, h);

export class RouteLayer {
  private widget: CesiumWidget | null = null;
  private entities: Entity[] = [];
  private key = '';

  draw(widget: CesiumWidget | null, v: RouteView | null): void {
    const key = JSON.stringify(v);
    if (widget === this.widget && key === this.key) return;
    this.clear();
    this.widget = widget;
    this.key = key;
    if (!widget || widget.isDestroyed() || !v || v.points.length === 0) return;
    if (v.points.length > 1) {
      this.add(widget, { id: 'mission:path', polyline: { positions: v.points.map((p) => at(p)), width: 3, material: LINE } });
    }
    v.points.forEach((p, i) => {
      const current = v.current === i;
      const color = current ? CURRENT : v.selected === i ? SELECTED : v.editable ? Color.WHITE : LINE;
      this.add(widget, { id: `mission:drop:${i}`, polyline: { positions: [at(p, v.groundHeight), at(p)], width: 1, material: color.withAlpha(0.6) } });
      this.add(widget, {
        id: v.editable ? `${WAYPOINT_PREFIX}${i}` : `mission:route-wp:${i}`,
        position: at(p),
        point: { pixelSize: current ? 16 : 11, color, outlineColor: Color.BLACK, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
        label: {
          text: String(i + 1),
          font: '12px sans-serif',
          fillColor: Color.WHITE,
          outlineColor: Color.BLACK,
          outlineWidth: 3,
          style: LabelStyle.FILL_AND_OUTLINE,
          verticalOrigin: VerticalOrigin.BOTTOM,
          pixelOffset: new Cartesian2(0, -10),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
      });
    });
    widget.scene.requestRender();
  }

  clear(): void {
    if (this.widget && !this.widget.isDestroyed()) {
      for (const e of this.entities) this.widget.entities.remove(e);
      this.widget.scene.requestRender();
    }
    this.entities = [];
    this.key = '';
  }

  private add(widget: CesiumWidget, opts: Entity.ConstructorOptions): void {
    this.entities.push(widget.entities.add(opts));
  }
}
