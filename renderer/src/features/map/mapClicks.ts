/**
 * Generic map hooks for other features: every left click on the globe as {lon, lat, height} (height above the
 * WGS84 ellipsoid, from globe.pick / camera.pickEllipsoid: exact under software GL, unlike scene.pickPosition),
 * and the globe's widget so a feature can add its own entities (removing them on its own unmount).
 */
import type { CesiumWidget } from '@cesium/engine';
import { createStore } from 'zustand/vanilla';

export interface MapClick {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoid height, metres (0 on the offline ellipsoid terrain). */
  readonly height: number;
  /** False on the bare ellipsoid (no elevation data loaded): then `height` is only the mesh's few-metre error around 0. */
  readonly terrain: boolean;
  /** Where on the canvas (CSS pixels): a feature drawing above the terrain-less ellipsoid intersects its own level there. */
  readonly x: number;
  readonly y: number;
  /** Entity id under the cursor, if the click hit one. */
  readonly entityId: string | null;
  /** Increments on every click, so two clicks on the same spot are two events. */
  readonly seq: number;
}

export const mapClicks = createStore<{ readonly last: MapClick | null }>(() => ({ last: null }));
export const mapWidget = createStore<{ readonly widget: CesiumWidget | null }>(() => ({ widget: null }));

export const publishMapClick = (c: Omit<MapClick, 'seq'>): void => mapClicks.setState((s) => ({ last: { ...c, seq: (s.last?.seq ?? 0) + 1 } }));

/**
 * Full-window layers over the globe (the live wall) cover it while open: the globe stops drawing then, since
 * under software GL each frame costs a large share of a core that the video decoders need.
 */
export const mapCover = createStore<{ readonly layers: number }>(() => ({ layers: 0 }));
export const coverMap = (): (() => void) => {
  mapCover.setState((s) => ({ layers: s.layers + 1 }));
  let done = false;
  return () => {
    if (done) return;
    done = true;
    mapCover.setState((s) => ({ layers: Math.max(0, s.layers - 1) }));
  };
};
