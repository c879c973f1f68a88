/**
 * `call(gateway, method, data)`: publish on thing/product/{gateway}/services and
 * await the services_reply with the same tid and bid, with a timeout.
 * (Dock 2 topic definition: services → services_reply, matched by tid/bid.)
 */
import type { Envelope } from '../../../shared/protocol/types';
import { encode, makeEnvelope, topics, errorText } from '../../../shared/protocol';
import { appError, err, ok, type AppError, type Result } from '../../../shared/util/result';
import type { Clock, TimerHandle } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

export interface ServiceReply {
  readonly result: number;
  readonly output: unknown;
  readonly envelope: Envelope;
}

interface Pending {
  readonly gateway: string;
  readonly method: string;
  readonly resolve: (r: Result<ServiceReply>) => void;
  readonly timer: TimerHandle;
}

export interface ServiceCallerDeps {
  readonly publish: (topic: string, payload: string) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly defaultTimeoutMs?: number;
}

export class ServiceCaller {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: ServiceCallerDeps) {}

  async call(gateway: string, method: string, data: unknown, opts: { timeoutMs?: number; bid?: string } = {}): Promise<Result<ServiceReply>> {
    const env = makeEnvelope({ method, data, gateway, ...(opts.bid ? { bid: opts.bid } : {}), timestamp: this.deps.clock.now() });
    const key = keyOf(env.tid, env.bid);
    const timeoutMs = opts.timeoutMs ?? this.deps.defaultTimeoutMs ?? 10_000;
    const done = new Promise<Result<ServiceReply>>((resolve) => {
      const timer = this.deps.clock.setTimeout(() => {
        this.pending.delete(key);
        this.deps.counters.inc('services.timeout');
        resolve(err(appError('timeout', `${method} to ${gateway}: no services_reply within ${timeoutMs} ms`)));
      }, timeoutMs);
      this.pending.set(key, { gateway, method, resolve, timer });
    });
    try {
      await this.deps.publish(topics.services(gateway), encode(env));
      this.deps.counters.inc('services.sent');
    } catch (e) {
      this.settle(key, err(appError('publish_failed', `${method} to ${gateway}: could not publish (${String(e)})`)));
    }
    return done;
  }

  /** Feed every decoded services_reply here; returns false when nothing was waiting for it. */
  handleReply(gateway: string, env: Envelope, data: { result: number; output?: unknown }): boolean {
    const key = keyOf(env.tid, env.bid);
    const p = this.pending.get(key);
    if (!p) {
      this.deps.counters.inc('services.reply_unmatched');
      this.deps.logger.debug('services_reply with no pending call', { gateway, tid: env.tid, bid: env.bid, method: env.method });
      return false;
    }
    if (p.gateway !== gateway) {
      this.deps.counters.inc('services.reply_wrong_gateway');
      this.deps.logger.warn('services_reply from a different gateway ignored', { expected: p.gateway, got: gateway });
      return false;
    }
    const reply: ServiceReply = { result: data.result, output: data.output ?? null, envelope: env };
    if (data.result !== 0) {
      const error: AppError = appError('device_error', `${p.method}: ${errorText(data.result)} (code ${data.result})`, { result: data.result, output: data.output });
      this.settle(key, err(error));
    } else {
      this.settle(key, ok(reply));
    }
    return true;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** Fail every pending call (engine stopping, link down). */
  cancelAll(reason: string): void {
    for (const key of [...this.pending.keys()]) this.settle(key, err(appError('cancelled', reason)));
  }

  private settle(key: string, r: Result<ServiceReply>): void {
    const p = this.pending.get(key);
    if (!p) return;
    this.pending.delete(key);
    this.deps.clock.clearTimeout(p.timer);
    p.resolve(r);
  }
}

const keyOf = (tid: string, bid: string): string => `${tid}\u0000${bid}`;
