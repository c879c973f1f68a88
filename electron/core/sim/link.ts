/** The simulator's MQTT side: one mqtt.js client per gateway, counted publishes, and replies awaited by tid/bid. */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { Result } from '../../../shared/util/result';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import { envelope, parseDown, topics, type DownMessage, type UpMessage } from './envelope';
import { ReplyWaiter } from './pending';

export type DownFamily = 'services' | 'property/set' | 'requests_reply' | 'status_reply' | 'events_reply';
const FAMILIES: readonly DownFamily[] = ['property/set', 'requests_reply', 'status_reply', 'events_reply', 'services'];

export interface SimLinkOptions {
  readonly url: string;
  readonly gatewaySn: string;
  readonly username?: string;
  readonly password?: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly counters: Counters;
  readonly onDown: (family: DownFamily, msg: DownMessage) => void;
  readonly onReconnect: () => void;
}

export class SimLink {
  private client: MqttClient | undefined;
  private readonly waiter: ReplyWaiter;
  private connectedOnce = false;

  constructor(private readonly o: SimLinkOptions) {
    this.waiter = new ReplyWaiter(o.clock);
  }

  /** Connects (client id = gateway SN, as DJI devices do) and subscribes to the down-link topics. */
  connect(): Promise<void> {
    const gw = this.o.gatewaySn;
    const opts: IClientOptions = {
      clientId: gw,
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      reconnectPeriod: 2000,
      connectTimeout: 15_000,
      // DJI documents no will. Outpost's convention (docs/PROTOCOL-NOTES.md): an EMPTY payload on the
      // gateway's status topic, published by the broker when the connection drops, means "gateway gone".
      will: { topic: topics.status(gw), payload: Buffer.alloc(0), qos: 1, retain: false },
    };
    if (this.o.username !== undefined) opts.username = this.o.username;
    if (this.o.password !== undefined) opts.password = this.o.password;
    const client = connect(this.o.url, opts);
    this.client = client;
    client.on('message', (topic, payload) => this.route(topic, payload));
    client.on('error', (e) => {
      this.o.counters.inc('link.errors');
      this.o.log.warn('mqtt error', { error: e.message });
    });
    client.on('offline', () => this.o.counters.inc('link.offline'));
    return new Promise((resolve, reject) => {
      // Before the first CONNACK an error (refused, not authorised) fails start(); afterwards mqtt.js reconnects.
      client.once('error', (e) => {
        if (this.connectedOnce) return;
        this.client = undefined;
        client.end(true);
        reject(new Error(`simulated ${gw} could not connect to ${this.o.url}: ${e.message}`));
      });
      client.on('connect', () => {
        this.o.counters.inc('link.connects');
        if (this.connectedOnce) {
          this.o.onReconnect();
          return;
        }
        this.connectedOnce = true;
        const subs = [topics.services(gw), topics.propertySet(gw), topics.requestsReply(gw), topics.statusReply(gw), topics.eventsReply(gw)];
        client.subscribe(subs, { qos: 1 }, (e) => {
          if (e) this.o.log.error('subscribe failed', { error: e.message });
          resolve();
        });
      });
    });
  }

  async close(): Promise<void> {
    this.waiter.cancelAll();
    const c = this.client;
    this.client = undefined;
    if (!c) return;
    // A graceful DISCONNECT, so the broker does not publish our will; forced if the broker does not answer in 2 s.
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const forced = new Promise<void>((r) => (timer = this.o.clock.setTimeout(r, 2000)));
    await Promise.race([c.endAsync(false), forced]);
    if (timer !== undefined) this.o.clock.clearTimeout(timer);
    if (!c.disconnected) await c.endAsync(true);
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Publishes and counts by kind (`sent.osd`, `sent.state`, …). */
  publish(kind: string, topic: string, msg: UpMessage | Record<string, unknown>, qos: 0 | 1 = 1): void {
    const c = this.client;
    if (!c) return;
    this.o.counters.inc(`sent.${kind}`);
    c.publish(topic, JSON.stringify(msg), { qos }, (e) => {
      if (!e) return;
      this.o.counters.inc('publish_errors');
      this.o.log.debug('publish failed', { topic, error: e.message });
    });
  }

  /** Publishes an up message and awaits the reply with the same tid/bid. */
  async call(kind: 'requests' | 'status' | 'events', topic: string, msg: UpMessage, timeoutMs: number): Promise<Result<DownMessage>> {
    const reply = this.waiter.wait(msg.tid, msg.bid, timeoutMs, `${kind} ${msg.method ?? ''}`);
    this.publish(kind, topic, msg, 1);
    const r = await reply;
    if (!r.ok && r.error.code === 'timeout') this.o.counters.inc(`unanswered.${kind}`);
    return r;
  }

  request(method: string, data: unknown, now: number, timeoutMs: number): Promise<Result<DownMessage>> {
    const gw = this.o.gatewaySn;
    return this.call('requests', topics.requests(gw), envelope(gw, now, data, { method }), timeoutMs);
  }

  private route(topic: string, payload: Buffer): void {
    const family = FAMILIES.find((f) => topic.endsWith(`/${f}`));
    if (!family) return;
    const msg = parseDown(payload);
    if (typeof msg === 'string') {
      this.o.counters.inc('received.bad_message');
      this.o.log.warn('bad message from cloud', { topic, reason: msg });
      return;
    }
    this.o.counters.inc(`received.${family}`);
    if (family === 'services' || family === 'property/set') {
      this.o.onDown(family, msg);
      return;
    }
    if (!this.waiter.settle(msg)) {
      this.o.counters.inc('received.unmatched_reply');
      this.o.log.debug('reply matched no pending call (late or unsolicited)', { topic, tid: msg.tid });
    }
  }
}
