/** The embedded link: an aedes broker inside Outpost that docks and Pilot 2 connect to over TCP, WebSocket or TLS. */
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client } from 'aedes';
import type { LinkStatus } from '../../../shared/ipc/contract';
import { Counters } from '../util/counters';
import { silentLogger, type Logger } from '../util/log';
import { Emitter } from './emitter';
import { openListeners, type LinkPorts, type Listeners } from './listeners';
import { LinkError, type BrokerAuth, type ClientEvent, type InboundMessage, type Link, type Qos } from './types';

export type { LinkPorts } from './listeners';

export interface EmbeddedLinkOptions {
  /** 0 = an ephemeral port; read the bound one from `ports()`. */
  readonly mqttPort: number;
  readonly wsPort?: number;
  readonly tlsPort?: number;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Listen address. Default 127.0.0.1: pass `0.0.0.0` (or the LAN address) so docks on the network can reach it. */
  readonly host?: string;
  readonly auth: BrokerAuth;
  readonly logger?: Logger;
  readonly counters?: Counters;
  /** Larger device publishes are refused (default 4 MiB; DJI messages are a few kB). */
  readonly maxPayloadBytes?: number;
  /**
   * What to do with a publish the ACL refuses. MQTT 3.1.1 §3.3.5 allows either acking and dropping it or
   * closing the connection; `drop` (default, like EMQX and Mosquitto) keeps one stray topic from
   * reconnect-looping a whole dock.
   */
  readonly refusedPublish?: 'drop' | 'disconnect';
}

export interface EmbeddedLink extends Link {
  readonly kind: 'embedded';
  /** The ports actually bound (after `start()`); throws before. */
  ports(): LinkPorts;
}

/** Refused publishes are re-addressed here: `$` topics never reach `#` subscribers nor the engine. */
const REFUSED_TOPIC = '$outpost/refused';

interface Session {
  readonly principal: string;
  readonly username: string | null;
  reason?: string;
}

export function createEmbeddedLink(opts: EmbeddedLinkOptions): EmbeddedLink {
  const log = opts.logger ?? silentLogger;
  const counters = opts.counters ?? new Counters();
  const maxPayload = opts.maxPayloadBytes ?? 4 * 1024 * 1024;
  const messages = new Emitter<InboundMessage>('message', log, counters);
  const clientEvents = new Emitter<ClientEvent>('client_event', log, counters);
  const statuses = new Emitter<LinkStatus>('status', log, counters);
  const sessions = new WeakMap<Client, Session>();
  /** The newest authenticated client per id: a takeover's old connection must not drop the new one's ACL binding. */
  const current = new Map<string, Client>();
  let broker: Aedes | null = null;
  const stopping = new WeakSet<Aedes>();
  let listeners: Listeners | null = null;
  let state: LinkStatus['state'] = 'down';
  let detail = 'not started';

  const status = (): LinkStatus => ({ kind: 'embedded', state, detail, clients: broker?.connectedClients ?? 0 });
  const setState = (s: LinkStatus['state'], d: string): void => {
    state = s;
    detail = d;
    statuses.emit(status());
  };

  const refuse = (client: Client, packet: { topic: string; retain: boolean }, why: string, done: (e?: Error | null) => void): void => {
    if (opts.refusedPublish === 'disconnect') return done(new Error(`publish refused: ${why}`));
    packet.topic = REFUSED_TOPIC; // not the client id: it may contain `/`, `+` or `#`
    packet.retain = false;
    done(null);
  };

  const makeBroker = (): Aedes =>
    new Aedes({
      authenticate(client, username, password, done) {
        const principal = opts.auth.authenticate(client.id, username ?? null, password ?? null);
        if (principal === null) {
          const e = new Error('bad username or password') as AuthenticateError;
          (e as { returnCode: number }).returnCode = 4; // CONNACK 0x04 (MQTT 3.1.1 §3.2.2.3)
          return done(e, null);
        }
        sessions.set(client, { principal, username: username ?? null });
        current.set(client.id, client);
        done(null, true);
      },
      authorizePublish(client, packet, done) {
        if (client === null) return done(null); // a stale will published by aedes itself
        const s = sessions.get(client);
        if (s === undefined) return done(new Error('publish before authentication'));
        const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
        if (payload.length > maxPayload) {
          counters.inc('link.publish_too_large');
          log.warn('device publish too large', { clientId: client.id, topic: packet.topic, bytes: payload.length, max: maxPayload });
          return refuse(client, packet, 'payload too large', done);
        }
        if (!opts.auth.canPublish(client.id, s.principal, packet.topic, payload)) return refuse(client, packet, 'acl', done);
        done(null);
      },
      authorizeSubscribe(client, sub, done) {
        const s = sessions.get(client);
        const allowed = s !== undefined && opts.auth.canSubscribe(client.id, s.principal, sub.topic);
        done(null, allowed ? sub : null); // null → SUBACK 0x80 for this filter, connection stays up
      },
    });

  const wire = (b: Aedes): void => {
    b.on('publish', (packet: AedesPublishPacket, client: Client | null) => {
      // client === null: the engine's own publishes and $SYS; `$…` also covers refused publishes.
      if (client === null || packet.topic.startsWith('$')) return;
      // Wills fired because stop() closes every client are not device news.
      if (stopping.has(b)) return;
      counters.inc('link.messages_in');
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      messages.emit({ topic: packet.topic, payload, clientId: client.id });
    });
    b.on('client', (client) => {
      const s = sessions.get(client);
      log.info('device connected', { clientId: client.id, username: s?.username ?? null });
      clientEvents.emit({ type: 'connected', clientId: client.id, username: s?.username ?? null });
      statuses.emit(status());
    });
    b.on('clientDisconnect', (client) => {
      const s = sessions.get(client);
      // `_disconnected` is aedes' flag for a DISCONNECT packet (lib/handlers/index.js); not in its typings.
      const clean = (client as unknown as { _disconnected?: boolean })._disconnected === true;
      const reason = s?.reason ?? (clean ? 'clean' : 'connection_lost');
      log.info('device disconnected', { clientId: client.id, reason });
      if (current.get(client.id) === client) {
        current.delete(client.id);
        opts.auth.forget?.(client.id);
      }
      clientEvents.emit({ type: 'disconnected', clientId: client.id, username: s?.username ?? null, reason });
      statuses.emit(status());
    });
    b.on('clientError', (client, e) => {
      counters.inc('link.client_errors');
      const s = sessions.get(client);
      if (s !== undefined && s.reason === undefined) s.reason = `error: ${e.message}`;
      log.warn('device client error', { clientId: client.id, error: e.message });
    });
    b.on('connectionError', (_client, e) => {
      counters.inc('link.connection_errors');
      log.warn('connection error before CONNECT', { error: e.message });
    });
    b.on('keepaliveTimeout', (client) => {
      counters.inc('link.keepalive_timeouts');
      const s = sessions.get(client);
      if (s !== undefined) s.reason = 'keepalive_timeout';
      log.warn('device keepalive timeout', { clientId: client.id });
    });
  };

  const closeBroker = (b: Aedes): Promise<void> => new Promise((resolve) => b.close(() => resolve()));

  return {
    kind: 'embedded',
    async start() {
      if (broker !== null) return;
      setState('starting', 'opening listeners');
      const b = makeBroker();
      wire(b);
      await b.listen();
      try {
        listeners = await openListeners({
          host: opts.host ?? '127.0.0.1',
          mqttPort: opts.mqttPort,
          ...(opts.wsPort !== undefined ? { wsPort: opts.wsPort } : {}),
          ...(opts.tlsPort !== undefined && opts.tls !== undefined ? { tlsPort: opts.tlsPort, tls: opts.tls } : {}),
          maxPayloadBytes: maxPayload,
          logger: log,
          handle: (stream, req) => b.handle(stream, req),
        });
      } catch (e) {
        await closeBroker(b);
        const msg = e instanceof Error ? e.message : String(e);
        setState('down', msg);
        log.error('embedded broker failed to start', { error: msg });
        throw e;
      }
      broker = b;
      const p = listeners.ports;
      const d = `mqtt :${p.mqtt}` + (p.ws !== null ? `, ws :${p.ws}/mqtt` : '') + (p.tls !== null ? `, tls :${p.tls}` : '');
      log.info('embedded broker up', { ...p });
      setState('up', d);
    },
    async stop() {
      const b = broker;
      const l = listeners;
      broker = null;
      listeners = null;
      if (b === null) return;
      stopping.add(b);
      const closing = l?.close() ?? Promise.resolve();
      await closeBroker(b);
      await closing;
      current.clear();
      setState('down', 'stopped');
    },
    publish(topic, payload, o) {
      const b = broker;
      if (b === null) return Promise.reject(new LinkError('link_down', 'embedded broker is not running'));
      const qos: Qos = o?.qos ?? 0;
      const buf = typeof payload === 'string' ? Buffer.from(payload) : payload;
      return new Promise((resolve, reject) =>
        b.publish({ cmd: 'publish', topic, payload: buf, qos, retain: o?.retain ?? false, dup: false }, (e) =>
          e ? reject(new LinkError('publish_failed', `publish to ${topic} failed: ${e.message}`, { cause: e })) : resolve(),
        ),
      );
    },
    onMessage: (l) => messages.on(l),
    onClientEvent: (l) => clientEvents.on(l),
    onStatus: (l) => statuses.on(l),
    status,
    ports() {
      if (listeners === null) throw new Error('embedded link not started');
      return listeners.ports;
    },
  };
}
