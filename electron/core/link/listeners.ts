/** The embedded broker's network listeners: MQTT over TCP, over WebSocket (`/mqtt` and `/`) and over TLS. */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Logger } from '../util/log';

export interface ListenerOptions {
  readonly host: string;
  readonly mqttPort: number;
  readonly wsPort?: number;
  readonly tlsPort?: number;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  readonly maxPayloadBytes: number;
  readonly logger: Logger;
  /** Called for every accepted MQTT byte stream (aedes.handle). */
  readonly handle: (stream: Duplex, req?: IncomingMessage) => void;
}

export interface LinkPorts {
  readonly mqtt: number;
  readonly ws: number | null;
  readonly tls: number | null;
}

export interface Listeners {
  readonly ports: LinkPorts;
  /** Stop accepting, destroy every open socket, resolve once all servers are closed (ports free). */
  close(): Promise<void>;
}

/** Paths MQTT-over-WebSocket clients use: DJI Pilot 2 and mqtt.js default to `/mqtt`; some tools use `/`. */
const WS_PATHS: ReadonlySet<string> = new Set(['/mqtt', '/']);

export async function openListeners(opts: ListenerOptions): Promise<Listeners> {
  const log = opts.logger;
  const sockets = new Set<Socket>();
  const servers: (NetServer | HttpServer | TlsServer)[] = [];
  // Nagle would hold small MQTT packets back ~20–40 ms; DRC sticks and replies must go out at once.
  const track = (s: Socket): void => {
    s.setNoDelay(true);
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };
  const close = async (): Promise<void> => {
    const closed = servers.map((srv) => new Promise<void>((resolve) => srv.close(() => resolve())));
    for (const s of sockets) s.destroy();
    await Promise.all(closed);
  };

  try {
    const tcp = createNetServer((s) => {
      track(s);
      opts.handle(s);
    });
    servers.push(tcp);
    const mqtt = await listen(tcp, opts.mqttPort, opts.host, 'mqtt', log);

    let ws: number | null = null;
    if (opts.wsPort !== undefined) {
      const http = createHttpServer((_req, res) => res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket only\n'));
      const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes + 1024 });
      http.on('connection', track);
      http.on('upgrade', (req, socket, head) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (!WS_PATHS.has(path)) {
          socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
          return;
        }
        wss.handleUpgrade(req, socket, head, (client) => {
          const stream = createWebSocketStream(client);
          // Errors after aedes dropped the client (e.g. a reset socket) must not be unhandled.
          stream.on('error', (e) => log.debug('websocket stream error', { error: e.message }));
          opts.handle(stream, req);
        });
      });
      servers.push(http);
      ws = await listen(http, opts.wsPort, opts.host, 'ws', log);
    }

    let tls: number | null = null;
    if (opts.tlsPort !== undefined && opts.tls !== undefined) {
      const srv = createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, (s) => opts.handle(s));
      srv.on('connection', track); // the raw TCP socket under the TLS one
      srv.on('tlsClientError', (e) => log.warn('TLS handshake failed', { error: e.message }));
      servers.push(srv);
      tls = await listen(srv, opts.tlsPort, opts.host, 'tls', log);
    }
    return { ports: { mqtt, ws, tls }, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function listen(srv: NetServer, port: number, host: string, name: string, log: Logger): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      reject(new Error(`cannot listen for ${name} on ${host}:${port}: ${e.code ?? e.message}`, { cause: e }));
    };
    srv.once('error', onError);
    srv.listen(port, host, () => {
      srv.off('error', onError);
      srv.on('error', (e) => log.error(`${name} listener error`, { error: e.message }));
      resolve((srv.address() as AddressInfo).port);
    });
  });
}
