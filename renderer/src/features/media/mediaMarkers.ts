/**
 * Each listed item with a capture position as a point on the globe (through the map's generic `mapWidget` hook;
 * no change to the map feature). Clicking one selects it in the library. Exposes read-only marker positions on
 * `window.__outpostMedia` for the e2e test, read back from the Cesium entities themselves.
 */
import { Cartesian3, Cartographic, Color, Math as CesiumMath, type CesiumWidget, type Entity } from '@cesium/engine';
import type { MediaItem } from '../../../../shared/ipc/media';
import { mapClicks, mapWidget } from '../map/mapClicks';
import { mediaStore, selectMedia } from './mediaStore';

const PREFIX = 'media:';

declare global {
  interface Window {
    __outpostMedia?: { readonly markers: () => { id: number; lat: number; lng: number }[] };
  }
}

export function mountMediaMarkers(): () => void {
  const placed = new Map<number, Entity>();
  let widget: CesiumWidget | null = null;

  const sync = (): void => {
    const w = mapWidget.getState().widget;
    if (w !== widget) {
      clear();
      widget = w;
    }
    if (!widget) return;
    const { items, selected } = mediaStore.getState();
    const want = new Map<number, MediaItem>(items.filter((i) => i.lat !== null && i.lng !== null).map((i) => [i.id, i]));
    for (const [id, e] of placed) {
      if (want.has(id)) continue;
      widget.entities.remove(e);
      placed.delete(id);
    }
    for (const [id, i] of want) {
      const color = id === selected ? Color.YELLOW : i.kind === 'video' ? Color.ORANGE : Color.CYAN;
      const e = placed.get(id);
      if (e) {
        if (e.point) e.point.color = color as never;
        continue;
      }
      const added = widget.entities.add({
        id: `${PREFIX}${id}`,
        position: Cartesian3.fromDegrees(i.lng!, i.lat!, i.absoluteAltitude ?? 0),
        point: { pixelSize: 9, color, outlineColor: Color.BLACK, outlineWidth: 1, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      });
      placed.set(id, added);
    }
    widget.scene.requestRender();
  };

  const clear = (): void => {
    for (const e of placed.values()) widget?.entities.remove(e);
    placed.clear();
  };

  const markers = (): { id: number; lat: number; lng: number }[] => {
    const now = widget?.clock.currentTime;
    return [...placed].flatMap(([id, e]) => {
      const p = now ? e.position?.getValue(now) : undefined;
      if (!p) return [];
      const c = Cartographic.fromCartesian(p);
      return [{ id, lat: CesiumMath.toDegrees(c.latitude), lng: CesiumMath.toDegrees(c.longitude) }];
    });
  };
  const hook = { markers };
  window.__outpostMedia = hook;

  const unsubs = [
    mediaStore.subscribe(sync),
    mapWidget.subscribe(sync),
    mapClicks.subscribe((s) => {
      const id = s.last?.entityId;
      if (id?.startsWith(PREFIX)) selectMedia(Number(id.slice(PREFIX.length)));
    }),
  ];
  sync();
  return () => {
    for (const u of unsubs) u();
    clear();
    if (window.__outpostMedia === hook) delete window.__outpostMedia;
  };
}

/** Points the camera at an item's capture position. */
export function flyToMedia(i: MediaItem): void {
  const w = mapWidget.getState().widget;
  if (!w || i.lat === null || i.lng === null) return;
  w.camera.flyTo({ destination: Cartesian3.fromDegrees(i.lng, i.lat, (i.absoluteAltitude ?? 0) + 600), duration: 1 });
}
