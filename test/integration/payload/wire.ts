/** Watches gateways' drc/down, drc/up and services on the real broker, as device-credentialed clients see them. */
import { connectAsync, type MqttClient } from 'mqtt';
import { DEVICE_PASS, DEVICE_USER } from '../../helpers/engine';

export interface WireMessage {
  readonly topic: string;
  readonly method: string;
  readonly seq?: number;
  readonly data: Record<string, unknown>;
}

export class Wire {
  /** Every message seen, in arrival order. */
  readonly seen: WireMessage[] = [];
  private readonly clients: MqttClient[] = [];

  constructor(private readonly url: string) {}

  /** One client per gateway: a device client is bound to one gateway. */
  async watch(gateway: string): Promise<void> {
    const w = await connectAsync(this.url, { clientId: `wire-${gateway}`, username: DEVICE_USER, password: DEVICE_PASS, reconnectPeriod: 0 });
    w.on('message', (topic, payload) => {
      const m = JSON.parse(payload.toString()) as { method?: string; seq?: number; data?: Record<string, unknown> };
      this.seen.push({ topic, method: m.method ?? '', ...(typeof m.seq === 'number' ? { seq: m.seq } : {}), data: m.data ?? {} });
    });
    await w.subscribeAsync([`thing/product/${gateway}/drc/down`, `thing/product/${gateway}/drc/up`, `thing/product/${gateway}/services`], { qos: 1 });
    this.clients.push(w);
  }

  /** Messages on thing/product/<gateway>/<leaf>. */
  on(gateway: string, leaf: string): WireMessage[] {
    return this.seen.filter((m) => m.topic === `thing/product/${gateway}/${leaf}`);
  }

  /** Resolves with what `find` returns once a watched message makes it defined (event-driven). */
  until<T>(find: () => T | undefined, what: string, ms = 5_000): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const stop = (): void => void this.clients.forEach((w) => w.off('message', check));
      const timer = setTimeout(() => (stop(), reject(new Error(`${what}: not seen within ${ms} ms`))), ms);
      const check = (): void => {
        const v = find();
        if (v === undefined) return;
        clearTimeout(timer);
        stop();
        resolve(v);
      };
      this.clients.forEach((w) => w.on('message', check));
    });
  }

  close(): Promise<unknown> {
    return Promise.all(this.clients.map((w) => w.endAsync()));
  }
}
