/** Command-line arguments of the headless engine / serve mode (`npm run serve -- …`). */
import { parseArgs } from 'node:util';
import { appError, err, ok, type Result } from '../../../shared/util/result';

export interface ServeArgs {
  readonly dataDir: string;
  readonly host: string;
  readonly mqttHost: string;
  readonly mqttPort: number | undefined;
  readonly wsPort: number | undefined;
  readonly httpPort: number | undefined;
  readonly deviceUser: string | undefined;
  readonly devicePass: string | undefined;
  readonly apiToken: string | undefined;
  readonly simulate: number;
  readonly simulateKind: string;
  readonly simulateOsdHz: number | undefined;
  readonly broker: 'embedded' | 'remote' | undefined;
  readonly remoteUrl: string | undefined;
  readonly rendererDir: string | undefined;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run serve -- [options]
  --data-dir DIR        where settings, the database and the API token live (default ./.data)
  --host ADDR           HTTP / IPC bind address (default 127.0.0.1; 0.0.0.0 to share with the command post)
  --http-port N         HTTP port (default 8080; 0 = any free port)
  --mqtt-host ADDR      embedded broker bind address (default 0.0.0.0, so docks on the LAN can connect)
  --mqtt-port N         embedded broker MQTT/TCP port (default 1883; 0 = any free port)
  --ws-port N           embedded broker MQTT over WebSocket port (default 8083; 0 = off)
  --device-user NAME    the username devices log in with
  --device-pass SECRET  the password devices log in with
  --api-token T         token for the HTTP API, the browser login and IPC (default: kept in DATA_DIR/api-token)
  --broker MODE         embedded | remote
  --remote-url URL      remote broker, e.g. mqtt://10.0.0.5:1883
  --simulate N          start N simulated docks that take off at once (Dock 2 + M3TD and Dock 3 + M4TD in turn)
  --simulate-kind K     docks (default) | mix (adds RC Plus + M30T) | dock2 | dock3 | rc-plus | rc-plus-2
  --simulate-osd-hz F   simulated OSD rate
  --renderer-dir DIR    built renderer to serve (default out/renderer)`;

const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${v}"`);
  return n;
};

export function parseServeArgs(argv: readonly string[]): Result<ServeArgs> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        'mqtt-host': { type: 'string' },
        'mqtt-port': { type: 'string' },
        'ws-port': { type: 'string' },
        'http-port': { type: 'string' },
        'device-user': { type: 'string' },
        'device-pass': { type: 'string' },
        'api-token': { type: 'string' },
        simulate: { type: 'string' },
        'simulate-kind': { type: 'string' },
        'simulate-osd-hz': { type: 'string' },
        broker: { type: 'string' },
        'remote-url': { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const broker = values.broker;
    if (broker !== undefined && broker !== 'embedded' && broker !== 'remote') throw new Error(`--broker must be embedded or remote, got "${broker}"`);
    const hz = values['simulate-osd-hz'] === undefined ? undefined : Number(values['simulate-osd-hz']);
    if (hz !== undefined && !(hz > 0 && hz <= 50)) throw new Error('--simulate-osd-hz must be between 0 and 50');
    return ok({
      dataDir: values['data-dir'] ?? '.data',
      host: values.host ?? '127.0.0.1',
      mqttHost: values['mqtt-host'] ?? '0.0.0.0',
      mqttPort: int('--mqtt-port', values['mqtt-port']),
      wsPort: int('--ws-port', values['ws-port']),
      httpPort: int('--http-port', values['http-port']),
      deviceUser: values['device-user'],
      devicePass: values['device-pass'],
      apiToken: values['api-token'],
      simulate: int('--simulate', values.simulate) ?? 0,
      simulateKind: values['simulate-kind'] ?? 'docks',
      simulateOsdHz: hz,
      broker,
      remoteUrl: values['remote-url'],
      rendererDir: values['renderer-dir'],
      help: values.help ?? false,
    });
  } catch (e) {
    return err(appError('bad_arguments', e instanceof Error ? e.message : String(e)));
  }
}
