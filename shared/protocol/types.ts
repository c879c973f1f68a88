/**
 * The decoded-message contract between shared/protocol and the engine.
 * (The protocol module owns the zod schemas that produce these.)
 */

/** Topic families, named after the last topic segment(s) as DJI spells them. */
export type TopicFamily =
  | 'osd'
  | 'state'
  | 'state_reply'
  | 'services'
  | 'services_reply'
  | 'events'
  | 'events_reply'
  | 'requests'
  | 'requests_reply'
  | 'status'
  | 'status_reply'
  | 'property/set'
  | 'property/set_reply'
  | 'drc/up'
  | 'drc/down';

export interface ParsedTopic {
  readonly family: TopicFamily;
  /** `thing/…` or `sys/…` */
  readonly root: 'thing' | 'sys';
  /** {device_sn} for osd/state, {gateway_sn} for everything else. */
  readonly sn: string;
}

/**
 * The common envelope (tid/bid/timestamp/gateway/method/data, need_reply, seq).
 * DRC messages (drc/up, drc/down) carry no tid/bid and often no timestamp: decode gives '' / '' / 0.
 * A digit-string timestamp (docs' events_reply examples) is normalised to a number.
 */
export interface Envelope {
  readonly tid: string;
  readonly bid: string;
  readonly timestamp: number;
  readonly gateway?: string;
  readonly method?: string;
  readonly need_reply?: number;
  readonly seq?: number;
  readonly data: unknown;
}

interface Base<F extends TopicFamily> {
  readonly family: F;
  readonly sn: string;
  readonly topic: string;
  readonly envelope: Envelope;
}

export interface SubDevice {
  readonly sn: string;
  readonly domain: number;
  readonly type: number;
  readonly sub_type: number;
  readonly index: string;
  readonly device_secret?: string;
  readonly nonce?: string;
  readonly thing_version?: string;
}

export interface UpdateTopo {
  readonly domain: number; // normalised to number (docs send string or int)
  readonly type: number;
  readonly sub_type: number;
  readonly device_secret?: string;
  readonly nonce?: string;
  readonly thing_version?: string;
  readonly sub_devices: readonly SubDevice[];
}

export type StatusMessage = Base<'status'> & { readonly method: 'update_topo'; readonly data: UpdateTopo };
/** OSD data: every known field validated by type; unknown extra fields kept as-is. */
export type OsdMessage = Base<'osd'> & { readonly data: Readonly<Record<string, unknown>> };
export type StateMessage = Base<'state'> & { readonly data: Readonly<Record<string, unknown>> };
export type EventsMessage = Base<'events'> & {
  readonly method: string;
  readonly needReply: boolean;
  readonly data: unknown;
};
export type RequestsMessage = Base<'requests'> & { readonly method: string; readonly data: unknown };
export type ServicesReplyMessage = Base<'services_reply'> & {
  readonly method: string;
  readonly data: { readonly result: number; readonly output?: unknown; readonly [k: string]: unknown };
};
export type PropertySetReplyMessage = Base<'property/set_reply'> & { readonly data: Readonly<Record<string, unknown>> };
export type DrcUpMessage = Base<'drc/up'> & { readonly method: string; readonly data: unknown; readonly seq?: number };
/** Messages the cloud sends (services, *_reply, property/set, drc/down) decode too (used by the simulator and tests). */
export type DownMessage = Base<'services' | 'events_reply' | 'requests_reply' | 'status_reply' | 'property/set' | 'drc/down' | 'state_reply'> & {
  readonly method?: string;
  readonly data: unknown;
};

export type Message =
  | StatusMessage
  | OsdMessage
  | StateMessage
  | EventsMessage
  | RequestsMessage
  | ServicesReplyMessage
  | PropertySetReplyMessage
  | DrcUpMessage
  | DownMessage;

export type DecodeErrorCode =
  | 'oversize' // payload larger than the limit
  | 'bad_topic' // not a DJI Cloud API topic
  | 'malformed_json' // not JSON / not an object
  | 'bad_envelope' // tid/bid/timestamp/data missing or wrong type
  | 'unknown_method' // a method not in the protocol catalog for this topic family
  | 'invalid_data'; // known method, but a field has a wrong type / is out of range

export interface DecodeError {
  readonly code: DecodeErrorCode;
  readonly topic: string;
  /** Human-readable reason incl. the offending field path, e.g. "data.latitude: expected number, got string". */
  readonly reason: string;
  /** The envelope, when it parsed (lets the engine still answer an unknown `requests` method). */
  readonly envelope?: Envelope;
  readonly sn?: string;
  readonly family?: TopicFamily;
}

export type DecodeResult = { readonly ok: true; readonly message: Message } | { readonly ok: false; readonly error: DecodeError };

export interface DecodeOptions {
  /** Max payload bytes (default 256 KiB). */
  readonly maxBytes?: number;
}
