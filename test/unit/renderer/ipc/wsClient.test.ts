/** The serve-mode WebSocket client against a real `ws` server on loopback. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { WsFrame } from '../../../../shared/ipc/contract';
import type { ConnectionState } from '../../../../renderer/src/ipc/connection';
import { createWsClient, IpcError, type WsClient, type WsCtor } from '../../../../renderer/src/ipc/wsClient';

const Ctor = WebSocket as unknown as WsCtor;
const fastBackoff = { baseMs: 10, maxMs: 50, jitter: 0 };

interface Harness {
  readonly http: Server;
  readonly wss: WebSocketServer;
  url: string;
  readonly received: WsFrame[];
  authorized: boolean;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A tiny stand-in for the engine: answers invokes, refuses the upgrade with 401 when not authorized. */
const startServer = async (port = 0): Promise<Harness> => {
  const http = createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ noServer: true });
  const h: Harness = { http, wss, url: '', received: [], authorized: true };
  http.on('upgrade', (req, socket, head) => {
    if (!h.authorized) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WsFrame;
      h.received.push(frame);
      if (frame.t !== 'invoke') return;
      const reply: WsFrame =
        frame.channel === 'settings:get'
          ? { t: 'result', id: frame.id, ok: false, error: { code: 'nope', message: 'refused' } }
          : { t: 'result', id: frame.id, ok: true, res: [{ sn: 'DOCK1', echo: frame.req }] };
      ws.send(JSON.stringify(reply));
    });
  });
  await new Promise<void>((r) => http.listen(port, '127.0.0.1', r));
  h.url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ipc`;
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => r());
      }),
  );
  return h;
};

/** Client plus a promise-returning waiter on its connection state (no sleeps). */
const connect = (url: string) => {
  const waiters: { state: ConnectionState; resolve: () => void }[] = [];
  const states: ConnectionState[] = [];
  const client: WsClient = createWsClient({
    url,
    WebSocket: Ctor,
    backoff: fastBackoff,
    probeUnauthorized: async () => false,
    onState: (s) => {
      states.push(s);
      for (const w of waiters.splice(0)) if (w.state === s) w.resolve();
      else waiters.push(w);
    },
  });
  cleanups.push(() => client.close());
  const until = (state: ConnectionState) =>
    client.state() === state ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ state, resolve }));
  return { client, states, until };
};

describe('ws client', () => {
  it('answers invokes by id, including ones written before the socket opened', async () => {
    const h = await startServer();
    const { client, until } = connect(h.url);
    const early = client.invoke('shadow:snapshot', undefined); // queued: not open yet
    await until('connected');
    const late = client.invoke('telemetry:track', { sn: 'AC1', limit: 5 });
    expect(await early).toEqual([{ sn: 'DOCK1' }]);
    expect(await late).toEqual([{ sn: 'DOCK1', echo: { sn: 'AC1', limit: 5 } }]);
    expect(h.received.map((f) => f.t === 'invoke' && f.channel)).toEqual(['shadow:snapshot', 'telemetry:track']);
  });

  it('rejects with the server error code and message', async () => {
    const h = await startServer();
    const { client } = connect(h.url);
    const e = await client.invoke('settings:get', undefined).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpcError);
    expect(e).toMatchObject({ code: 'nope', message: 'refused' });
  });

  it('delivers event frames to listeners, survives a malformed frame and a throwing listener', async () => {
    const h = await startServer();
    const { client, until } = connect(h.url);
    await until('connected');
    const got = new Promise<unknown>((resolve) => client.on('shadow:patch', resolve));
    const off = client.on('shadow:patch', () => {
      throw new Error('listener bug');
    });
    for (const ws of h.wss.clients) {
      ws.send('{not json');
      ws.send(JSON.stringify({ t: 'event', channel: 'shadow:patch', payload: [{ sn: 'AC1', online: true }] }));
    }
    expect(await got).toEqual([{ sn: 'AC1', online: true }]);
    off();
  });

  it('carries send frames to the server', async () => {
    const h = await startServer();
    const { client, until } = connect(h.url);
    await until('connected');
    client.send('log:renderer', { level: 'warn', message: 'hello' });
    await client.invoke('shadow:snapshot', undefined); // ordered after the send on the same socket
    expect(h.received[0]).toEqual({ t: 'send', channel: 'log:renderer', msg: { level: 'warn', message: 'hello' } });
  });

  it('rejects in-flight invokes on a drop, then reconnects and works again', async () => {
    const h = await startServer();
    h.wss.removeAllListeners('connection'); // a server that never answers…
    h.wss.on('connection', (ws) => ws.on('message', () => ws.terminate())); // …and drops on the first frame
    const { client, until, states } = connect(h.url);
    await until('connected');
    const e = await client.invoke('shadow:snapshot', undefined).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'disconnected' });
    await until('connected');
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('reports unauthorized when the upgrade is refused with 401 and recovers once authorized', async () => {
    const h = await startServer();
    h.authorized = false;
    const { client, until } = connect(h.url);
    await until('unauthorized');
    const pending = client.invoke('shadow:snapshot', undefined); // waits for a connection
    h.authorized = true;
    await until('connected');
    expect(await pending).toEqual([{ sn: 'DOCK1' }]);
  });

  it('retries while the server is down and connects when it comes up', async () => {
    const probe = await startServer();
    const port = Number(new URL(probe.url).port);
    await cleanups.pop()?.(); // stop it: nothing listens on `port` now
    const { until } = connect(probe.url);
    await until('reconnecting');
    await startServer(port);
    await until('connected');
  });
});
