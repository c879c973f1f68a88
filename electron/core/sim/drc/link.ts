/**
 * The simulated device's DRC connection: a SECOND mqtt.js client that logs in with the
 * credentials drc_mode_enter handed over (Dock 2 110.drc.md `mqtt_broker`), subscribes to
 * drc/down and publishes drc/up. Wrong or expired credentials, or an ACL that refuses
 * drc/down, fail here exactly as they would on a real dock.
 */
import { connect, type MqttClient } from 'mqtt';
import { appError, err, ok, type Result } from '../../../../shared/util/result';

export interface MqttBrokerInfo {
  readonly address: string;
  readonly client_id: string;
  readonly username: string;
  readonly password: string;
  readonly expire_time: number;
  readonly enable_tls: boolean;
}

export function readMqttBroker(v: unknown): MqttBrokerInfo | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const str = (k: string): boolean => typeof o[k] === 'string' && o[k] !== '';
  if (!str('address') || !str('client_id') || !str('username') || !str('password') || typeof o.expire_time !== 'number') return null;
  return { address: o.address as string, client_id: o.client_id as string, username: o.username as string, password: o.password as string, expire_time: o.expire_time, enable_tls: o.enable_tls === true };
}

export interface DrcDownMessage {
  readonly method: string;
  readonly seq: number | undefined;
  readonly data: unknown;
}

export class SimDrcLink {
  private client: MqttClient | null = null;

  constructor(
    private readonly gatewaySn: string,
    private readonly onDown: (m: DrcDownMessage) => void,
    private readonly onLost: (why: string) => void,
  ) {}

  /** Connects and subscribes; an error names what failed (login, subscribe). */
  async open(b: MqttBrokerInfo, connectTimeoutMs = 5_000): Promise<Result<void>> {
    const url = `${b.enable_tls ? 'mqtts' : 'mqtt'}://${b.address}`;
    const client = connect(url, { clientId: b.client_id, username: b.username, password: b.password, reconnectPeriod: 0, connectTimeout: connectTimeoutMs, clean: true, protocolVersion: 4 });
    this.client = client;
    const connected = await new Promise<Result<void>>((resolve) => {
      client.once('connect', () => resolve(ok(undefined)));
      client.once('error', (e) => resolve(err(appError('drc_login_failed', `DRC broker login to ${b.address} as ${b.username} failed: ${e.message}`))));
      client.once('close', () => resolve(err(appError('drc_login_failed', `DRC broker ${b.address} closed the connection`))));
    });
    if (!connected.ok) {
      this.client = null;
      client.end(true);
      return connected;
    }
    const topic = `thing/product/${this.gatewaySn}/drc/down`;
    try {
      const granted = await client.subscribeAsync(topic, { qos: 0 });
      if (granted.some((g) => g.qos === 128)) throw new Error(`subscription to ${topic} refused`);
    } catch (e) {
      this.close();
      return err(appError('drc_subscribe_failed', `DRC link: ${e instanceof Error ? e.message : String(e)}`));
    }
    client.on('message', (_t, payload) => this.route(payload));
    client.on('close', () => {
      if (this.client === client) this.onLost('DRC connection closed');
    });
    return ok(undefined);
  }

  publish(method: string, seq: number, data: unknown, now: number): void {
    this.client?.publish(`thing/product/${this.gatewaySn}/drc/up`, JSON.stringify({ method, seq, timestamp: now, data }), { qos: 0 });
  }

  close(): void {
    const c = this.client;
    this.client = null;
    c?.end(true);
  }

  private route(payload: Buffer): void {
    let m: unknown;
    try {
      m = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (typeof m !== 'object' || m === null) return;
    const o = m as { method?: unknown; seq?: unknown; data?: unknown };
    if (typeof o.method !== 'string') return;
    this.onDown({ method: o.method, seq: typeof o.seq === 'number' ? o.seq : undefined, data: o.data });
  }
}
