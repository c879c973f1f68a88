/**
 * One tile's player: HTTP-FLV through mpegts.js with live-latency chasing, stall detection (no new frame for
 * 3 s → "stalled", then reconnect with backoff), and measurements: rendered fps, dropped frames, and the
 * glass-to-glass delay read from the simulator's burned-in time code (null for real cameras).
 */
import mpegts from 'mpegts.js';
import { decodeTimecode, TIME_BITS, timeBlock } from '../../../../shared/protocol/live/timecode';

export type PlayerState = 'connecting' | 'playing' | 'stalled' | 'stopped';

export interface PlayerMetrics {
  readonly state: PlayerState;
  readonly frames: number;
  readonly dropped: number;
  readonly fps: number | null;
  readonly delayMs: number | null;
  readonly width: number;
  readonly height: number;
  readonly reconnects: number;
}

const STALL_MS = 3000;

/**
 * Low-latency playback. The buffer ahead of the playhead is the main delay: playing 20% fast drains it
 * toward 0.15 s without a visible jump, and a buffer beyond 0.5 s (after a hiccup) is skipped by a seek.
 */
const LIVE_CONFIG: mpegts.Config = {
  enableWorker: false,
  enableStashBuffer: false,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 0.5,
  liveBufferLatencyMinRemain: 0.15,
  liveSync: true,
  liveSyncMaxLatency: 0.3,
  liveSyncTargetLatency: 0.15,
  liveSyncPlaybackRate: 1.2,
  autoCleanupSourceBuffer: true,
  lazyLoad: false,
};

export class TilePlayer {
  private player: mpegts.Player | null = null;
  private timer: number | null = null;
  private retry: number | null = null;
  private lastFrames = 0;
  private lastProgress = Date.now();
  private backoff = 500;
  private reconnects = 0;
  private state: PlayerState = 'stopped';
  private fps: number | null = null;
  private delayMs: number | null = null;
  private lastSample = 0;
  private readonly canvas = document.createElement('canvas');

  constructor(private readonly video: HTMLVideoElement, private readonly url: string, private readonly onMetrics: (m: PlayerMetrics) => void) {}

  start(): void {
    if (this.timer !== null) return;
    this.open();
    this.timer = window.setInterval(() => this.tick(), 1000);
    this.watchFrames();
  }

  stop(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    if (this.retry !== null) window.clearTimeout(this.retry);
    this.timer = this.retry = null;
    this.close();
    this.setState('stopped');
  }

  private open(): void {
    this.setState('connecting');
    this.lastProgress = Date.now();
    const p = mpegts.createPlayer(
      { type: 'flv', isLive: true, url: this.url },
      LIVE_CONFIG,
    );
    p.on(mpegts.Events.ERROR, () => this.stall());
    p.attachMediaElement(this.video);
    p.load();
    void Promise.resolve(p.play()).catch(() => undefined);
    this.player = p;
  }

  private close(): void {
    if (!this.player) return;
    const p = this.player;
    this.player = null;
    try {
      p.pause();
      p.unload();
      p.detachMediaElement();
      p.destroy();
    } catch {
      // mpegts may throw when the media element is already gone; the player is dropped either way
    }
  }

  private stall(): void {
    if (this.retry !== null || this.timer === null) return;
    this.setState('stalled');
    this.close();
    this.retry = window.setTimeout(() => {
      this.retry = null;
      this.reconnects++;
      this.open();
    }, this.backoff);
    this.backoff = Math.min(5000, this.backoff * 2);
  }

  private tick(): void {
    const q = this.video.getVideoPlaybackQuality();
    const frames = q.totalVideoFrames;
    if (frames < this.lastFrames) this.lastFrames = frames; // a reconnect starts a new media source
    this.fps = frames - this.lastFrames;
    if (frames > this.lastFrames) {
      this.lastFrames = frames;
      this.lastProgress = Date.now();
      this.backoff = 500;
      if (this.state !== 'playing') this.setState('playing');
    } else if (this.retry === null && Date.now() - this.lastProgress > STALL_MS) this.stall();
    this.emit();
  }

  /** Samples the time code on presented frames, at most 4×/s. */
  private watchFrames(): void {
    if (this.timer === null) return;
    const v = this.video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };
    const next = (): void => {
      if (this.timer === null) return;
      if (Date.now() - this.lastSample >= 250) this.sample();
      if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(next);
      else window.setTimeout(next, 250);
    };
    next();
  }

  private sample(): void {
    const w = this.video.videoWidth;
    if (w === 0) return;
    this.lastSample = Date.now();
    const b = timeBlock(w);
    this.canvas.width = b * TIME_BITS;
    this.canvas.height = b;
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.drawImage(this.video, 0, 0, b * TIME_BITS, b, 0, 0, b * TIME_BITS, b);
    const px = ctx.getImageData(0, 0, b * TIME_BITS, b).data;
    const now = Date.now();
    const luma = (x: number, y: number): number => {
      const i = (Math.floor(y) * b * TIME_BITS + Math.floor(x)) * 4;
      return 0.299 * (px[i] ?? 0) + 0.587 * (px[i + 1] ?? 0) + 0.114 * (px[i + 2] ?? 0);
    };
    const t = decodeTimecode(w, luma, now);
    this.delayMs = t === null ? null : now - t;
  }

  private setState(s: PlayerState): void {
    this.state = s;
    this.emit();
  }

  private emit(): void {
    const q = this.video.getVideoPlaybackQuality?.();
    this.onMetrics({
      state: this.state, frames: q?.totalVideoFrames ?? 0, dropped: q?.droppedVideoFrames ?? 0, fps: this.fps, delayMs: this.delayMs,
      width: this.video.videoWidth, height: this.video.videoHeight, reconnects: this.reconnects,
    });
  }
}
