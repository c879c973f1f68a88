/** The remote link: Outpost as one client of an external broker (EMQX, Mosquitto) through mqtt.js, with its own backoff. */
import { randomBytes } from 'node:crypto';
import { connect, ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import type { LinkStatus } from '../../../shared/ipc/contract';
import { systemClock, type Clock } from '../util/clock';
import { Counters } from '../util/counters';
import { silentLogger, type Logger } from '../util/log';
import { Backoff, defaultBackoff, type BackoffOptions } from './backoff';
import { Emitter } from './emitter';
import { UPLINK_SUBSCRIPTIONS } from '../../../shared/protocol';
import { LinkError, type ClientEvent, type InboundMessage, type Link, type Qos } from './types';

/** Every device→cloud topic family (DJI "Topic Definition"; shared/protocol/SUMMARY.md §4.1). */
export const UPLINK_FILTERS: readonly string[] = UPLINK_SUBSCRIPTIONS;

/** With a share group, instances split device traffic instead of each receiving all of it (MQTT 5 §4.8.2). */
export function uplinkFilters(shareGroup: string | null | undefined): readonly string[] {
  return shareGroup ? UPLINK_FILTERS.map((f) => `$share/${shareGroup}/${f}`) : UPLINK_FILTERS;
}

export interface RemoteLinkOptions {
  /** mqtt://host:1883, mqtts://…, ws://…/mqtt, wss://… */
  readonly url: string;
  readonly username?: string | null;
  readonly password?: string | null;
  /** Unique per Outpost instance; random by default. */
  readonly clientId?: string;
  readonly shareGroup?: string | null;
  readonly tls?: {
    readonly ca?: string | Buffer;
    readonly cert?: string | Buffer;
    readonly key?: string | Buffer;
    readonly rejectUnauthorized?: boolean;
  };
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly counters?: Counters;
  readonly backoff?: BackoffOptions;
  readonly keepaliveSec?: number;
  readonly connectTimeoutMs?: number;
}

export interface RemoteLink extends Link {
  readonly kind: 'remote';
}

export function createRemoteLink(opts: RemoteLinkOptions): RemoteLink {
  const log = opts.logger ?? silentLogger;
  const counters = opts.counters ?? new Counters();
  const backoff = new Backoff(opts.backoff ?? defaultBackoff, opts.clock ?? systemClock);
  const filters = uplinkFilters(opts.shareGroup);
  const clientId = opts.clientId ?? `outpost-${randomBytes(6).toString('hex')}`;
  const messages = new Emitter<InboundMessage>('message', log, counters);
  const statuses = new Emitter<LinkStatus>('status', log, counters);
  let client: MqttClient | null = null;
  let stopped = true;
  let state: LinkStatus['state'] = 'down';
  let detail = 'not started';
  let settleStart: (() => void) | null = null;

  const status = (): LinkStatus => ({ kind: 'remote', state, detail, clients: 0 });
  const setState = (s: LinkStatus['state'], d: string): void => {
    if (s === state && d === detail) return;
    state = s;
    detail = d;
    statuses.emit(status());
    if (s !== 'starting') {
      settleStart?.();
      settleStart = null;
    }
  };

  const mqttOptions = (): IClientOptions => ({
    clientId,
    clean: true,
    protocolVersion: 4, // DJI devices speak MQTT 3.1.1; brokers accept $share on it (EMQX, Mosquitto ≥ 1.6)
    reconnectPeriod: 0, // reconnection is ours (Backoff): testable on an injected clock
    resubscribe: false, // each attempt is a fresh client that subscribes itself
    keepalive: opts.keepaliveSec ?? 30,
    connectTimeout: opts.connectTimeoutMs ?? 10_000,
    ...(opts.username != null ? { username: opts.username } : {}),
    ...(opts.password != null ? { password: opts.password } : {}),
    ...(opts.tls ?? {}),
  });

  /** Subscribe the uplink filters; resolves with the ones the broker's ACL refused (SUBACK 0x80). */
  const subscribeAll = async (c: MqttClient): Promise<readonly string[]> => {
    let codes: readonly number[];
    try {
      codes = (await c.subscribeAsync([...filters], { qos: 1 })).map((g) => g.qos);
    } catch (e) {
      // mqtt.js v5 rejects the whole call when any filter is refused; the SUBACK tells which.
      if (!(e instanceof ErrorWithSubackPacket)) throw e;
      codes = e.packet.granted as number[];
    }
    const refused = filters.filter((_f, i) => (codes[i] ?? 0x80) >= 0x80);
    if (refused.length > 0) {
      counters.inc('link.remote_subscribe_refused', refused.length);
      log.error('remote broker refused subscriptions (check its ACL)', { refused });
    }
    return refused;
  };

  const attempt = (): void => {
    if (stopped) return;
    let c: MqttClient;
    try {
      c = connect(opts.url, mqttOptions());
    } catch (e) {
      // A malformed URL is a settings error: retrying cannot fix it.
      const msg = `cannot connect to ${opts.url}: ${e instanceof Error ? e.message : String(e)}`;
      log.error('remote broker settings invalid', { error: msg });
      setState('down', msg);
      return;
    }
    client = c;
    let lastError = '';
    let lost = false;
    c.on('error', (e) => {
      lastError = e.message;
      counters.inc('link.remote_errors');
      log.warn('remote broker error', { url: opts.url, error: e.message });
    });
    c.on('message', (topic, payload) => {
      counters.inc('link.messages_in');
      messages.emit({ topic, payload, clientId: null });
    });
    c.on('connect', () => {
      subscribeAll(c).then(
        (refused) => {
          if (client !== c) return;
          backoff.reset();
          log.info('remote broker up', { url: opts.url, clientId });
          setState('up', refused.length > 0 ? `${opts.url} (refused: ${refused.join(', ')})` : opts.url);
        },
        (e: Error) => {
          lastError = `subscribe failed: ${e.message}`;
          log.warn('remote subscribe failed', { error: e.message });
          c.end(true); // → close → retry
        },
      );
    });
    c.on('close', () => {
      if (lost || client !== c || stopped) return;
      lost = true;
      client = null;
      c.removeAllListeners('message');
      c.end(true);
      const delay = backoff.schedule(attempt);
      const why = lastError || 'connection closed';
      log.warn('remote broker connection lost', { url: opts.url, error: why, retryInMs: delay });
      setState('reconnecting', `${why}; retry ${backoff.attempts} in ${delay} ms`);
    });
  };

  return {
    kind: 'remote',
    start() {
      if (!stopped) return Promise.resolve();
      stopped = false;
      // Resolves once the first attempt settles (up, reconnecting or down) so app start never hangs on a broker.
      const settled = new Promise<void>((resolve) => (settleStart = resolve));
      setState('starting', `connecting to ${opts.url}`);
      attempt();
      return settled;
    },
    async stop() {
      stopped = true;
      backoff.cancel();
      const c = client;
      client = null;
      if (c !== null) await new Promise<void>((resolve) => c.end(true, () => resolve()));
      setState('down', 'stopped');
    },
    publish(topic, payload, o) {
      // Rejected, not queued: a command or stick packet delivered late is worse than one reported failed;
      // services/drc own their retries and timeouts.
      const c = client;
      if (c === null || state !== 'up' || !c.connected) {
        counters.inc('link.publish_rejected_down');
        return Promise.reject(new LinkError('link_down', `remote broker ${opts.url} is ${state}; not sent: ${topic}`));
      }
      const qos: Qos = o?.qos ?? 0;
      return c.publishAsync(topic, payload, { qos, retain: o?.retain ?? false }).then(
        () => undefined,
        (e: Error) => {
          throw new LinkError('publish_failed', `publish to ${topic} failed: ${e.message}`, { cause: e });
        },
      );
    },
    onMessage: (l) => messages.on(l),
    onClientEvent: (_l: (ev: ClientEvent) => void) => () => {}, // devices are invisible behind a remote broker
    onStatus: (l) => statuses.on(l),
    status,
  };
}
