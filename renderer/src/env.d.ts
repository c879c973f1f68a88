/** Globals the renderer sees: the Electron preload bridge, Cesium's base URL and the e2e debug hook. */
import type { OutpostBridge } from '../../shared/ipc/contract';
import type { OutpostDebugHook } from './features/map/debugTypes';

declare global {
  interface Window {
    /** Exposed by electron/preload through contextBridge (one function per channel); absent in a plain browser (serve mode). */
    readonly outpostBridge?: OutpostBridge;
    /** Read by Cesium's buildModuleUrl to find Workers/Assets/ThirdParty/Widgets. */
    CESIUM_BASE_URL?: string;
    /** Read-only hook for end-to-end tests (entity positions and app events). */
    __outpost?: OutpostDebugHook;
  }
}

export {};
