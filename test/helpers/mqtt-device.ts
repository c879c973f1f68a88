/** A bare docs-following MQTT device for tests: publish envelopes, await replies by tid. */
import mqtt, { type MqttClient } from 'mqtt';
import { randomUUID } from 'node:crypto';

export interface TestDevice {
  readonly client: MqttClient;
  readonly sn: string;
  publish(topic: string, method: string | undefined, data: unknown, extra?: Record<string, unknown>): Promise<{ tid: string; bid: string }>;
  publishRaw(topic: string, payload: string | Buffer): Promise<void>;
  /** Resolves with the next message on `topic` whose tid matches (or any, when tid is omitted). */
  next(topic: string, tid?: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function connectDevice(url: string, sn: string, opts: { username: string; password: string; will?: { topic: string; payload: Buffer } }): Promise<TestDevice> {
  const client = mqtt.connect(url, {
    clientId: sn,
    username: opts.username,
    password: opts.password,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...(opts.will ? { will: { topic: opts.will.topic, payload: opts.will.payload, qos: 0 as const, retain: false } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  const waiters: { topic: string; tid?: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  client.on('message', (topic, payload) => {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(payload.toString()) as Record<string, unknown>;
    } catch {
      return;
    }
    const i = waiters.findIndex((w) => w.topic === topic && (w.tid === undefined || w.tid === msg.tid));
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
  });
  const sub = (t: string): Promise<void> => new Promise((res, rej) => client.subscribe(t, { qos: 1 }, (e) => (e ? rej(e) : res())));
  for (const fam of ['services', 'events_reply', 'requests_reply', 'property/set', 'drc/down', 'state_reply']) await sub(`thing/product/${sn}/${fam}`);
  await sub(`sys/product/${sn}/status_reply`);
  return {
    client,
    sn,
    async publish(topic, method, data, extra = {}) {
      const tid = randomUUID();
      const bid = randomUUID();
      const env = { tid, bid, timestamp: Date.now(), gateway: sn, ...(method ? { method } : {}), data, ...extra };
      await client.publishAsync(topic, JSON.stringify(env), { qos: 1 });
      return { tid, bid };
    },
    async publishRaw(topic, payload) {
      await client.publishAsync(topic, payload, { qos: 1 });
    },
    next(topic, tid, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const w = { topic, ...(tid ? { tid } : {}), resolve: (m: Record<string, unknown>) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no message on ${topic}${tid ? ` with tid ${tid}` : ''} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    close: () => client.endAsync(),
  };
}
