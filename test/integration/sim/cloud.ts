/** Test harness: an aedes broker on 127.0.0.1 and a mqtt.js "cloud" client that answers the simulator like a DJI platform would. */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { connect, type MqttClient } from 'mqtt';

export interface Broker {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBroker(): Promise<Broker> {
  const aedes = await Aedes.createBroker();
  const server: Server = createServer(aedes.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((r) => aedes.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export interface Received {
  readonly topic: string;
  readonly msg: Record<string, unknown> & { tid: string; bid: string; method?: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test harness reads arbitrary reply shapes
}

export interface CloudOptions {
  /** Answer airport_bind_status with "bound" (default false → the device binds). */
  readonly bound?: boolean;
  /** Ignore this many update_topo messages before answering (tests the retry). */
  readonly dropTopo?: number;
  /** Do not answer these request methods at all. */
  readonly silent?: readonly string[];
  /** Answer events with need_reply (default true). */
  readonly replyEvents?: boolean;
}

/** A cloud that records everything and answers requests/status/events like the DJI demo does. */
export class Cloud {
  readonly received: Received[] = [];
  private waiters: { pred: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  private topoSeen = 0;

  private constructor(
    readonly client: MqttClient,
    private readonly o: CloudOptions,
  ) {}

  static async connect(url: string, o: CloudOptions = {}): Promise<Cloud> {
    const client = connect(url, { clientId: `cloud-${Math.random().toString(16).slice(2)}`, protocolVersion: 4 });
    const cloud = new Cloud(client, o);
    client.on('message', (topic, payload) => cloud.onMessage(topic, payload));
    await new Promise<void>((r) => client.once('connect', () => r()));
    await client.subscribeAsync(['thing/product/+/#', 'sys/product/+/status'], { qos: 1 });
    return cloud;
  }

  /** Resolves with the first message (already received or future) matching `pred`. */
  waitFor(pred: (r: Received) => boolean): Promise<Received> {
    const hit = this.received.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  /** Resolves with the next message from now on matching `pred`. */
  next(pred: (r: Received) => boolean): Promise<Received> {
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  of(topicEnd: string, sn?: string): Received[] {
    return this.received.filter((r) => r.topic.endsWith(topicEnd) && (sn === undefined || r.topic.includes(`/${sn}/`)));
  }

  publish(topic: string, msg: unknown): void {
    this.client.publish(topic, typeof msg === 'string' ? msg : JSON.stringify(msg), { qos: 1 });
  }

  close(): Promise<void> {
    return this.client.endAsync(true);
  }

  private onMessage(topic: string, payload: Buffer): void {
    let msg: Received['msg'];
    try {
      msg = JSON.parse(payload.toString('utf8'));
    } catch {
      return; // our own malformed test publishes
    }
    const r: Received = { topic, msg };
    if (/\/(services|property\/set|requests_reply|status_reply|events_reply)$/.test(topic)) return; // cloud → device
    this.received.push(r);
    this.waiters = this.waiters.filter((w) => (w.pred(r) ? (w.resolve(r), false) : true));
    this.answer(r);
  }

  private answer({ topic, msg }: Received): void {
    const gw = topic.split('/')[2]!;
    const echo = { tid: msg.tid, bid: msg.bid, timestamp: Date.now(), method: msg.method };
    if (topic.endsWith('/status')) {
      if (this.topoSeen++ < (this.o.dropTopo ?? 0)) return;
      this.publish(`sys/product/${gw}/status_reply`, { ...echo, data: { result: 0 } });
    } else if (topic.endsWith('/requests')) {
      if (this.o.silent?.includes(msg.method ?? '')) return;
      this.publish(`thing/product/${gw}/requests_reply`, { ...echo, gateway: gw, data: this.requestReply(msg) });
    } else if (topic.endsWith('/events') && msg.need_reply === 1 && this.o.replyEvents !== false) {
      this.publish(`thing/product/${gw}/events_reply`, { ...echo, data: { result: 0 } });
    }
  }

  private requestReply(msg: Received['msg']): unknown {
    switch (msg.method) {
      case 'config':
        return { app_id: 123456, app_key: 'k', app_license: 'l', ntp_server_host: '127.0.0.1', ntp_server_port: 123 };
      case 'airport_bind_status':
        return {
          result: 0,
          output: {
            bind_status: (msg.data.devices as { sn: string }[]).map((d) => ({
              sn: d.sn,
              is_device_bind_organization: this.o.bound ?? false,
              organization_id: 'org-1',
              organization_name: 'Test Org',
              device_callsign: d.sn,
            })),
          },
        };
      case 'airport_organization_get':
        return { result: 0, output: { organization_name: 'Test Org' } };
      case 'airport_organization_bind':
        return { result: 0, output: { err_infos: (msg.data.bind_devices as { sn: string }[]).map((d) => ({ sn: d.sn, err_code: 0 })) } };
      default:
        return { result: 0, output: {} };
    }
  }
}
