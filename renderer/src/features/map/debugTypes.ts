/** Shape of the read-only e2e hook `window.__outpost` (no DOM types, so node-side tests can import it). */

export interface EntityFix {
  readonly lon: number;
  readonly lat: number;
  readonly height: number;
}

export interface OutpostDebugHook {
  /** Position of every device entity on the globe, read back from Cesium. */
  entityPositions(): Record<string, EntityFix>;
  /** Emits `devices-changed` (detail: [{sn, online, deviceClass}]), `entity-moved` (detail: {sn, lon, lat, height}) and `map-drawing` (detail: {drawing}: false while a full-window layer covers the globe). */
  readonly events: EventTarget;
}
