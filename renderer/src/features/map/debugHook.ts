/** Installs the read-only e2e hook: Cesium entity positions (read from the entities) and app events. */
import type { EntityFix, OutpostDebugHook } from './debugTypes';

export type { EntityFix, OutpostDebugHook } from './debugTypes';

export const debugEvents = new EventTarget();

export const emitDebug = (type: 'devices-changed' | 'entity-moved' | 'map-drawing', detail: unknown): void => {
  debugEvents.dispatchEvent(new CustomEvent(type, { detail }));
};

export const installDebugHook = (entityPositions: () => Record<string, EntityFix>): (() => void) => {
  const hook: OutpostDebugHook = Object.freeze({ entityPositions, events: debugEvents });
  window.__outpost = hook;
  return () => {
    if (window.__outpost === hook) delete window.__outpost;
  };
};
