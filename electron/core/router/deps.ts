/** What the router's handlers need from the rest of the engine. */
import type { HmsEntry } from '../../../shared/model/device';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { ServiceCaller } from '../services/caller';
import type { Shadow } from '../shadow/shadow';

export interface RouterPersistence {
  /** `raw` is the message as received (stored as-is, so nothing is lost). */
  recordOsd(sn: string, t: number, data: Readonly<Record<string, unknown>>, raw: string): void;
  saveTopology(gatewaySn: string, gatewayModelKey: string, children: readonly { sn: string; modelKey: string; index: string }[], at: number): void;
  saveOnline(sn: string, online: boolean, at: number): void;
  saveHms(sn: string, entries: readonly HmsEntry[]): void;
  saveEvent(sn: string, method: string, data: unknown, at: number): void;
}

export interface RouterDeps {
  readonly shadow: Shadow;
  readonly caller: ServiceCaller;
  readonly requestHandlers: Readonly<Record<string, (gateway: string, data: Record<string, unknown>) => unknown>>;
  readonly publish: (topic: string, payload: string) => Promise<void>;
  readonly persist: RouterPersistence;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
  /** Observers for later capabilities (DRC, live, missions) — called after the core handling. */
  readonly onEvent?: (gateway: string, method: string, data: unknown) => void;
  readonly onDrcUp?: (gateway: string, method: string, data: unknown, seq: number | undefined) => void;
}
