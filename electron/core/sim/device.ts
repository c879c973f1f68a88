/** SimDevice: one simulated gateway (Dock 2/3 or RC Plus) and its aircraft, speaking DJI Cloud API over a real broker. */
import { systemClock, type Clock, type TimerHandle } from '../util/clock';
import { Counters } from '../util/counters';
import { createLogger, type Logger } from '../util/log';
import { bringUp, type BringUpResult } from './bringup';
import { envelope, topics, type DownMessage } from './envelope';
import { FlightModel, planFromSeed, type FlightSnapshot, type Home } from './flight';
import { SimLink, type DownFamily } from './link';
import { aircraftOsd, dockOsdParts, newDockRuntime, rcOsd, type OsdInputs } from './osd';
import { product, type SimKind, type SimProduct } from './products';
import { applyPropertySet, initialProps, writableProps } from './properties';
import { createRng, hashString } from './rng';
import { Scheduler } from './scheduler';
import { handleService, type ServiceEffect } from './services';
import { aircraftStates, gatewayStates, liveCapacity, type LiveStatus } from './state';
import { hmsEvent, topoData, type HmsEntry } from './messages';
import { toStats, type SimStats } from './stats';
import type { SimDeviceApi, SimExtension, SimExtensionFactory } from './extension';
import { DEFAULT_SIM_EXTENSIONS } from './extensions';

export interface SimDeviceOptions {
  readonly kind: SimKind;
  readonly gatewaySn: string;
  readonly aircraftSn: string;
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly home: Home;
  /** Aircraft (and RC) OSD rate; docs: 0.5 Hz. */
  readonly osdHz?: number;
  /** Dock OSD rate; docs: 0.5 Hz, sent as three messages. */
  readonly dockOsdHz?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly seed?: number;
  /** Shared scheduler (fleet); a private one otherwise. */
  readonly scheduler?: Scheduler;
  readonly bindingCode?: string;
  readonly organizationId?: string;
  /** Fly the orbit pattern on its own (default true). */
  readonly autoFly?: boolean;
  /** Aircraft powered at start (default true). */
  readonly aircraftOn?: boolean;
  /** Raise an `hms` event this often; 0 = never (default). */
  readonly hmsIntervalMs?: number;
  readonly requestTimeoutMs?: number;
  readonly topoTimeoutMs?: number;
  readonly topoRetryMaxMs?: number;
  readonly eventReplyTimeoutMs?: number;
  /** Gap between remote-debug progress events. */
  readonly progressStepMs?: number;
  /** Capabilities plugged into this device (default: sim/extensions DEFAULT_SIM_EXTENSIONS). */
  readonly extensions?: readonly SimExtensionFactory[];
}

export class SimDevice {
  readonly kind: SimKind;
  readonly gatewaySn: string;
  readonly aircraftSn: string;
  readonly product: SimProduct;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly counters = new Counters();
  private readonly link: SimLink;
  private readonly scheduler: Scheduler;
  private readonly ownsScheduler: boolean;
  private readonly flight: FlightModel;
  private readonly dock = newDockRuntime();
  private readonly props: { dockState: Record<string, unknown>; aircraftState: Record<string, unknown>; aircraftOsd: Record<string, unknown> };
  private readonly firstPowerOn: number;
  private readonly phase: number;
  private aircraftOn: boolean;
  private live: LiveStatus[] = [];
  private stopped = false;
  private streaming = false;
  private topoGeneration = 0;
  private lastPhase: string;
  private readonly cancels: (() => void)[] = [];
  private aircraftOsdCancel: (() => void) | undefined;
  private readonly timers = new Set<TimerHandle>();
  private readonly sleepers = new Set<() => void>();
  private readonly readyPromise: Promise<BringUpResult>;
  private resolveReady!: (r: BringUpResult) => void;
  private rejectReady!: (e: Error) => void;
  private readonly extensions: readonly SimExtension[];

  constructor(private readonly o: SimDeviceOptions) {
    this.kind = o.kind;
    this.gatewaySn = o.gatewaySn;
    this.aircraftSn = o.aircraftSn;
    this.product = product(o.kind);
    this.clock = o.clock ?? systemClock;
    this.log = (o.logger ?? createLogger({ scope: 'sim' })).child(o.gatewaySn);
    this.ownsScheduler = o.scheduler === undefined;
    this.scheduler = o.scheduler ?? new Scheduler(this.clock, 100, this.log);
    const seed = o.seed ?? hashString(o.gatewaySn);
    const rng = createRng(seed);
    this.phase = rng.next();
    this.flight = new FlightModel(o.home, planFromSeed(seed), { battery: Math.round(rng.range(85, 100)), autoFly: o.autoFly ?? true });
    this.lastPhase = this.flight.currentPhase;
    this.aircraftOn = o.aircraftOn ?? true;
    this.flight.autoFly = (o.autoFly ?? true) && this.aircraftOn;
    this.firstPowerOn = this.clock.now() - 86_400_000;
    this.props = {
      dockState: initialProps(o.kind, 'dock', 'state'),
      aircraftState: initialProps(o.kind, 'aircraft', 'state'),
      aircraftOsd: initialProps(o.kind, 'aircraft', 'osd'),
    };
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => {}); // stop() before bring-up is not an unhandled rejection; awaiting callers still see it
    this.link = new SimLink({
      url: o.url,
      gatewaySn: o.gatewaySn,
      username: o.username,
      password: o.password,
      clock: this.clock,
      log: this.log,
      counters: this.counters,
      onDown: (f, m) => this.onDown(f, m),
      onReconnect: () => {
        // A reconnecting gateway re-announces its topology before anything else.
        if (this.streaming) void this.sendTopoUntilAcked();
      },
    });
    this.extensions = (o.extensions ?? DEFAULT_SIM_EXTENSIONS).map((make) => make(this.extensionApi()));
  }

  /** Shared by all extensions: the DRC extension fills `push` while its link is up. */
  private readonly drcUp: SimDeviceApi['drcUp'] = { push: null };

  private extensionApi(): SimDeviceApi {
    return {
      kind: this.kind,
      gatewaySn: this.gatewaySn,
      aircraftSn: this.aircraftSn,
      url: this.o.url,
      username: this.o.username,
      password: this.o.password,
      home: this.o.home,
      clock: this.clock,
      log: this.log,
      scheduler: this.scheduler,
      flight: this.flight,
      snapshot: () => this.snapshot(),
      publish: (label, topic, data, opts = {}) =>
        this.link.publish(
          label,
          topic,
          envelope(this.gatewaySn, this.clock.now(), data, {
            ...(opts.method ? { method: opts.method } : {}),
            ...(opts.tid ? { tid: opts.tid } : {}),
            ...(opts.bid ? { bid: opts.bid } : {}),
            ...(opts.needReply ? { needReply: true } : {}),
          }),
          opts.qos ?? 0,
        ),
      aircraftOsdProps: this.props.aircraftOsd,
      publishAircraftState: (data) => this.publishState(this.aircraftSn, data),
      request: (method, data) => this.link.request(method, data, this.clock.now(), this.o.requestTimeoutMs ?? 10_000),
      event: (method, data) => this.link.call('events', topics.events(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), data, { method, needReply: true }), this.o.eventReplyTimeoutMs ?? 10_000),
      drcUp: this.drcUp,
      answerDrc: (method, data) => {
        for (const ext of this.extensions) {
          const reply = ext.drc?.(method, data);
          if (reply) return reply;
        }
        return null;
      },
    };
  }

  /** Connects and runs the bring-up in the background; resolves once connected. */
  async start(): Promise<void> {
    await this.link.connect();
    void this.runBringUp();
  }

  /** Resolves when bring-up completed (update_topo acknowledged, streams running). */
  ready(): Promise<BringUpResult> {
    return this.readyPromise;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.topoGeneration++;
    this.stopStreams();
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
    for (const wake of this.sleepers) wake();
    this.sleepers.clear();
    this.rejectReady(new Error(`simulated device ${this.gatewaySn} stopped`));
    if (this.ownsScheduler) this.scheduler.stop();
    for (const ext of this.extensions) await ext.stop?.();
    await this.link.close();
  }

  /** Power the aircraft on/off (as `drone_open`/`drone_close` do); announces the topology and waits for status_reply. */
  async setAircraftPower(on: boolean): Promise<boolean> {
    if (on === this.aircraftOn) return true;
    if (!on && this.snapshot().airborne) return false;
    this.aircraftOn = on;
    this.flight.autoFly = (this.o.autoFly ?? true) && on;
    if (!this.streaming) return true;
    this.syncAircraftOsd();
    const acked = await this.sendTopoUntilAcked();
    this.publishState(this.gatewaySn, liveCapacity(this.product, this.gatewaySn, this.aircraftSn, on));
    if (on) for (const s of aircraftStates(this.product, this.o.home, this.props.aircraftState)) this.publishState(this.aircraftSn, s);
    return acked;
  }

  launch(): boolean {
    return this.aircraftOn && this.flight.launch();
  }

  returnHome(): boolean {
    return this.flight.returnHome();
  }

  /** Raises an `hms` event (60.hms.md; no need_reply in the docs). */
  raiseHms(list?: readonly HmsEntry[]): void {
    const data = hmsEvent(this.product, this.snapshot().airborne, list);
    this.link.publish('events', topics.events(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), data, { method: 'hms' }));
  }

  /** Current flight state (advances the model to now). */
  snapshot(): FlightSnapshot {
    this.flight.advanceTo(this.clock.now());
    const s = this.flight.snapshot();
    if (s.phase !== this.lastPhase) {
      if (this.lastPhase === 'docked') this.dock.jobNumber++;
      this.lastPhase = s.phase;
    }
    return s;
  }

  get isAircraftOn(): boolean {
    return this.aircraftOn;
  }

  stats(): SimStats {
    return toStats(this.counters);
  }

  // ---- bring-up and topology ----

  private async runBringUp(): Promise<void> {
    const result = await bringUp({
      product: this.product,
      gatewaySn: this.gatewaySn,
      aircraftSn: this.aircraftSn,
      bindingCode: this.o.bindingCode,
      organizationId: this.o.organizationId ?? 'outpost',
      log: this.log,
      request: (m, d) => this.link.request(m, d, this.clock.now(), this.o.requestTimeoutMs ?? 10_000),
      sendTopoUntilAcked: () => this.sendTopoUntilAcked(),
    });
    if (this.stopped) return;
    this.startStreams();
    this.log.debug('bring-up complete', { ...result });
    this.resolveReady(result);
  }

  /** update_topo, retried with exponential backoff until a status_reply with result 0 (10.dock2/10.device.md). */
  private async sendTopoUntilAcked(): Promise<boolean> {
    const gen = ++this.topoGeneration;
    const timeout = this.o.topoTimeoutMs ?? 5_000;
    for (let attempt = 0; !this.stopped && gen === this.topoGeneration; attempt++) {
      const msg = envelope(this.gatewaySn, this.clock.now(), topoData(this.product, this.aircraftSn, this.aircraftOn), { method: 'update_topo' });
      const r = await this.link.call('status', topics.status(this.gatewaySn), msg, timeout);
      const result = r.ok ? (r.value.data as { result?: unknown } | null)?.result : undefined;
      if (r.ok && result === 0) return true;
      if (r.ok) this.log.error('status_reply rejected update_topo; retrying', { result });
      else if (r.error.code !== 'cancelled') this.log.warn('no status_reply to update_topo; retrying', { attempt });
      else return false;
      await this.sleep(Math.min(this.o.topoRetryMaxMs ?? 30_000, 1000 * 2 ** Math.min(attempt, 10)));
    }
    return false;
  }

  // ---- periodic streams ----

  private startStreams(): void {
    if (this.streaming) return;
    this.streaming = true;
    for (const s of gatewayStates(this.product, this.gatewaySn, this.aircraftSn, this.aircraftOn, this.props.dockState)) this.publishState(this.gatewaySn, s);
    if (this.aircraftOn) for (const s of aircraftStates(this.product, this.o.home, this.props.aircraftState)) this.publishState(this.aircraftSn, s);
    const gwPeriod = 1000 / (this.product.isDock ? this.o.dockOsdHz ?? 0.5 : this.o.osdHz ?? 0.5);
    if (this.product.isDock) {
      // The three dock OSD parts go out staggered within the period, like the docs' example timestamps.
      for (let part = 0; part < 3; part++) {
        this.cancels.push(this.scheduler.every(gwPeriod, () => this.sendDockOsdPart(part), gwPeriod * ((this.phase + part / 3) % 1)));
      }
    } else {
      this.cancels.push(this.scheduler.every(gwPeriod, () => this.publishOsd(this.gatewaySn, rcOsd(this.osdInputs())), gwPeriod * this.phase));
    }
    const hms = this.o.hmsIntervalMs ?? 0;
    if (hms > 0) this.cancels.push(this.scheduler.every(hms, () => this.raiseHms(), hms));
    this.syncAircraftOsd();
  }

  private stopStreams(): void {
    this.streaming = false;
    for (const c of this.cancels.splice(0)) c();
    this.aircraftOsdCancel?.();
    this.aircraftOsdCancel = undefined;
  }

  /** Aircraft OSD runs only while the aircraft is powered. */
  private syncAircraftOsd(): void {
    if (this.aircraftOn && this.streaming && !this.aircraftOsdCancel) {
      const period = 1000 / (this.o.osdHz ?? 0.5);
      this.aircraftOsdCancel = this.scheduler.every(period, () => this.publishOsd(this.aircraftSn, aircraftOsd(this.osdInputs())), period * this.phase);
    } else if (!this.aircraftOn && this.aircraftOsdCancel) {
      this.aircraftOsdCancel();
      this.aircraftOsdCancel = undefined;
    }
  }

  private sendDockOsdPart(part: number): void {
    const data = dockOsdParts(this.osdInputs())[part];
    if (data) this.publishOsd(this.gatewaySn, data);
  }

  private osdInputs(): OsdInputs {
    return {
      product: this.product,
      gatewaySn: this.gatewaySn,
      aircraftSn: this.aircraftSn,
      home: this.o.home,
      flight: this.snapshot(),
      aircraftOn: this.aircraftOn,
      dock: this.dock,
      aircraftOsdProps: this.props.aircraftOsd,
      firstPowerOn: this.firstPowerOn,
    };
  }

  private publishOsd(sn: string, data: unknown): void {
    this.link.publish('osd', topics.osd(sn), envelope(this.gatewaySn, this.clock.now(), data), 0);
  }

  private publishState(sn: string, data: unknown): void {
    this.link.publish('state', topics.state(sn), envelope(this.gatewaySn, this.clock.now(), data), 1);
  }

  // ---- down-link: services and property/set ----

  private onDown(family: DownFamily, msg: DownMessage): void {
    if (family === 'property/set') return this.onPropertySet(msg);
    const method = msg.method ?? '';
    for (const ext of this.extensions) {
      const data = ext.service?.(method, msg.data);
      if (!data) continue;
      this.link.publish('services_reply', topics.servicesReply(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), data, { method, tid: msg.tid, bid: msg.bid }));
      return;
    }
    const snap = this.snapshot();
    const out = handleService(method, msg.data, { product: this.product, airborne: snap.airborne, returning: snap.phase === 'return', aircraftOn: this.aircraftOn });
    if (out.data.result !== 0) this.log.info('service refused', { method, result: out.data.result });
    this.link.publish('services_reply', topics.servicesReply(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), out.data, { method, tid: msg.tid, bid: msg.bid }));
    if (out.data.result !== 0) return;
    if (out.progress) this.runProgress(method, out.progress, out.effect);
    else if (out.effect) this.apply(out.effect);
  }

  private onPropertySet(msg: DownMessage): void {
    // Extensions answer the keys they own (e.g. payload thermal settings); the table answers the rest.
    const rest: Record<string, unknown> = typeof msg.data === 'object' && msg.data !== null && !Array.isArray(msg.data) ? { ...(msg.data as Record<string, unknown>) } : {};
    const taken: Record<string, unknown> = {};
    for (const ext of this.extensions) {
      for (const [k, v] of Object.entries(ext.propertySet?.(rest) ?? {})) {
        taken[k] = v;
        delete rest[k];
      }
    }
    const { reply, accepted } = applyPropertySet(this.kind, Object.keys(taken).length > 0 ? rest : msg.data);
    this.link.publish('property_set_reply', topics.propertySetReply(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), { ...reply, ...taken }, { tid: msg.tid, bid: msg.bid }));
    const specs = writableProps(this.kind);
    for (const [key, value] of Object.entries(accepted)) {
      const spec = specs[key];
      if (!spec) continue;
      const store = spec.target === 'dock' ? this.props.dockState : spec.push === 'osd' ? this.props.aircraftOsd : this.props.aircraftState;
      const prev = store[key];
      store[key] = typeof value === 'object' && typeof prev === 'object' ? { ...(prev as object), ...(value as object) } : value;
      if (spec.push === 'state') this.publishState(spec.target === 'dock' ? this.gatewaySn : this.aircraftSn, { [key]: store[key] });
    }
  }

  /** Progress events with need_reply 1 (70.cmd.md), then the effect; tracks that events_reply arrives. */
  private runProgress(method: string, steps: readonly string[], effect: ServiceEffect | undefined): void {
    const bid = envelope(this.gatewaySn, 0, null).bid;
    const stepMs = this.o.progressStepMs ?? 1000;
    steps.forEach((step_key, i) => {
      const last = i === steps.length - 1;
      this.after(stepMs * (i + 1), () => {
        const percent = last ? 100 : Math.round(((i + 1) / steps.length) * 100);
        const data = { result: 0, output: { status: last ? 'ok' : 'in_progress', progress: { percent, step_key } } };
        if (last && effect) this.apply(effect);
        void this.sendEvent(method, data, bid);
      });
    });
  }

  private async sendEvent(method: string, data: unknown, bid: string): Promise<void> {
    const msg = envelope(this.gatewaySn, this.clock.now(), data, { method, bid, needReply: true });
    const r = await this.link.call('events', topics.events(this.gatewaySn), msg, this.o.eventReplyTimeoutMs ?? 10_000);
    if (!r.ok && r.error.code === 'timeout') this.log.warn('no events_reply', { method });
  }

  private apply(e: ServiceEffect): void {
    switch (e.kind) {
      case 'aircraft_power':
        void this.setAircraftPower(e.on);
        return;
      case 'cover':
        this.dock.coverOpen = e.open;
        return;
      case 'debug_mode':
        this.dock.debugMode = e.on;
        return;
      case 'launch':
        this.launch();
        return;
      case 'return_home':
        if (this.returnHome()) this.publishReturnHomeInfo();
        return;
      case 'return_home_cancel':
        this.flight.cancelReturn();
        return;
      case 'dock_field':
        this.dock[e.field] = e.value;
        return;
      case 'live': {
        this.live = this.live.filter((l) => l.video_id !== e.videoId);
        if (e.start) this.live.push({ video_id: e.videoId, video_type: 'normal', video_quality: e.quality, status: 1, error_status: 0 });
        this.publishState(this.gatewaySn, { live_status: this.live });
        return;
      }
    }
  }

  /** return_home_info with the planned path: straight home at the current height, then down (dock2 50.wayline.md "Return home information"). */
  private publishReturnHomeInfo(): void {
    const s = this.snapshot();
    const h = this.o.home;
    const planned_path_points = [
      { latitude: s.lat, longitude: s.lon, height: s.height },
      { latitude: h.lat, longitude: h.lon, height: s.height },
      { latitude: h.lat, longitude: h.lon, height: h.height },
    ];
    const data = { planned_path_points, last_point_type: 0 };
    this.link.publish('events', topics.events(this.gatewaySn), envelope(this.gatewaySn, this.clock.now(), data, { method: 'return_home_info' }));
  }

  private after(ms: number, fn: () => void): void {
    const t = this.clock.setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(t);
  }

  /** A backoff pause that stop() cuts short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      this.after(ms, wake);
    });
  }
}
