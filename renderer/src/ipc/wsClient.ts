/** Serve-mode transport: the IPC contract over one WebSocket (`WsFrame` JSON), with reconnect and backoff. */
import type {
  EventChannel,
  EventMap,
  InvokeChannel,
  InvokeReq,
  InvokeRes,
  OutpostClient,
  SendChannel,
  SendMap,
  WsFrame,
} from '../../../shared/ipc/contract';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { ConnectionState } from './connection';

/** The slice of the browser WebSocket API we use (the `ws` package implements it too, for tests). */
export interface WsLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code?: number }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WsCtor = new (url: string) => WsLike;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WsClientOptions {
  readonly url: string;
  readonly WebSocket?: WsCtor;
  readonly timers?: Timers;
  readonly backoff?: BackoffOptions;
  /** Tells a refused upgrade (HTTP 401) from a dead server; a browser's WebSocket hides the status. */
  readonly probeUnauthorized?: () => Promise<boolean>;
  readonly onState?: (state: ConnectionState, attempts: number) => void;
}

/** An invoke the server answered with `ok: false`, or one lost to a dropped connection. */
export class IpcError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'IpcError';
  }
}

export interface WsClient extends OutpostClient {
  readonly state: () => ConnectionState;
  close(): void;
}

interface Pending {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
  /** Written to an open socket; unsent invokes wait in the queue across reconnects. */
  sent: boolean;
}

const OPEN = 1;
const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Default probe: a plain GET on the same path; the server answers 401 without the auth cookie. */
export const httpProbe = (wsUrl: string) => async (): Promise<boolean> => {
  try {
    const res = await fetch(wsUrl.replace(/^ws/, 'http'), { credentials: 'same-origin' });
    return res.status === 401 || res.status === 403;
  } catch {
    return false;
  }
};

export const createWsClient = (opts: WsClientOptions): WsClient => {
  const Ctor = opts.WebSocket ?? (globalThis.WebSocket as unknown as WsCtor);
  const timers = opts.timers ?? realTimers;
  const probe = opts.probeUnauthorized ?? httpProbe(opts.url);
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let queue: { readonly id: number | null; readonly text: string }[] = []; // written while not open, flushed on open
  let nextId = 1;
  let ws: WsLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempts = 0;
  let retry: unknown = null;
  let closed = false;

  const setState = (s: ConnectionState): void => {
    state = s;
    opts.onState?.(s, attempts);
  };

  const write = (frame: WsFrame): void => {
    const text = JSON.stringify(frame);
    const id = frame.t === 'invoke' ? frame.id : null;
    if (ws && ws.readyState === OPEN) {
      ws.send(text);
      markSent(id);
    } else queue.push({ id, text });
  };
  const markSent = (id: number | null): void => {
    const p = id === null ? undefined : pending.get(id);
    if (p) p.sent = true;
  };

  const onFrame = (raw: unknown): void => {
    let frame: WsFrame;
    try {
      frame = JSON.parse(String(raw)) as WsFrame;
    } catch {
      console.warn('[ipc] dropped a malformed frame');
      return;
    }
    if (frame.t === 'result') {
      const p = pending.get(frame.id);
      if (!p) return;
      pending.delete(frame.id);
      if (frame.ok) p.resolve(frame.res);
      else p.reject(new IpcError(frame.error.code, frame.error.message));
    } else if (frame.t === 'event') {
      for (const l of listeners.get(frame.channel) ?? []) {
        try {
          l(frame.payload);
        } catch (e) {
          console.error(`[ipc] listener for ${frame.channel} threw`, e);
        }
      }
    }
  };

  const scheduleReconnect = (unauthorized: boolean): void => {
    for (const [id, p] of pending) {
      if (!p.sent && !closed) continue;
      pending.delete(id);
      p.reject(new IpcError('disconnected', 'The connection to Outpost dropped before it answered.'));
    }
    if (closed) return;
    setState(unauthorized ? 'unauthorized' : 'reconnecting');
    const delay = backoffDelay(attempts, opts.backoff ?? DEFAULT_BACKOFF);
    attempts += 1;
    retry = timers.setTimeout(connect, delay);
  };

  function connect(): void {
    retry = null;
    if (closed) return;
    let opened = false;
    let errorText = '';
    const sock = new Ctor(opts.url);
    ws = sock;
    sock.onopen = () => {
      opened = true;
      attempts = 0;
      const flush = queue;
      queue = [];
      for (const { id, text } of flush) {
        sock.send(text);
        markSent(id);
      }
      setState('connected');
    };
    sock.onmessage = (ev) => onFrame(ev.data);
    sock.onerror = (ev) => {
      errorText = ev?.message ?? '';
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null;
      if (opened || closed) return scheduleReconnect(false);
      // `ws` (Node) names the status in the error; a browser hides it, so ask over HTTP.
      if (/\b40[13]\b/.test(errorText)) return scheduleReconnect(true);
      void probe().then((unauth) => {
        if (ws === null && retry === null && !closed) scheduleReconnect(unauth);
      });
    };
  }

  connect();

  return {
    state: () => state,
    invoke<C extends InvokeChannel>(channel: C, req: InvokeReq<C>): Promise<InvokeRes<C>> {
      const id = nextId++;
      return new Promise<InvokeRes<C>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, sent: false });
        write({ t: 'invoke', id, channel, req });
      });
    },
    send<C extends SendChannel>(channel: C, msg: SendMap[C]): void {
      write({ t: 'send', channel, msg });
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    close(): void {
      closed = true;
      if (retry !== null) timers.clearTimeout(retry);
      const sock = ws;
      ws = null;
      sock?.close();
      for (const [, p] of pending) p.reject(new IpcError('closed', 'The Outpost client was closed.'));
      pending.clear();
      queue = [];
    },
  };
};
