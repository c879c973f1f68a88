/** Read-only e2e hook `window.__outpostPayload`: the payload the panel shows and the last look-at target. */
import { devicesStore } from '../../state/devices';
import { selectPayload } from './selection';
import { payloadUi } from './store';

export interface PayloadDebugHook {
  selection(): ReturnType<typeof selectPayload>;
  target(): ReturnType<typeof payloadUi.getState>['target'];
}

export const installPayloadDebugHook = (): (() => void) => {
  const hook: PayloadDebugHook = Object.freeze({ selection: () => selectPayload(devicesStore.getState()), target: () => payloadUi.getState().target });
  const w = window as unknown as { __outpostPayload?: PayloadDebugHook };
  w.__outpostPayload = hook;
  return () => {
    if (w.__outpostPayload === hook) delete w.__outpostPayload;
  };
};
