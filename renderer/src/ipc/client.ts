/** The one client the renderer talks to: the Electron preload bridge if present, else the serve-mode WebSocket. */
import { clientFromBridge, type OutpostClient } from '../../../shared/ipc/contract';
import { setConnection } from './connection';
import { createWsClient } from './wsClient';

let client: OutpostClient | null = null;

/** `ws(s)://<this host>/ipc`; the auth cookie rides along on the upgrade, so the client sends no token. */
export const ipcUrl = (loc: Pick<Location, 'protocol' | 'host'> = location): string =>
  `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ipc`;

export const getClient = (): OutpostClient => {
  if (client) return client;
  if (window.outpostBridge) {
    // Electron: the preload exposes one function per channel; adapt it to the one client interface.
    setConnection({ state: 'connected', transport: 'electron', attempts: 0 });
    client = clientFromBridge(window.outpostBridge);
    return client;
  }
  setConnection({ state: 'connecting', transport: 'websocket', attempts: 0 });
  client = createWsClient({
    url: ipcUrl(),
    onState: (state, attempts) => setConnection({ state, attempts }),
  });
  return client;
};
