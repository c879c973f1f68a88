import { rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDeviceAuth } from '../../../electron/core/link/auth';
import { createEmbeddedLink, type EmbeddedLink } from '../../../electron/core/link/embedded';
import type { ClientEvent, InboundMessage } from '../../../electron/core/link/types';
import { Counters } from '../../../electron/core/util/counters';
import { canListen, selfSignedCert, waitFor } from './helpers';

const DOCK = '7CTDM3D00BVY4D';
const creds = { username: 'outpost', password: 'dock-pass' };

describe('embedded link: transports', () => {
  let link: EmbeddedLink;
  let tls: ReturnType<typeof selfSignedCert>;
  const clients: MqttClient[] = [];
  const counters = new Counters();

  beforeAll(async () => {
    tls = selfSignedCert();
    const auth = createDeviceAuth({ credentials: () => creds, childrenOf: () => [], counters });
    link = createEmbeddedLink({ mqttPort: 0, wsPort: 0, tlsPort: 0, tls, host: '127.0.0.1', auth, counters });
    await link.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  });
  afterAll(async () => {
    await link.stop();
    rmSync(tls.dir, { recursive: true, force: true });
  });

  const device = async (url: string, extra: IClientOptions = {}): Promise<MqttClient> => {
    const c = await connectAsync(url, { clientId: DOCK, ...creds, reconnectPeriod: 0, ...extra });
    clients.push(c);
    return c;
  };

  const roundTrip = async (c: MqttClient): Promise<InboundMessage> => {
    const got = waitFor<InboundMessage>(link.onMessage, (m) => m.topic === `thing/product/${DOCK}/osd`, 'osd');
    await c.publishAsync(`thing/product/${DOCK}/osd`, JSON.stringify({ data: { x: 1 } }), { qos: 1 });
    return got;
  };

  it('reports the real ports and status up', () => {
    const p = link.ports();
    expect(p.mqtt).toBeGreaterThan(0);
    expect(p.ws).toBeGreaterThan(0);
    expect(p.tls).toBeGreaterThan(0);
    expect(link.status()).toMatchObject({ kind: 'embedded', state: 'up' });
  });

  it('MQTT over TCP: device publish reaches onMessage with its client id, connect event carries the username', async () => {
    const connected = waitFor<ClientEvent>(link.onClientEvent, (e) => e.type === 'connected', 'connected');
    const c = await device(`mqtt://127.0.0.1:${link.ports().mqtt}`);
    expect(await connected).toEqual({ type: 'connected', clientId: DOCK, username: 'outpost' });
    expect(link.status().clients).toBe(1);
    const m = await roundTrip(c);
    expect(m.clientId).toBe(DOCK);
    expect(JSON.parse(m.payload.toString())).toEqual({ data: { x: 1 } });
  });

  it.each(['/mqtt', '/'])('MQTT over WebSocket on path %s', async (path) => {
    const c = await device(`ws://127.0.0.1:${link.ports().ws}${path}`);
    expect((await roundTrip(c)).clientId).toBe(DOCK);
  });

  it('MQTT over TLS with the certificate verified', async () => {
    const c = await device(`mqtts://127.0.0.1:${link.ports().tls}`, { ca: tls.cert, servername: 'localhost', rejectUnauthorized: true });
    expect((await roundTrip(c)).clientId).toBe(DOCK);
  });

  it('engine publish reaches a subscribed device (not filtered by the device ACL)', async () => {
    const c = await device(`mqtt://127.0.0.1:${link.ports().mqtt}`);
    await c.subscribeAsync(`thing/product/${DOCK}/services`, { qos: 1 });
    const got = new Promise<[string, Buffer]>((resolve) => c.once('message', (t, p) => resolve([t, p])));
    await link.publish(`thing/product/${DOCK}/services`, '{"method":"debug_mode_open"}', { qos: 1 });
    const [topic, payload] = await got;
    expect(topic).toBe(`thing/product/${DOCK}/services`);
    expect(payload.toString()).toBe('{"method":"debug_mode_open"}');
  });

  it('engine publishes never come back through onMessage', async () => {
    const c = await device(`mqtt://127.0.0.1:${link.ports().mqtt}`);
    const seen: string[] = [];
    const off = link.onMessage((m) => seen.push(m.topic));
    await link.publish(`thing/product/${DOCK}/osd`, 'from-engine');
    await roundTrip(c); // a later device message proves the engine one was processed first
    off();
    expect(seen).toEqual([`thing/product/${DOCK}/osd`]);
  });

  it('wrong password is refused with CONNACK 4 and counted', async () => {
    const before = counters.get('link.auth.refused');
    await expect(
      connectAsync(`mqtt://127.0.0.1:${link.ports().mqtt}`, { clientId: DOCK, username: 'outpost', password: 'nope', reconnectPeriod: 0 }),
    ).rejects.toThrow(/Bad username or password/);
    expect(counters.get('link.auth.refused')).toBe(before + 1);
  });

  it('disconnect events: clean DISCONNECT vs lost connection, and the will surfaces as a device message', async () => {
    const url = `mqtt://127.0.0.1:${link.ports().mqtt}`;
    const clean = await connectAsync(url, { clientId: 'c-clean', ...creds, reconnectPeriod: 0 });
    const gone = waitFor<ClientEvent>(link.onClientEvent, (e) => e.type === 'disconnected' && e.clientId === 'c-clean', 'clean disconnect');
    await clean.endAsync();
    expect((await gone).reason).toBe('clean');

    const will = { topic: `sys/product/${DOCK}/status`, payload: Buffer.from('{"will":true}'), qos: 1 as const, retain: false };
    const lossy = await connectAsync(url, { clientId: DOCK, ...creds, reconnectPeriod: 0, will });
    const lost = waitFor<ClientEvent>(link.onClientEvent, (e) => e.type === 'disconnected' && e.clientId === DOCK, 'lost');
    const willMsg = waitFor<InboundMessage>(link.onMessage, (m) => m.topic === will.topic, 'will');
    lossy.stream.destroy();
    expect((await lost).reason).toBe('connection_lost');
    expect((await willMsg).payload.toString()).toBe('{"will":true}');
    lossy.end(true);
  });

  it('every broker socket (TCP, WebSocket, TLS) gets setNoDelay(true)', async () => {
    const noDelayPorts = new Set<number>();
    const original = Socket.prototype.setNoDelay;
    const watch = vi.spyOn(Socket.prototype, 'setNoDelay').mockImplementation(function (this: Socket, on?: boolean) {
      if (on === true && this.localPort !== undefined) noDelayPorts.add(this.localPort);
      return original.call(this, on);
    });
    try {
      const p = link.ports();
      await device(`mqtt://127.0.0.1:${p.mqtt}`, { clientId: 'nd-tcp' });
      await device(`ws://127.0.0.1:${p.ws}/mqtt`, { clientId: 'nd-ws' });
      await device(`mqtts://127.0.0.1:${p.tls}`, { clientId: 'nd-tls', ca: tls.cert, servername: 'localhost' });
      expect([...noDelayPorts].sort()).toEqual([p.mqtt, p.ws, p.tls].sort());
    } finally {
      watch.mockRestore();
    }
  });

  it('round trip device→engine→device stays fast: p50 < 10 ms over 50 messages', async () => {
    const c = await device(`mqtt://127.0.0.1:${link.ports().mqtt}`);
    await c.subscribeAsync(`thing/product/${DOCK}/services`);
    const off = link.onMessage((m) => {
      if (m.topic.endsWith('/services_reply')) void link.publish(`thing/product/${DOCK}/services`, m.payload);
    });
    const rtts: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const back = new Promise<void>((resolve) => c.once('message', () => resolve()));
      c.publish(`thing/product/${DOCK}/services_reply`, `{"seq":${i}}`);
      await back;
      rtts.push(performance.now() - t0);
    }
    off();
    rtts.sort((a, b) => a - b);
    expect(rtts[25]).toBeLessThan(10);
  });
});

describe('embedded link: lifecycle', () => {
  it('stop() closes clients and frees every port; status goes up → down', async () => {
    const tls = selfSignedCert();
    const auth = createDeviceAuth({ credentials: () => creds, childrenOf: () => [] });
    const link = createEmbeddedLink({ mqttPort: 0, wsPort: 0, tlsPort: 0, tls, host: '127.0.0.1', auth });
    const states: string[] = [];
    link.onStatus((s) => states.push(s.state));
    await link.start();
    const { mqtt, ws, tls: tlsPort } = link.ports();
    const c = await connectAsync(`ws://127.0.0.1:${ws}/mqtt`, { clientId: DOCK, ...creds, reconnectPeriod: 0 });
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    await link.stop();
    await closed;
    c.end(true);
    expect(await canListen(mqtt)).toBe(true);
    expect(await canListen(ws!)).toBe(true);
    expect(await canListen(tlsPort!)).toBe(true);
    expect(states[0]).toBe('starting');
    expect(states).toContain('up');
    expect(states.at(-1)).toBe('down');
    await expect(link.publish('x/y', 'z')).rejects.toMatchObject({ code: 'link_down' });
    rmSync(tls.dir, { recursive: true, force: true });
  });

  it('a port already in use fails start() with a clear error and status down', async () => {
    const auth = createDeviceAuth({ credentials: () => creds, childrenOf: () => [] });
    const first = createEmbeddedLink({ mqttPort: 0, host: '127.0.0.1', auth });
    await first.start();
    const second = createEmbeddedLink({ mqttPort: first.ports().mqtt, host: '127.0.0.1', auth });
    await expect(second.start()).rejects.toThrow(/cannot listen for mqtt on 127\.0\.0\.1:\d+: EADDRINUSE/);
    expect(second.status().state).toBe('down');
    await first.stop();
  });
});
