/**
 * The engine: one composition of link → router → shadow → store, the services
 * caller, the HTTP API and the IPC contract. Plain Node; both shells (Electron
 * and serve mode) run this same object.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { INVOKE_CHANNELS, SEND_CHANNELS, type CoreInvokeHandlers, type CoreSendHandlers, type EngineStatus, type InvokeHandlers, type SendHandlers, type SettingsUpdate } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/model/settings';
import { parseTopic } from '../../../shared/protocol';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { startHttpServer, type HttpServer } from '../http/server';
import { createTileRoute } from '../http/tiles';
import { FEATURES } from '../features';
import type { Feature, FeatureContext, FeatureFactory } from '../features/types';
import { EventBus } from '../ipc/bus';
import { WsTransport } from '../ipc/ws-transport';
import { createDeviceAuth, type DeviceAuth } from '../link/auth';
import { createLink, type AnyLink } from '../link/manager';
import { Router } from '../router/router';
import { ServiceCaller } from '../services/caller';
import { createRequestHandlers } from '../services/requests';
import { PatchCoalescer } from '../shadow/coalescer';
import { Shadow } from '../shadow/shadow';
import { openStore, type Store } from '../store/store';
import { systemClock, type Clock, type TimerHandle } from '../util/clock';
import { Counters } from '../util/counters';
import { createLogger, type Logger } from '../util/log';
import { bindingsPort, routerPersistence } from './persistence';
import { mergeSettings, SettingsFile, validateSettings } from './settings';
import { resolveApiToken } from './token';

export interface EngineOptions {
  readonly dataDir: string;
  /** HTTP/IPC bind address (default 127.0.0.1: only this laptop). */
  readonly host?: string;
  /** Broker bind address (default 0.0.0.0 so docks on the LAN can connect). */
  readonly mqttHost?: string;
  /** Command-line overrides on top of settings.json (not written back). */
  readonly overrides?: SettingsUpdate;
  readonly apiToken?: string;
  /** Built renderer to serve over HTTP (serve mode), or null. */
  readonly rendererDir?: string | null;
  readonly silenceTimeoutMs?: number;
  readonly serviceTimeoutMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Capabilities to start (default: electron/core/features FEATURES). */
  readonly features?: readonly FeatureFactory[];
}

export interface Engine {
  readonly token: string;
  readonly shadow: Shadow;
  readonly caller: ServiceCaller;
  readonly store: Store;
  readonly auth: DeviceAuth;
  readonly bus: EventBus;
  readonly counters: Counters;
  readonly invoke: InvokeHandlers;
  readonly sends: SendHandlers;
  readonly bindingCode: string;
  readonly organizationId: string;
  settings(): Settings;
  status(): EngineStatus;
  ports(): { http: number; mqtt: number | null; ws: number | null; tls: number | null };
  stop(): Promise<void>;
}

export async function startEngine(opts: EngineOptions): Promise<Result<Engine>> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger();
  const counters = new Counters();
  mkdirSync(opts.dataDir, { recursive: true });

  const settingsFile = new SettingsFile(opts.dataDir);
  const loaded = settingsFile.load();
  if (!loaded.ok) return loaded;
  const effective = validateSettings(mergeSettings(loaded.value, opts.overrides ?? {}));
  if (!effective.ok) return effective;
  let settings: Settings = effective.value;
  /** What is saved: file settings + operator edits, never the command-line overrides. */
  let saved: Settings = loaded.value;

  const token = resolveApiToken(opts.dataDir, opts.apiToken);
  const storeR = openStore(join(opts.dataDir, 'outpost.db'), { clock, logger });
  if (!storeR.ok) return storeR;
  const store = storeR.value;
  const org = store.bindings.ensureDefaultOrganization({ name: 'Outpost' }, clock.now());
  if (!org.ok) {
    store.close();
    return org;
  }

  const shadow = new Shadow();
  shadow.restore(
    store.devices.list().map((d) => ({
      sn: d.sn,
      modelKey: d.modelKey,
      gateway: d.gatewaySn,
      children: store.topology.childrenOf(d.sn).map((c) => c.sn),
      lastSeen: d.lastSeen,
      callsign: d.callsign,
    })),
  );
  const bus = new EventBus();
  const coalescer = new PatchCoalescer(clock, (patches) => bus.emit('shadow:patch', patches), 10);
  shadow.onChange((p) => {
    coalescer.push(p);
    if (p.online !== undefined) store.devices.setOnline(p.sn, p.online, clock.now());
  });

  const auth = createDeviceAuth({ credentials: () => settings.device, childrenOf: (sn) => shadow.childrenOf(sn), logger: logger.child('auth'), counters, clock });
  const linkR = createLink(settings.broker, { auth, logger, clock, counters, host: opts.mqttHost ?? '0.0.0.0' });
  if (!linkR.ok) {
    store.close();
    return linkR;
  }
  const link: AnyLink = linkR.value;
  const caller = new ServiceCaller({ publish: (t, p) => link.publish(t, p, { qos: 1 }), clock, logger: logger.child('services'), counters, defaultTimeoutMs: opts.serviceTimeoutMs ?? 10_000 });
  const eventListeners = new Set<(gateway: string, method: string, data: unknown) => void>();
  const drcListeners = new Set<(gateway: string, method: string, data: unknown, seq: number | undefined) => void>();
  // Capabilities may take over request methods (features' `requests`), so keep the table mutable.
  const requestHandlers: Record<string, (gateway: string, data: Record<string, unknown>) => unknown> = {
    ...createRequestHandlers({
      dji: () => settings.dji,
      bindings: bindingsPort(store),
      onBound: (sn, callsign) => shadow.setCallsign(sn, callsign),
      now: () => clock.now(),
    }),
  };
  const router = new Router({
    shadow,
    caller,
    requestHandlers,
    publish: (t, p) => link.publish(t, p, { qos: 1 }),
    persist: routerPersistence(store, counters, logger),
    clock,
    logger: logger.child('router'),
    counters,
    onEvent: (gw, method, data) => {
      for (const l of eventListeners) l(gw, method, data);
    },
    onDrcUp: (gw, method, data, seq) => {
      for (const l of drcListeners) l(gw, method, data, seq);
    },
  });

  // Which gateway a broker client speaks for, learned from its status topic.
  const clientGateway = new Map<string, string>();
  link.onMessage((m) => {
    if (m.clientId && m.topic.startsWith('sys/')) {
      const t = parseTopic(m.topic);
      if (t) clientGateway.set(m.clientId, t.sn);
    }
    router.handle(m);
  });
  link.onClientEvent((ev) => {
    if (ev.type !== 'disconnected') return;
    const sn = clientGateway.get(ev.clientId) ?? auth.bindingOf(ev.clientId);
    clientGateway.delete(ev.clientId);
    if (sn) {
      counters.inc('offline.disconnect');
      logger.info('device disconnected', { sn, clientId: ev.clientId, reason: ev.reason });
      shadow.markGatewayOffline(sn, 'disconnect');
    }
  });

  try {
    await link.start();
  } catch (e) {
    store.close();
    return err(appError('link_failed', `The MQTT broker could not start: ${e instanceof Error ? e.message : String(e)}`));
  }

  const silenceMs = opts.silenceTimeoutMs ?? 30_000;
  const sweep: TimerHandle = clock.setInterval(() => {
    for (const sn of shadow.sweepSilent(clock.now(), silenceMs)) {
      counters.inc('offline.silence');
      logger.info('device silent: offline', { sn, silenceMs });
    }
  }, Math.max(250, Math.min(5_000, Math.floor(silenceMs / 4))));

  const startedAt = clock.now();
  let http: HttpServer | null = null;
  const linkPorts = (): { mqtt: number; ws: number | null; tls: number | null } | null => {
    if (link.kind !== 'embedded' || link.status().state !== 'up') return null;
    return link.ports();
  };
  const status = (): EngineStatus => {
    const p = linkPorts();
    return {
      startedAt,
      link: link.status(),
      httpPort: http?.port() ?? 0,
      mqttPort: p?.mqtt ?? null,
      wsPort: p?.ws ?? null,
      counters: counters.snapshot(),
      simulate: 0,
    };
  };

  const coreInvoke: CoreInvokeHandlers = {
    'shadow:snapshot': () => shadow.list(),
    'engine:status': () => status(),
    'settings:get': () => settings,
    'settings:set': (update) => {
      const next = validateSettings(mergeSettings(saved, update ?? {}));
      if (!next.ok) return next;
      saved = next.value;
      settingsFile.save(saved);
      // Credentials and DJI app settings apply at once; broker/port changes at the next start.
      settings = { ...settings, device: saved.device, dji: saved.dji, map: saved.map };
      logger.info('settings saved');
      return ok(saved);
    },
    'hms:recent': (q) => store.events.recentHms(q ?? {}),
    'telemetry:track': (q) => store.recorder.track(q.sn, { ...(q.sinceMs !== undefined ? { sinceMs: q.sinceMs } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}) }),
  };
  const coreSends: CoreSendHandlers = {
    'log:renderer': (m) => logger.child('renderer')[m.level === 'error' ? 'error' : m.level === 'warn' ? 'warn' : 'info'](String(m.message)),
  };
  // Capabilities (DRC, payload, live…) add their handlers to the one contract.
  const invoke = { ...coreInvoke } as InvokeHandlers;
  const sends = { ...coreSends } as SendHandlers;
  const features: Feature[] = [];
  const featureCtx: FeatureContext = {
    drc: null,
    caller,
    shadow,
    bus,
    store,
    auth,
    publish: (t, p, qos = 1) => link.publish(t, p, { qos }),
    onEvent: (l) => (eventListeners.add(l), () => eventListeners.delete(l)),
    onDrcUp: (l) => (drcListeners.add(l), () => drcListeners.delete(l)),
    brokerAddress: () => {
      const p = linkPorts();
      return p ? { host: settings.advertisedHost ?? opts.mqttHost ?? '0.0.0.0', port: p.mqtt, wsPort: p.ws } : null;
    },
    settings: () => settings,
    httpAddress: () => (http ? { host: settings.advertisedHost ?? (opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'), port: http.port() } : null),
    dataDir: opts.dataDir,
    clock,
    logger,
    counters,
  };
  for (const make of opts.features ?? FEATURES) {
    const f = await make(featureCtx);
    features.push(f);
    Object.assign(invoke, f.invoke ?? {});
    Object.assign(sends, f.sends ?? {});
    Object.assign(requestHandlers, f.requests ?? {});
  }
  // A channel in the contract with no handler is a wiring bug: answer it with a clear error, never undefined.
  for (const ch of INVOKE_CHANNELS) {
    if (typeof invoke[ch] === 'function') continue;
    logger.error('IPC channel has no handler', { channel: ch });
    (invoke as Record<string, (r: unknown) => unknown>)[ch] = () => {
      throw new Error(`${ch}: not available in this build`);
    };
  }
  for (const ch of SEND_CHANNELS) if (typeof sends[ch] !== 'function') (sends as Record<string, (m: unknown) => void>)[ch] = () => counters.inc('ipc.send_unhandled');
  const ws = new WsTransport(invoke, sends, bus, logger.child('ipc'), counters);
  const tiles = createTileRoute({ map: () => settings.map, logger: logger.child('tiles'), counters });

  try {
    http = await startHttpServer({
      host: opts.host ?? '127.0.0.1',
      port: settings.httpPort,
      token,
      rendererDir: opts.rendererDir ?? null,
      devices: () => shadow.list(),
      onIpcUpgrade: (req, socket, head) => ws.handleUpgrade(req, socket, head),
      tiles: tiles.route,
      routes: features.flatMap((f) => f.httpRoutes ?? []),
      publicRoutes: features.flatMap((f) => f.publicHttpRoutes ?? []),
      logger: logger.child('http'),
    });
  } catch (e) {
    await link.stop();
    store.close();
    return err(appError('http_failed', `The HTTP server could not listen on ${opts.host ?? '127.0.0.1'}:${settings.httpPort}: ${e instanceof Error ? e.message : String(e)}`));
  }
  const statusTimer = clock.setInterval(() => bus.emit('engine:status', status()), 2_000);
  link.onStatus(() => bus.emit('engine:status', status()));

  let stopped = false;
  const engine: Engine = {
    token,
    shadow,
    caller,
    store,
    auth,
    bus,
    counters,
    invoke,
    sends,
    bindingCode: org.value.bindingCode,
    organizationId: org.value.id,
    settings: () => settings,
    status,
    ports: () => {
      const p = linkPorts();
      return { http: http?.port() ?? 0, mqtt: p?.mqtt ?? null, ws: p?.ws ?? null, tls: p?.tls ?? null };
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clock.clearInterval(sweep);
      clock.clearInterval(statusTimer);
      coalescer.stop();
      for (const f of features.reverse()) await f.stop?.();
      caller.cancelAll('engine stopping');
      ws.close();
      await http?.close();
      tiles.close();
      await link.stop();
      store.close();
    },
  };
  return ok(engine);
}
