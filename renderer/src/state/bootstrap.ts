/** Wires the client to the stores: snapshot on every (re)connect, then patches and engine status events. */
import type { OutpostClient } from '../../../shared/ipc/contract';
import { connectionStore } from '../ipc/connection';
import { loadSnapshot, receivePatches } from './devices';
import { setEngineStatus } from './engine';

export const bootstrap = (client: OutpostClient): (() => void) => {
  const offPatch = client.on('shadow:patch', receivePatches);
  const offStatus = client.on('engine:status', setEngineStatus);
  const refresh = (): void => {
    // Patches that raced ahead of the snapshot are superseded by it: the snapshot is the newer full truth.
    client.invoke('shadow:snapshot', undefined).then(loadSnapshot, (e: unknown) => console.warn('[state] snapshot failed', e));
    client.invoke('engine:status', undefined).then(setEngineStatus, (e: unknown) => console.warn('[state] status failed', e));
  };
  refresh();
  // After a reconnect the server may have moved on: reload the full snapshot.
  const offConn = connectionStore.subscribe((s, prev) => {
    if (s.state === 'connected' && prev.state !== 'connected' && prev.state !== 'connecting') refresh();
  });
  return () => {
    offPatch();
    offStatus();
    offConn();
  };
};
