/** Device authentication and per-device topic ACL for the embedded broker (plus short-lived DRC principals). */
import { createHash, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '../util/clock';
import { Counters } from '../util/counters';
import { silentLogger, type Logger } from '../util/log';
import { decideAllowList, decideDevice, looksLikeSn, subDevicesOfUpdateTopo, type AclDecision, type AclOp, type AllowList } from './acl';
import type { BrokerAuth } from './types';

/** A non-device login with an explicit topic allow-list (entries may be MQTT filters). */
export interface Principal extends AllowList {
  readonly username: string;
  readonly password: string;
}

/** Short-lived credentials, e.g. the broker login handed to a dock in `drc_mode_enter` (DJI "DRC" page). */
export interface TemporaryPrincipal extends Principal {
  /** Epoch ms (on the injected clock); refused from this instant on. */
  readonly expiresAt: number;
}

export interface DeviceAuthOptions {
  /** Read on every login so a settings change applies to the next connection. */
  readonly credentials: () => { readonly username: string; readonly password: string };
  /** Sub-devices of a gateway from the shadow topology. */
  readonly childrenOf: (gatewaySn: string) => readonly string[];
  readonly extraPrincipals?: readonly Principal[];
  readonly logger?: Logger;
  readonly counters?: Counters;
  readonly clock?: Clock;
}

export interface DeviceAuth extends BrokerAuth {
  canPublish(clientId: string, principal: string, topic: string, payload?: Buffer): boolean;
  addTemporaryPrincipal(p: TemporaryPrincipal): void;
  removeTemporaryPrincipal(username: string): boolean;
  /** The gateway SN a device client is bound to (null: not yet, or not a device client). */
  bindingOf(clientId: string): string | null;
  readonly counters: Counters;
}

export const DEVICE_PRINCIPAL = 'device';
const TEMP = 'temp:';
const EXTRA = 'extra:';

interface Session {
  bound: string | null;
  /** `sub_devices` of the client's own latest update_topo. */
  learned: readonly string[];
  /** Refusals already logged for this connection (a misbehaving device may repeat one at 10 Hz). */
  readonly logged: Set<string>;
}

const digest = (b: Buffer | string): Buffer => createHash('sha256').update(b).digest();
/** Constant-time equality regardless of length: compare fixed-size digests. */
const safeEqual = (expected: string, given: Buffer | string): boolean => timingSafeEqual(digest(expected), digest(given));

export function createDeviceAuth(opts: DeviceAuthOptions): DeviceAuth {
  const log = opts.logger ?? silentLogger;
  const counters = opts.counters ?? new Counters();
  const clock = opts.clock ?? systemClock;
  const sessions = new Map<string, Session>();
  const temporary = new Map<string, TemporaryPrincipal>();
  const extra = new Map((opts.extraPrincipals ?? []).map((p) => [p.username, p] as const));

  const refuseLogin = (clientId: string, username: string | null, why: string): null => {
    counters.inc('link.auth.refused');
    log.warn('broker login refused', { clientId, username, why });
    return null;
  };

  const liveTemporary = (username: string): TemporaryPrincipal | null => {
    const p = temporary.get(username);
    if (p === undefined) return null;
    if (clock.now() >= p.expiresAt) {
      temporary.delete(username);
      log.info('temporary broker principal expired', { username });
      return null;
    }
    return p;
  };

  const sessionOf = (clientId: string): Session => {
    let s = sessions.get(clientId);
    if (s === undefined) {
      s = { bound: looksLikeSn(clientId) ? clientId : null, learned: [], logged: new Set() };
      sessions.set(clientId, s);
    }
    return s;
  };

  const decide = (op: AclOp, clientId: string, principal: string, topic: string): AclDecision => {
    if (principal === DEVICE_PRINCIPAL) {
      const s = sessionOf(clientId);
      const children = s.bound === null ? [] : [...opts.childrenOf(s.bound), ...s.learned];
      const d = decideDevice({ op, topic, bound: s.bound, children });
      if (d.allow && d.bind !== undefined) {
        s.bound = d.bind;
        log.info('device client bound to gateway', { clientId, gateway: d.bind });
      }
      return d;
    }
    if (principal.startsWith(TEMP)) {
      const p = liveTemporary(principal.slice(TEMP.length));
      return p === null ? { allow: false, reason: 'principal_expired' } : decideAllowList(op, topic, p);
    }
    if (principal.startsWith(EXTRA)) {
      const p = extra.get(principal.slice(EXTRA.length));
      return p === undefined ? { allow: false, reason: 'unknown_principal' } : decideAllowList(op, topic, p);
    }
    return { allow: false, reason: 'unknown_principal' };
  };

  const check = (op: AclOp, clientId: string, principal: string, topic: string): boolean => {
    const d = decide(op, clientId, principal, topic);
    if (d.allow) return true;
    counters.inc(`link.acl.${op}_refused`);
    const s = sessions.get(clientId);
    const key = `${op} ${topic}`;
    if (s === undefined || !s.logged.has(key)) {
      if (s !== undefined && s.logged.size < 100) s.logged.add(key);
      log.warn(`broker ${op} refused`, { clientId, principal, topic, reason: d.reason, gateway: s?.bound ?? null });
    }
    return false;
  };

  return {
    counters,
    authenticate(clientId, username, password) {
      if (username === null || password === null) return refuseLogin(clientId, username, 'missing username or password');
      const temp = liveTemporary(username);
      if (temp !== null && safeEqual(temp.password, password)) return TEMP + username;
      const dev = opts.credentials();
      // Evaluate both comparisons so timing does not reveal which one failed.
      const userOk = safeEqual(dev.username, username);
      const passOk = safeEqual(dev.password, password);
      if (userOk && passOk) {
        // A new connection (possibly a takeover of the same client id) starts a fresh binding.
        sessions.delete(clientId);
        sessionOf(clientId);
        return DEVICE_PRINCIPAL;
      }
      const ex = extra.get(username);
      if (ex !== undefined && safeEqual(ex.password, password)) return EXTRA + username;
      return refuseLogin(clientId, username, 'bad username or password');
    },
    canPublish(clientId, principal, topic, payload) {
      if (!check('publish', clientId, principal, topic)) return false;
      const s = sessions.get(clientId);
      // Learn the gateway's children from its own update_topo (DJI "Device Management" → update_topo).
      if (principal === DEVICE_PRINCIPAL && s !== undefined && payload !== undefined && topic === `sys/product/${s.bound}/status`) {
        const subs = subDevicesOfUpdateTopo(payload);
        if (subs !== null) s.learned = subs;
      }
      return true;
    },
    canSubscribe(clientId, principal, topicFilter) {
      return check('subscribe', clientId, principal, topicFilter);
    },
    forget(clientId) {
      sessions.delete(clientId);
    },
    addTemporaryPrincipal(p) {
      temporary.set(p.username, { ...p, publish: [...p.publish], subscribe: [...p.subscribe] });
      log.info('temporary broker principal added', { username: p.username, expiresAt: p.expiresAt });
    },
    removeTemporaryPrincipal(username) {
      return temporary.delete(username);
    },
    bindingOf(clientId) {
      return sessions.get(clientId)?.bound ?? null;
    },
  };
}
