/**
 * The engine's HTTP listener: the scripts API (/api/v1/*), the built renderer and
 * its token login (/?token=… sets a session cookie and redirects to /), and the
 * WebSocket upgrade for serve-mode IPC (/ipc). Everything but /healthz needs the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { DeviceSnapshot } from '../../../shared/model/device';
import type { Logger } from '../util/log';
import { isAuthenticated, queryToken, safeEqual, SESSION_COOKIE } from './auth';
import { deviceJson } from './devices-api';
import { serveStatic } from './static';

export interface HttpDeps {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly rendererDir: string | null;
  readonly devices: () => readonly DeviceSnapshot[];
  readonly onIpcUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Extra authenticated route handlers (pilot API…): return true when handled. */
  readonly routes?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => boolean)[];
  /** Routes that authenticate themselves (S3 SigV4, Pilot 2 X-Auth-Token): run before the token check. */
  readonly publicRoutes?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => boolean)[];
  /** Map tiles: also open to loopback without a session, for the Electron window (a file:// page has no cookie). */
  readonly tiles?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  readonly logger: Logger;
}

export interface HttpServer {
  readonly server: Server;
  port(): number;
  close(): Promise<void>;
}

export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const server = createServer((req, res) => {
    try {
      handle(deps, req, res);
    } catch (e) {
      deps.logger.error('http handler failed', { url: req.url, error: String(e) });
      if (!res.headersSent) json(res, 500, { code: 500, message: 'internal error' });
      else res.destroy();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ipc') return refuseUpgrade(socket, 404, 'Not Found');
    if (!isAuthenticated(req, url, deps.token)) {
      deps.logger.warn('IPC WebSocket refused: no valid token', { remote: req.socket.remoteAddress });
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    deps.onIpcUpgrade(req, socket, head);
  });
  server.on('connection', (s) => s.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: () => (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return json(res, 200, { ok: true });
  for (const route of deps.publicRoutes ?? []) if (route(req, res, url)) return;
  if (deps.tiles && url.pathname.startsWith('/tiles/') && (isLoopback(req) || isAuthenticated(req, url, deps.token))) {
    if (deps.tiles(req, res, url)) return;
  }

  const qt = queryToken(url);
  if (qt !== null && (req.method === 'GET' || req.method === 'HEAD') && !url.pathname.startsWith('/api/')) {
    // Token login: remember it in an HttpOnly cookie and drop it from the address bar.
    if (!safeEqual(qt, deps.token)) return text(res, 401, 'Wrong token. Open the address Outpost printed when it started.');
    url.searchParams.delete('token');
    res.writeHead(302, {
      location: url.pathname + (url.search || ''),
      'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(qt)}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    });
    return void res.end();
  }
  if (!isAuthenticated(req, url, deps.token)) {
    if (url.pathname.startsWith('/api/')) return json(res, 401, { code: 401, message: 'missing or wrong bearer token' });
    return text(res, 401, 'Outpost: open the address printed at start (http://HOST:PORT/?token=TOKEN) to log in.');
  }
  for (const route of deps.routes ?? []) if (route(req, res, url)) return;
  if (url.pathname === '/api/v1/devices' && req.method === 'GET') {
    return json(res, 200, { devices: deps.devices().map(deviceJson) });
  }
  if (url.pathname.startsWith('/api/')) return json(res, 404, { code: 404, message: `no such endpoint: ${url.pathname}` });
  if (deps.rendererDir && (req.method === 'GET' || req.method === 'HEAD')) {
    if (serveStatic(deps.rendererDir, url.pathname, res)) return;
    // Single-page app: unknown paths fall back to index.html.
    if (!url.pathname.includes('.') && serveStatic(deps.rendererDir, '/index.html', res)) return;
  }
  text(res, 404, 'Not found');
}

function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s), 'cache-control': 'no-store' });
  res.end(s);
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body + '\n');
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
