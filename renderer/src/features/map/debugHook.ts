/** Read-only hook for end-to-end tests: Cesium entity positions (read from the entities) and app events. */

export interface EntityFix {
  readonly lon: number;
  readonly lat: number;
  readonly height: number;
}

export interface OutpostDebugHook {
  /** Position of every device entity on the globe, read back from Cesium. */
  entityPositions(): Record<string, EntityFix>;
  /** Emits `devices-changed` (detail: SN list) and `entity-moved` (detail: {sn, lon, lat, height}). */
  readonly events: EventTarget;
}

export const debugEvents = new EventTarget();

export const emitDebug = (type: 'devices-changed' | 'entity-moved', detail: unknown): void => {
  debugEvents.dispatchEvent(new CustomEvent(type, { detail }));
};

export const installDebugHook = (entityPositions: () => Record<string, EntityFix>): (() => void) => {
  const hook: OutpostDebugHook = Object.freeze({ entityPositions, events: debugEvents });
  window.__outpost = hook;
  return () => {
    if (window.__outpost === hook) delete window.__outpost;
  };
};
