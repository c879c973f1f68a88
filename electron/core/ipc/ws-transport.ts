/**
 * Serve-mode transport: the IPC contract over an (already authenticated) WebSocket.
 * Frames are `WsFrame` from shared/ipc/contract; unknown channels are refused by name.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  SEND_CHANNELS,
  type InvokeChannel,
  type InvokeHandlers,
  type SendChannel,
  type SendHandlers,
  type WsFrame,
} from '../../../shared/ipc/contract';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { EventBus } from './bus';

const MAX_BUFFERED = 8 * 1024 * 1024;

export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly invoke: InvokeHandlers,
    private readonly sends: SendHandlers,
    bus: EventBus,
    private readonly logger: Logger,
    private readonly counters: Counters,
  ) {
    for (const channel of EVENT_CHANNELS) {
      this.unsubscribe.push(bus.on(channel, (payload) => this.broadcast({ t: 'event', channel, payload })));
    }
    this.wss.on('connection', (ws) => this.attach(ws));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  clients(): number {
    return this.wss.clients.size;
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket): void {
    this.counters.inc('ipc.ws_connections');
    ws.on('message', (raw) => {
      let frame: WsFrame;
      try {
        frame = JSON.parse(String(raw)) as WsFrame;
      } catch {
        this.counters.inc('ipc.bad_frame');
        return;
      }
      if (frame.t === 'invoke') void this.onInvoke(ws, frame.id, frame.channel, frame.req);
      else if (frame.t === 'send') this.onSend(frame.channel, frame.msg);
      else this.counters.inc('ipc.bad_frame');
    });
    ws.on('error', (e) => this.logger.debug('ipc socket error', { error: String(e) }));
  }

  private async onInvoke(ws: WebSocket, id: number, channel: string, req: unknown): Promise<void> {
    let reply: WsFrame;
    if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) {
      reply = { t: 'result', id, ok: false, error: { code: 'unknown_channel', message: `no such channel: ${channel}` } };
    } else {
      try {
        const handler = this.invoke[channel as InvokeChannel] as (r: unknown) => unknown;
        reply = { t: 'result', id, ok: true, res: await handler(req) };
      } catch (e) {
        this.logger.error('ipc handler failed', { channel, error: String(e) });
        reply = { t: 'result', id, ok: false, error: { code: 'handler_failed', message: e instanceof Error ? e.message : String(e) } };
      }
    }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  }

  private onSend(channel: string, msg: unknown): void {
    if (!(SEND_CHANNELS as readonly string[]).includes(channel)) return void this.counters.inc('ipc.bad_frame');
    (this.sends[channel as SendChannel] as (m: unknown) => void)(msg);
  }

  private broadcast(frame: WsFrame): void {
    if (this.wss.clients.size === 0) return;
    const s = JSON.stringify(frame);
    for (const c of this.wss.clients) {
      if (c.readyState !== c.OPEN) continue;
      // A stalled browser must not grow our memory: skip it; the next patch carries full group state.
      if (c.bufferedAmount > MAX_BUFFERED) {
        this.counters.inc('ipc.event_dropped_slow_client');
        continue;
      }
      c.send(s);
    }
  }
}
