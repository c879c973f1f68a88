/** React bindings for the vanilla stores; components use these, the globe subscribes directly. */
import { useStore } from 'zustand';
import { connectionStore, type ConnectionInfo } from '../ipc/connection';
import { devicesStore, type DevicesState } from './devices';
import { engineStore, type EngineState } from './engine';

export const useDevices = <T>(pick: (s: DevicesState) => T): T => useStore(devicesStore, pick);
export const useConnection = <T>(pick: (s: ConnectionInfo) => T): T => useStore(connectionStore, pick);
export const useEngine = <T>(pick: (s: EngineState) => T): T => useStore(engineStore, pick);
