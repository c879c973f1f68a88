/** Engine status (link state, ports, counters) as pushed on `engine:status`. */
import { createStore } from 'zustand/vanilla';
import type { EngineStatus } from '../../../shared/ipc/contract';

export interface EngineState {
  readonly status: EngineStatus | null;
}

export const engineStore = createStore<EngineState>(() => ({ status: null }));
export const setEngineStatus = (status: EngineStatus): void => engineStore.setState({ status });
