/** One `Link` interface for the embedded aedes broker and a remote broker reached with mqtt.js. */
import type { LinkStatus } from '../../../shared/ipc/contract';

export type Qos = 0 | 1 | 2;

export interface InboundMessage {
  readonly topic: string;
  readonly payload: Buffer;
  /** MQTT client id of the publisher when the broker is embedded; null for remote. */
  readonly clientId: string | null;
}

export interface ClientEvent {
  readonly type: 'connected' | 'disconnected';
  readonly clientId: string;
  readonly username: string | null;
  /** For `disconnected`: was it clean (DISCONNECT packet) or an error/timeout. */
  readonly reason?: string;
}

export interface Link {
  readonly kind: 'embedded' | 'remote';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Publish as the platform (cloud side). Resolves when handed to the broker. */
  publish(topic: string, payload: string | Buffer, opts?: { qos?: Qos; retain?: boolean }): Promise<void>;
  /** Every device→cloud message the engine should see (osd, state, status, events, requests, *_reply, drc/up). */
  onMessage(listener: (msg: InboundMessage) => void): () => void;
  /** Device client connects/disconnects (embedded: from aedes; remote: not available, silence timeout covers it). */
  onClientEvent(listener: (ev: ClientEvent) => void): () => void;
  onStatus(listener: (s: LinkStatus) => void): () => void;
  status(): LinkStatus;
}

/** Per-connection credentials check and per-device topic ACL (embedded broker only). */
export interface BrokerAuth {
  /** Return the principal name on success, null to refuse. */
  authenticate(clientId: string, username: string | null, password: Buffer | null): string | null;
  /** `payload` lets the ACL learn a gateway's sub-devices from its own update_topo. */
  canPublish(clientId: string, principal: string, topic: string, payload?: Buffer): boolean;
  canSubscribe(clientId: string, principal: string, topicFilter: string): boolean;
  /** Called when a client disconnects, so bindings can be dropped. */
  forget?(clientId: string): void;
}

/** A publish the link could not hand to a broker; `code` is stable for callers (`link_down`, `publish_failed`). */
export class LinkError extends Error {
  constructor(
    readonly code: 'link_down' | 'publish_failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LinkError';
  }
}
