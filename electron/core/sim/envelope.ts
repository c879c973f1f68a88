/** Topic names and the common envelope as DJI devices send them (00.topic-definition.md). */
import { randomUUID } from 'node:crypto';

export const topics = {
  osd: (sn: string) => `thing/product/${sn}/osd`,
  state: (sn: string) => `thing/product/${sn}/state`,
  services: (gw: string) => `thing/product/${gw}/services`,
  servicesReply: (gw: string) => `thing/product/${gw}/services_reply`,
  events: (gw: string) => `thing/product/${gw}/events`,
  eventsReply: (gw: string) => `thing/product/${gw}/events_reply`,
  requests: (gw: string) => `thing/product/${gw}/requests`,
  requestsReply: (gw: string) => `thing/product/${gw}/requests_reply`,
  propertySet: (gw: string) => `thing/product/${gw}/property/set`,
  propertySetReply: (gw: string) => `thing/product/${gw}/property/set_reply`,
  status: (gw: string) => `sys/product/${gw}/status`,
  statusReply: (gw: string) => `sys/product/${gw}/status_reply`,
} as const;

/** An up-link message: `{tid, bid, timestamp, gateway, method?, need_reply?, data}`. */
export interface UpMessage {
  readonly tid: string;
  readonly bid: string;
  readonly timestamp: number;
  readonly gateway: string;
  readonly method?: string;
  readonly need_reply?: number;
  readonly data: unknown;
}

export interface EnvelopeOpts {
  readonly method?: string;
  /** Echo these when replying to the cloud. */
  readonly tid?: string;
  readonly bid?: string;
  readonly needReply?: boolean;
}

export function envelope(gateway: string, timestamp: number, data: unknown, opts: EnvelopeOpts = {}): UpMessage {
  const msg: Record<string, unknown> = {
    tid: opts.tid ?? randomUUID(),
    bid: opts.bid ?? randomUUID(),
    timestamp,
    gateway,
  };
  if (opts.method !== undefined) msg.method = opts.method;
  if (opts.needReply) msg.need_reply = 1;
  msg.data = data;
  return msg as unknown as UpMessage;
}

/** A message the cloud sent us, after the minimal shape checks the simulator needs. */
export interface DownMessage {
  readonly tid: string;
  readonly bid: string;
  readonly timestamp?: number;
  readonly method?: string;
  readonly data: unknown;
}

/** Parses a down-link payload; returns a reason string on bad input instead of throwing. */
export function parseDown(payload: Buffer | string): DownMessage | string {
  let v: unknown;
  try {
    v = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return 'malformed_json';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'malformed_json: not an object';
  const o = v as Record<string, unknown>;
  if (typeof o.tid !== 'string' || typeof o.bid !== 'string') return 'bad_envelope: tid/bid must be strings';
  if (o.method !== undefined && typeof o.method !== 'string') return 'bad_envelope: method must be a string';
  return {
    tid: o.tid,
    bid: o.bid,
    timestamp: typeof o.timestamp === 'number' ? o.timestamp : undefined,
    method: o.method as string | undefined,
    data: o.data,
  };
}
