/** The common MQTT envelope {tid, bid, timestamp, gateway?, method?, need_reply?, seq?, data} (topic-definition page). */
import { z } from 'zod';
import type { Envelope } from './types';

/** Docs' events_reply examples send timestamp as a digit string; accept it and normalise to a number. */
const timestamp = z.union([z.number(), z.string().regex(/^\d{1,16}$/).transform(Number)]);

const optionalFields = {
  gateway: z.string().optional(),
  method: z.string().optional(),
  need_reply: z.number().optional(),
  seq: z.number().optional(),
  data: z.unknown(),
};

/** Envelope of every non-DRC message: tid, bid and timestamp are required. */
export const envelopeSchema = z.looseObject({ tid: z.string(), bid: z.string(), timestamp, ...optionalFields });

/**
 * DRC (drc/up, drc/down) messages carry no tid/bid and often no timestamp (Dock 2/3 drc and
 * remote-control pages, and the demo's DrcDownPublish); missing ones become '' / '' / 0.
 */
export const drcEnvelopeSchema = z.looseObject({
  tid: z.string().default(''),
  bid: z.string().default(''),
  timestamp: timestamp.default(0),
  ...optionalFields,
});

/** A random RFC 4122 v4 id (globalThis.crypto: Node 20 and browsers). */
export const newId = (): string => globalThis.crypto.randomUUID();

export interface EnvelopeInit {
  readonly data: unknown;
  readonly method?: string;
  readonly tid?: string;
  readonly bid?: string;
  readonly gateway?: string;
  readonly timestamp?: number;
  readonly seq?: number;
  readonly need_reply?: number;
}

/** A new outgoing envelope; tid/bid are fresh uuids unless given (keep bid across a long operation). */
export function makeEnvelope(init: EnvelopeInit): Envelope {
  const env: { -readonly [K in keyof Envelope]: Envelope[K] } = {
    tid: init.tid ?? newId(),
    bid: init.bid ?? newId(),
    timestamp: init.timestamp ?? Date.now(),
    data: init.data,
  };
  if (init.method !== undefined) env.method = init.method;
  if (init.gateway !== undefined) env.gateway = init.gateway;
  if (init.need_reply !== undefined) env.need_reply = init.need_reply;
  if (init.seq !== undefined) env.seq = init.seq;
  return env;
}

export interface ReplyOptions {
  readonly timestamp?: number;
  /** Defaults to the request's gateway when it had one. */
  readonly gateway?: string;
}

/**
 * The reply to a device message: same tid AND bid (the device matches on both), the method
 * echoed (SUMMARY.md §4.2/§6). Used for status_reply, events_reply, requests_reply, state_reply.
 */
export function replyEnvelope(request: Envelope, method: string, data: unknown, opts: ReplyOptions = {}): Envelope {
  const gateway = opts.gateway ?? request.gateway;
  return makeEnvelope({
    tid: request.tid,
    bid: request.bid,
    method,
    data,
    timestamp: opts.timestamp ?? Date.now(),
    ...(gateway === undefined ? {} : { gateway }),
  });
}

/** Serialise an envelope for publishing (undefined optional fields are omitted). */
export function encode(env: Envelope): string {
  return JSON.stringify(env);
}
