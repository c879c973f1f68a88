import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../shared/ipc/contract';
import { createRemoteLink, type RemoteLink } from '../../../electron/core/link/remote';
import type { InboundMessage } from '../../../electron/core/link/types';
import { Counters } from '../../../electron/core/util/counters';
import { freePort, waitFor } from './helpers';
import { startMosquitto, type Mosquitto } from './mosquitto';

const DOCK = '7CTDM3D00BVY4D';
const users = { outpost: 'platform-pass', dock: 'dock-pass' };
const fastBackoff = { initialMs: 50, maxMs: 400, factor: 2 };

describe('remote link against a real Mosquitto', () => {
  let broker: Mosquitto;
  const url = (): string => `mqtt://127.0.0.1:${broker.port}`;
  const device = (clientId = DOCK): Promise<MqttClient> => connectAsync(url(), { clientId, username: 'dock', password: 'dock-pass', reconnectPeriod: 0 });
  const osdFrom = async (d: MqttClient, link: RemoteLink, body: string): Promise<InboundMessage> => {
    const got = waitFor<InboundMessage>(link.onMessage, (m) => m.payload.toString() === body, `osd ${body}`);
    await d.publishAsync(`thing/product/${DOCK}/osd`, body, { qos: 1 });
    return got;
  };

  beforeAll(async () => {
    broker = await startMosquitto(await freePort(), users);
  });
  afterAll(() => broker?.dispose());

  it('receives device messages, publishes to devices, survives a broker crash and resubscribes', async () => {
    const counters = new Counters();
    const link = createRemoteLink({ url: url(), username: 'outpost', password: 'platform-pass', backoff: fastBackoff, counters });
    const states: LinkStatus['state'][] = [];
    link.onStatus((s) => {
      if (states.at(-1) !== s.state) states.push(s.state);
    });
    let clientEvents = 0;
    link.onClientEvent(() => clientEvents++);
    await link.start();
    expect(link.status()).toMatchObject({ kind: 'remote', state: 'up', clients: 0 });

    const d1 = await device();
    const m = await osdFrom(d1, link, '{"n":1}');
    expect(m).toEqual({ topic: `thing/product/${DOCK}/osd`, payload: Buffer.from('{"n":1}'), clientId: null });

    await d1.subscribeAsync(`thing/product/${DOCK}/services`, { qos: 1 });
    const down = new Promise<string>((resolve) => d1.once('message', (_t, p) => resolve(p.toString())));
    await link.publish(`thing/product/${DOCK}/services`, '{"method":"cover_open"}', { qos: 1 });
    expect(await down).toBe('{"method":"cover_open"}');
    d1.end(true);

    const reconnecting = waitFor<LinkStatus>(link.onStatus, (s) => s.state === 'reconnecting', 'reconnecting');
    await broker.kill();
    expect((await reconnecting).detail).toMatch(/retry \d+ in \d+ ms/);
    await expect(link.publish(`thing/product/${DOCK}/services`, '{}')).rejects.toMatchObject({ code: 'link_down' });
    expect(counters.get('link.publish_rejected_down')).toBe(1);

    const up = waitFor<LinkStatus>(link.onStatus, (s) => s.state === 'up', 'up again');
    await broker.restart();
    await up;
    const d2 = await device();
    expect((await osdFrom(d2, link, '{"n":2}')).topic).toBe(`thing/product/${DOCK}/osd`); // resubscribed
    d2.end(true);

    await link.stop();
    expect(states).toEqual(['starting', 'up', 'reconnecting', 'up', 'down']);
    expect(clientEvents).toBe(0);
  });

  it('receives every uplink family', async () => {
    const link = createRemoteLink({ url: url(), username: 'outpost', password: 'platform-pass', backoff: fastBackoff });
    await link.start();
    const topics = [
      `thing/product/${DOCK}/osd`,
      `thing/product/${DOCK}/state`,
      `thing/product/${DOCK}/services_reply`,
      `thing/product/${DOCK}/events`,
      `thing/product/${DOCK}/requests`,
      `thing/product/${DOCK}/property/set_reply`,
      `thing/product/${DOCK}/drc/up`,
      `sys/product/${DOCK}/status`,
    ];
    const seen: string[] = [];
    link.onMessage((m) => seen.push(m.topic));
    const d = await device();
    await d.publishAsync(`thing/product/${DOCK}/services`, 'downlink: not for the engine', { qos: 1 });
    for (const t of topics) await d.publishAsync(t, '{}', { qos: 1 });
    await waitFor<InboundMessage>(link.onMessage, () => seen.length === topics.length, 'all families');
    expect([...seen].sort()).toEqual([...topics].sort());
    d.end(true);
    await link.stop();
  });

  it('wrong credentials: start() settles as reconnecting with the broker refusal, stop() ends retries', async () => {
    const link = createRemoteLink({ url: url(), username: 'outpost', password: 'wrong', backoff: fastBackoff });
    await link.start();
    expect(link.status().state).toBe('reconnecting');
    expect(link.status().detail).toMatch(/Not authorized|Bad username/i);
    await link.stop();
    expect(link.status().state).toBe('down');
  });

  it('with a share group, two instances split the device traffic: each message reaches exactly one', async () => {
    const a = createRemoteLink({ url: url(), username: 'outpost', password: 'platform-pass', shareGroup: 'outpost', backoff: fastBackoff });
    const b = createRemoteLink({ url: url(), username: 'outpost', password: 'platform-pass', shareGroup: 'outpost', backoff: fastBackoff });
    await Promise.all([a.start(), b.start()]);
    const got: string[] = [];
    a.onMessage((m) => got.push(`a:${m.payload.toString()}`));
    b.onMessage((m) => got.push(`b:${m.payload.toString()}`));
    const d = await device();
    const all = waitFor<unknown>((l) => {
      const offA = a.onMessage(l);
      const offB = b.onMessage(l);
      return () => (offA(), offB());
    }, () => got.length === 20, '20 messages');
    for (let i = 0; i < 20; i++) await d.publishAsync(`thing/product/${DOCK}/osd`, String(i), { qos: 1 });
    await all;
    expect(got.map((g) => g.slice(2)).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(got.some((g) => g.startsWith('a:'))).toBe(true);
    expect(got.some((g) => g.startsWith('b:'))).toBe(true);
    d.end(true);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a malformed URL is a settings error: status down, no retry loop', async () => {
    const link = createRemoteLink({ url: 'not a url', backoff: fastBackoff });
    await link.start();
    expect(link.status().state).toBe('down');
    expect(link.status().detail).toMatch(/not a url/);
    await link.stop();
  });
});
