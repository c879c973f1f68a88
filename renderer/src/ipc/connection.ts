/** Connection-state store shared by the status bar and the bootstrap (re-snapshot after reconnect). */
import { createStore } from 'zustand/vanilla';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

export interface ConnectionInfo {
  readonly state: ConnectionState;
  /** Transport in use: the Electron preload bridge or the serve-mode WebSocket. */
  readonly transport: 'electron' | 'websocket';
  /** Consecutive failed attempts since the last successful open. */
  readonly attempts: number;
  readonly since: number;
}

export const connectionStore = createStore<ConnectionInfo>(() => ({
  state: 'connecting',
  transport: 'websocket',
  attempts: 0,
  since: Date.now(),
}));

export const setConnection = (patch: Partial<ConnectionInfo>): void => {
  const prev = connectionStore.getState();
  const stateChanged = patch.state !== undefined && patch.state !== prev.state;
  connectionStore.setState({ ...patch, ...(stateChanged ? { since: Date.now() } : {}) });
};
