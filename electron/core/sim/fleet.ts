/** startFleet: N simulated gateways on one shared scheduler, spread a few km apart around a centre. */
import { systemClock, type Clock } from '../util/clock';
import { createLogger, type Logger } from '../util/log';
import { SimDevice, type SimDeviceOptions } from './device';
import { offsetToLatLon, type LatLon } from './geo';
import { isSimKind, MIX_KINDS, product, type SimKind } from './products';
import { Scheduler } from './scheduler';
import type { SimStats } from './stats';

export interface FleetOptions {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly count: number;
  /** One kind, or `mix` (default) = dock2, dock3, rc-plus in turn. */
  readonly kind?: SimKind | 'mix' | (string & {});
  /** Explicit cycle of kinds; wins over `kind`. */
  readonly kinds?: readonly SimKind[];
  /** Serial-number prefix (default `SIM`). */
  readonly snPrefix?: string;
  readonly bindingCode?: string;
  readonly organizationId?: string;
  readonly osdHz?: number;
  readonly dockOsdHz?: number;
  /** Default: 47.3977, 8.5456 at 500 m ellipsoid height. */
  readonly center?: LatLon & { readonly height?: number };
  /** Distance between neighbouring gateways, metres (default 3000). */
  readonly spacingM?: number;
  /** How many clients connect at once (default 50) so a 1,000-dock start does not flood the broker's accept queue. */
  readonly connectConcurrency?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly seed?: number;
  /** Passed through to every device (timeouts, hms interval, autoFly, …). */
  readonly device?: Partial<Omit<SimDeviceOptions, 'kind' | 'gatewaySn' | 'aircraftSn' | 'url' | 'home' | 'clock' | 'logger' | 'scheduler'>>;
}

export interface Fleet {
  readonly devices: readonly SimDevice[];
  /** Resolves when every device finished bring-up (update_topo acknowledged). */
  ready(): Promise<void>;
  stop(): Promise<void>;
  /** Stats summed over all devices. */
  stats(): FleetStats;
}

export interface FleetStats {
  readonly devices: number;
  readonly sent: Readonly<Record<string, number>>;
  readonly repliesReceived: number;
  readonly requestsUnanswered: number;
  readonly topoUnanswered: number;
  readonly eventsUnanswered: number;
}

export function fleetKinds(o: Pick<FleetOptions, 'kind' | 'kinds'>): readonly SimKind[] {
  if (o.kinds && o.kinds.length > 0) return o.kinds;
  const k = o.kind ?? 'mix';
  if (k === 'mix') return MIX_KINDS;
  if (isSimKind(k)) return [k];
  throw new Error(`unknown simulator kind "${k}" (use dock2, dock3, rc-plus, rc-plus-2 or mix)`);
}

/** Grid position i of n, centred on (0, 0), in metres. */
export function gridOffset(i: number, n: number, spacingM: number): { east: number; north: number } {
  const side = Math.ceil(Math.sqrt(n));
  const row = Math.floor(i / side);
  const col = i % side;
  const half = (side - 1) / 2;
  return { east: (col - half) * spacingM, north: (half - row) * spacingM };
}

export async function startFleet(o: FleetOptions): Promise<Fleet> {
  const kinds = fleetKinds(o);
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? createLogger({ scope: 'sim' });
  const scheduler = new Scheduler(clock, 100, logger);
  const center = o.center ?? { lat: 47.3977, lon: 8.5456, height: 500 };
  const prefix = o.snPrefix ?? 'SIM';
  const spacing = o.spacingM ?? 3000;
  const devices: SimDevice[] = [];
  for (let i = 0; i < o.count; i++) {
    const kind = kinds[i % kinds.length]!;
    const off = gridOffset(i, o.count, spacing);
    const pos = offsetToLatLon(center, off.east, off.north);
    const n = String(i + 1).padStart(5, '0');
    devices.push(
      new SimDevice({
        ...o.device,
        kind,
        gatewaySn: `${prefix}${product(kind).isDock ? 'DK' : 'RC'}${n}`,
        aircraftSn: `${prefix}AC${n}`,
        url: o.url,
        username: o.username,
        password: o.password,
        home: { lat: pos.lat, lon: pos.lon, height: center.height ?? 500 },
        osdHz: o.osdHz,
        dockOsdHz: o.dockOsdHz,
        bindingCode: o.bindingCode,
        organizationId: o.organizationId,
        clock,
        logger,
        scheduler,
        ...(o.seed !== undefined ? { seed: o.seed + i } : {}),
      }),
    );
  }
  try {
    await inBatches(devices, o.connectConcurrency ?? 50, (d) => d.start());
  } catch (e) {
    await Promise.all(devices.map((d) => d.stop()));
    scheduler.stop();
    throw e;
  }
  logger.info('simulated fleet connected', { count: devices.length, kinds });
  let stopping: Promise<void> | undefined;
  return {
    devices,
    ready: async () => {
      await Promise.all(devices.map((d) => d.ready()));
    },
    stop: () => {
      stopping ??= Promise.all(devices.map((d) => d.stop())).then(() => scheduler.stop());
      return stopping;
    },
    stats: () => sumStats(devices.map((d) => d.stats())),
  };
}

async function inBatches<T>(items: readonly T[], size: number, fn: (t: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

function sumStats(all: readonly SimStats[]): FleetStats {
  const sent: Record<string, number> = {};
  let repliesReceived = 0;
  let requestsUnanswered = 0;
  let topoUnanswered = 0;
  let eventsUnanswered = 0;
  for (const s of all) {
    for (const [k, v] of Object.entries(s.sent)) sent[k] = (sent[k] ?? 0) + v;
    repliesReceived += s.repliesReceived;
    requestsUnanswered += s.requestsUnanswered;
    topoUnanswered += s.topoUnanswered;
    eventsUnanswered += s.eventsUnanswered;
  }
  return { devices: all.length, sent, repliesReceived, requestsUnanswered, topoUnanswered, eventsUnanswered };
}
