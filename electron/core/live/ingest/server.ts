/**
 * The embedded RTMP ingest: docks and Pilot 2 push here (`live_start_push` url_type 1). Only a publish whose
 * stream name carries the stream's secret is accepted; RTMP play is not offered (viewers use HTTP-FLV).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../util/clock';
import type { Counters } from '../../util/counters';
import type { Logger } from '../../util/log';
import { Broadcast } from './broadcast';
import { newRtmpProtocol, type RtmpConnectRequest } from './nms';

export interface IngestOptions {
  readonly host: string;
  readonly port: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
  /** May this connection publish `app/name`? Returns the broadcast key, or a refusal reason. */
  authorize(req: RtmpConnectRequest): { ok: true; key: string } | { ok: false; reason: string };
  onPublish?(key: string): void;
  onUnpublish?(key: string): void;
}

/** A publisher that sends nothing for this long is cut (a dead link must not hold the stream). */
const IDLE_MS = 10_000;

export class RtmpIngest {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly live = new Map<string, Broadcast>();

  constructor(private readonly o: IngestOptions) {
    this.server = createServer((s) => this.accept(s));
    this.server.on('error', (e) => o.logger.error('RTMP ingest error', { error: String(e) }));
  }

  /** Listens; resolves with the bound port or rejects with a readable error (never exits the process). */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      const fail = (e: Error): void => reject(new Error(`RTMP ingest cannot listen on ${this.o.host}:${this.o.port}: ${e.message}`));
      this.server.once('error', fail);
      this.server.listen(this.o.port, this.o.host, () => {
        this.server.off('error', fail);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  port(): number {
    const a = this.server.address();
    return a && typeof a === 'object' ? a.port : 0;
  }

  broadcast(key: string): Broadcast | null {
    return this.live.get(key) ?? null;
  }

  /** Cut the publisher of `key` (the operator revoked the stream). */
  kick(key: string): void {
    for (const s of this.sockets) if ((s as Socket & { outpostKey?: string }).outpostKey === key) s.destroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    for (const b of this.live.values()) b.end();
    this.live.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const { logger, counters } = this.o;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    const rtmp = newRtmpProtocol();
    let req: RtmpConnectRequest | null = null;
    let cast: Broadcast | null = null;
    rtmp.onOutputCallback = (b) => {
      if (!socket.destroyed) socket.write(b);
    };
    rtmp.onConnectCallback = (r) => (req = r);
    rtmp.onPlayCallback = () => {
      counters.inc('live.play_refused');
      logger.warn('RTMP play refused: Outpost serves playback over HTTP-FLV only', { remote: socket.remoteAddress });
      socket.destroy();
    };
    rtmp.onPushCallback = () => {
      const verdict = req ? this.o.authorize(req) : { ok: false as const, reason: 'no stream name' };
      if (!verdict.ok || this.live.has(verdict.key)) {
        const reason = verdict.ok ? 'the stream already has a publisher' : verdict.reason;
        counters.inc('live.publish_refused');
        logger.warn('RTMP publish refused', { remote: socket.remoteAddress, app: req?.app, stream: req?.name, reason });
        socket.destroy();
        return;
      }
      cast = new Broadcast(verdict.key, this.o.clock, () => counters.inc('live.viewer_dropped_slow'));
      (socket as Socket & { outpostKey?: string }).outpostKey = verdict.key;
      this.live.set(verdict.key, cast);
      counters.inc('live.publish');
      logger.info('RTMP publish started', { key: verdict.key, remote: socket.remoteAddress });
      this.o.onPublish?.(verdict.key);
    };
    rtmp.onPacketCallback = (p) => cast?.push(p);
    socket.on('data', (d: Buffer) => {
      counters.inc('live.bytes_in', d.length);
      let problem: string | null;
      try {
        problem = rtmp.parserData(d);
      } catch (e) {
        problem = String(e);
      }
      if (problem) {
        counters.inc('live.malformed');
        logger.warn('RTMP stream malformed; connection closed', { remote: socket.remoteAddress, problem });
        socket.destroy();
      }
    });
    socket.on('error', () => undefined); // 'close' follows; resets are normal for pushers
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (!cast || this.live.get(cast.key) !== cast) return;
      this.live.delete(cast.key);
      cast.end();
      logger.info('RTMP publish ended', { key: cast.key });
      this.o.onUnpublish?.(cast.key);
    });
  }
}
