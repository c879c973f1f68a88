import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceAuth, type DeviceAuth } from '../../../electron/core/link/auth';
import { createEmbeddedLink, type EmbeddedLink } from '../../../electron/core/link/embedded';
import type { ClientEvent, InboundMessage } from '../../../electron/core/link/types';
import { Counters } from '../../../electron/core/util/counters';
import { grantedQos, waitFor } from './helpers';

const A = '7CTDM3D00BVY4D'; // dock
const A_DRONE = '1581F6Q8D243100BQ2R8'; // its aircraft (shadow topology)
const B = '4TADKAQ000002H'; // someone else's gateway
const creds = { username: 'outpost', password: 'dock-pass' };

describe('embedded link: per-device topic ACL over a real broker', () => {
  let link: EmbeddedLink;
  let auth: DeviceAuth;
  const counters = new Counters();
  const seen: InboundMessage[] = [];
  const clients: MqttClient[] = [];
  const url = (): string => `mqtt://127.0.0.1:${link.ports().mqtt}`;
  const connect = async (clientId: string, extra = {}): Promise<MqttClient> => {
    const c = await connectAsync(url(), { clientId, ...creds, reconnectPeriod: 0, ...extra });
    clients.push(c);
    return c;
  };
  /** A QoS 1 marker after the message under test: per-connection order proves the earlier one was handled. */
  const marker = async (c: MqttClient, sn: string): Promise<void> => {
    const got = waitFor<InboundMessage>(link.onMessage, (m) => m.topic === `thing/product/${sn}/state` && m.payload.toString() === 'marker', 'marker');
    await c.publishAsync(`thing/product/${sn}/state`, 'marker', { qos: 1 });
    await got;
  };

  beforeAll(async () => {
    auth = createDeviceAuth({ credentials: () => creds, childrenOf: (sn) => (sn === A ? [A_DRONE] : []), counters });
    link = createEmbeddedLink({ mqttPort: 0, host: '127.0.0.1', auth, counters });
    link.onMessage((m) => seen.push(m));
    await link.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    seen.length = 0;
  });
  afterAll(() => link.stop());

  it('a client bound to gateway A cannot publish on B; the engine never sees it and the connection stays up', async () => {
    const c = await connect(A);
    const before = counters.get('link.acl.publish_refused');
    await c.publishAsync(`thing/product/${B}/osd`, '{"spoof":1}', { qos: 1 });
    await marker(c, A);
    expect(seen.map((m) => m.topic)).toEqual([`thing/product/${A}/state`]);
    expect(counters.get('link.acl.publish_refused')).toBe(before + 1);
    expect(c.connected).toBe(true);
  });

  it('a refused publish is not delivered to any other device either, not even as retained', async () => {
    const watcher = await connect(B);
    await watcher.subscribeAsync(`thing/product/${B}/osd`, { qos: 1 });
    const got: string[] = [];
    watcher.on('message', (t) => got.push(t));
    const a = await connect(A);
    await a.publishAsync(`thing/product/${B}/osd`, 'spoof', { qos: 1, retain: true });
    await marker(a, A);
    await watcher.publishAsync(`thing/product/${B}/osd`, 'real', { qos: 1 });
    await new Promise<void>((resolve) => watcher.once('message', () => resolve()));
    expect(got).toEqual([`thing/product/${B}/osd`]);
    const late = await connect('late-B');
    const retained = new Promise<string>((resolve) => late.once('message', (_t, p) => resolve(p.toString())));
    await late.subscribeAsync(`thing/product/${B}/#`);
    await late.publishAsync(`thing/product/${B}/state`, 'x', { qos: 1, retain: true });
    expect(await retained).toBe('x'); // only the legit retained message exists
  });

  it('subscribing to B topics or a wildcard SN is refused with granted qos 128; own topics are granted', async () => {
    const c = await connect(A);
    const granted = await grantedQos(c, [`thing/product/${B}/services`, 'thing/product/+/services', '#', `thing/product/${A}/services`]);
    expect(granted).toEqual([128, 128, 128, 1]);
    expect(c.connected).toBe(true);
  });

  it('the aircraft under gateway A (shadow topology) is allowed', async () => {
    const c = await connect(A);
    const got = waitFor<InboundMessage>(link.onMessage, (m) => m.topic === `thing/product/${A_DRONE}/osd`, 'aircraft osd');
    await c.publishAsync(`thing/product/${A_DRONE}/osd`, '{"data":{}}', { qos: 1 });
    expect((await got).clientId).toBe(A);
  });

  it('a non-SN client id (Pilot 2) binds on its first device topic and learns children from its update_topo', async () => {
    const RC = '5YSZL260021E9E';
    const RC_DRONE = '1581F5BMD23230010001';
    const c = await connect('pilot2-session-1');
    const topo = { tid: 't', bid: 'b', timestamp: Date.now(), method: 'update_topo', data: { sub_devices: [{ sn: RC_DRONE, domain: '0' }] } };
    await c.publishAsync(`sys/product/${RC}/status`, JSON.stringify(topo), { qos: 1 });
    expect(auth.bindingOf('pilot2-session-1')).toBe(RC);
    await c.publishAsync(`thing/product/${RC_DRONE}/osd`, '{}', { qos: 1 });
    await c.publishAsync(`thing/product/${A}/osd`, '{}', { qos: 1 });
    await marker(c, RC);
    expect(seen.map((m) => m.topic)).toEqual([`sys/product/${RC}/status`, `thing/product/${RC_DRONE}/osd`, `thing/product/${RC}/state`]);
  });

  it("a takeover by the same client id keeps the new connection's binding", async () => {
    const id = 'pilot2-session-2';
    const old = await connect(id);
    await old.publishAsync(`thing/product/${A}/state`, 'x', { qos: 1 });
    const oldGone = waitFor<ClientEvent>(link.onClientEvent, (e) => e.type === 'disconnected' && e.clientId === id, 'old disconnected');
    const fresh = await connect(id);
    await oldGone;
    old.end(true);
    await fresh.publishAsync(`thing/product/${A}/state`, 'y', { qos: 1 });
    expect(auth.bindingOf(id)).toBe(A);
    await fresh.publishAsync(`thing/product/${B}/state`, 'z', { qos: 1 }); // would re-bind to B if the binding had been dropped
    await marker(fresh, A);
    expect(seen.filter((m) => m.topic.includes(B))).toEqual([]);
  });

  it('a temporary DRC principal may only publish drc/up and subscribe drc/down until it expires', async () => {
    auth.addTemporaryPrincipal({
      username: A,
      password: 'short-lived',
      expiresAt: Date.now() + 60_000,
      publish: [`thing/product/${A}/drc/up`],
      subscribe: [`thing/product/${A}/drc/down`],
    });
    const c = await connectAsync(url(), { clientId: 'drc-A', username: A, password: 'short-lived', reconnectPeriod: 0 });
    clients.push(c);
    expect(await grantedQos(c, [`thing/product/${A}/drc/down`, `thing/product/${A}/services`], 0)).toEqual([0, 128]);
    const up = waitFor<InboundMessage>(link.onMessage, (m) => m.topic === `thing/product/${A}/drc/up`, 'drc/up');
    await c.publishAsync(`thing/product/${A}/osd`, 'not allowed', { qos: 1 });
    await c.publishAsync(`thing/product/${A}/drc/up`, '{"method":"heart_beat"}', { qos: 1 });
    await up;
    expect(seen.map((m) => m.topic)).toEqual([`thing/product/${A}/drc/up`]);
    auth.removeTemporaryPrincipal(A);
    await expect(connectAsync(url(), { clientId: 'drc-A2', username: A, password: 'short-lived', reconnectPeriod: 0 })).rejects.toThrow(
      /Bad username or password/,
    );
  });

  it('an oversized publish is refused and counted', async () => {
    const small = createEmbeddedLink({ mqttPort: 0, host: '127.0.0.1', auth, counters, maxPayloadBytes: 1024 });
    await small.start();
    const mine: string[] = [];
    small.onMessage((m) => mine.push(m.payload.length > 100 ? 'big' : 'small'));
    const c = await connectAsync(`mqtt://127.0.0.1:${small.ports().mqtt}`, { clientId: A, ...creds, reconnectPeriod: 0 });
    const before = counters.get('link.publish_too_large');
    await c.publishAsync(`thing/product/${A}/osd`, Buffer.alloc(2048, 65), { qos: 1 });
    const ok = waitFor<InboundMessage>(small.onMessage, () => true, 'small message');
    await c.publishAsync(`thing/product/${A}/osd`, '{}', { qos: 1 });
    await ok;
    expect(mine).toEqual(['small']);
    expect(counters.get('link.publish_too_large')).toBe(before + 1);
    await c.endAsync(true);
    await small.stop();
  });

  it("refusedPublish 'disconnect' closes the offending connection instead", async () => {
    const strict = createEmbeddedLink({ mqttPort: 0, host: '127.0.0.1', auth, refusedPublish: 'disconnect' });
    await strict.start();
    const c = await connectAsync(`mqtt://127.0.0.1:${strict.ports().mqtt}`, { clientId: A, ...creds, reconnectPeriod: 0 });
    const ev = waitFor<ClientEvent>(strict.onClientEvent, (e) => e.type === 'disconnected', 'disconnect');
    c.publish(`thing/product/${B}/osd`, 'spoof', { qos: 1 });
    expect((await ev).reason).toMatch(/^error: publish refused: acl/);
    c.end(true);
    await strict.stop();
  });
});
