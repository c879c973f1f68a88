/** Where the RTMP ingest binds (the broker's host) and the address devices are told to push to. */
import { networkInterfaces } from 'node:os';

const ANY = new Set(['0.0.0.0', '::', '']);

export function bindHost(brokerHost: string | null): string {
  return brokerHost ?? '0.0.0.0';
}

/** advertisedHost (Settings) wins; else the bind address when it is specific; else the first LAN IPv4. */
export function pushHost(advertised: string | null, bind: string): string {
  if (advertised) return advertised;
  if (!ANY.has(bind)) return bind;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}
