/**
 * A capability of the engine (DRC, payload, live…) plugs in here: it gets the engine's parts,
 * returns its IPC handlers, and stops with the engine. engine.ts never changes per capability.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeHandlers, SendHandlers } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/model/settings';
import type { EventBus } from '../ipc/bus';
import type { DeviceAuth } from '../link/auth';
import type { ServiceCaller } from '../services/caller';
import type { Shadow } from '../shadow/shadow';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

/** The DRC link as other capabilities (payload) use it; the DRC feature fills `ctx.drc`. */
export interface DrcPort {
  /** True while `gateway` is in DRC mode (after drc_mode_enter succeeded, before exit or link loss). */
  isInDrc(gateway: string): boolean;
  /** Publish `{method, data, seq}` on thing/product/{gateway}/drc/down with the session's own seq. */
  publishDrc(gateway: string, method: string, data: unknown): Promise<void>;
}

export interface FeatureContext {
  /** Set by the DRC capability at start; read at use time by others (null until then). */
  drc: DrcPort | null;
  readonly caller: ServiceCaller;
  readonly shadow: Shadow;
  readonly bus: EventBus;
  readonly store: Store;
  /** Broker auth: DRC issues short-lived principals here. */
  readonly auth: DeviceAuth;
  /** Publish as the platform (cloud → device), e.g. on drc/down. */
  publish(topic: string, payload: string, qos?: 0 | 1): Promise<void>;
  /** Every decoded `events` message (after the core handled it). */
  onEvent(listener: (gateway: string, method: string, data: unknown) => void): () => void;
  /** Every decoded drc/up message. */
  onDrcUp(listener: (gateway: string, method: string, data: unknown, seq: number | undefined) => void): () => void;
  /** Where devices reach the embedded broker (null in remote mode): for drc_mode_enter's mqtt_broker. */
  brokerAddress(): { host: string; port: number; wsPort: number | null } | null;
  /** Where devices reach Outpost's HTTP server (null until it listens): for download URLs handed to devices. */
  httpAddress?(): { host: string; port: number } | null;
  settings(): Settings;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
}

export interface Feature {
  readonly invoke?: Partial<InvokeHandlers>;
  readonly sends?: Partial<SendHandlers>;
  /**
   * Answers to device `requests` methods this capability owns (e.g. storage_config_get,
   * flighttask_resource_get); they replace the core's "not supported yet" answers. Return the
   * reply `data` ({result, output}); the core publishes requests_reply echoing tid/bid.
   */
  readonly requests?: Readonly<Record<string, (gateway: string, data: Record<string, unknown>) => unknown>>;
  /**
   * Extra HTTP routes (e.g. live video playback, Pilot 2 HTTP API, S3 endpoint). `public: true`
   * routes run BEFORE the token check (they must authenticate themselves, e.g. S3 SigV4 or
   * Pilot 2's X-Auth-Token); the others need the API token / session like the rest of the API.
   */
  readonly publicHttpRoutes?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => boolean)[];
  /** Extra authenticated HTTP routes (e.g. live video playback). */
  readonly httpRoutes?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => boolean)[];
  stop?(): void | Promise<void>;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature | Promise<Feature>;
