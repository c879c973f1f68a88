/**
 * Simulated device side of the live methods (Dock 2 30.live.md; RC 20.live.md): validates like a device
 * (513xxx codes from 71.error-code.md), pushes real RTMP with ffmpeg, reports `live_status` on state.
 * Agora, GB28181 and WHIP starts are checked against the docs' URL format and reported live, but push nothing:
 * the simulator speaks RTMP only.
 */
import type { SimDeviceApi } from '../extension';
import { topics } from '../envelope';
import { product, type SimKind } from '../products';
import type { ServiceReplyData } from '../services';
import { kbpsFor, type LiveSimOptions } from './config';
import { killPush, spawnPush } from './ffmpeg';
import type { ChildProcess } from 'node:child_process';

const E_CAMERA = 513002;
const E_ALREADY = 513003;
const E_QUALITY = 513005;
const E_NOT_LIVE = 513011;
const E_PROTOCOL = 513013;
const E_PARAMS = 513014;

/** url_type each product accepts (enums.md §3.1): Agora is not listed for Dock 3, WHIP only for docks and RC Plus 2. */
const URL_TYPES: Readonly<Record<SimKind, readonly number[]>> = { dock2: [0, 1, 3, 4], dock3: [1, 3, 4], 'rc-plus': [0, 1, 3], 'rc-plus-2': [0, 1, 3, 4] };
/** The `url` keys of each key=value format, in the docs' spelling. */
const URL_KEYS: Readonly<Record<number, readonly string[]>> = {
  0: ['channel', 'sn', 'token', 'uid'],
  3: ['serverIP', 'serverPort', 'serverID', 'agentID', 'agentPassword', 'localPort', 'channel'],
};

/** Whether `url` has the shape the docs give for `urlType`. */
export function urlFitsType(urlType: number, url: string): boolean {
  if (urlType === 1) return /^rtmp:\/\/[^/]+\/.+/.test(url);
  if (urlType === 4) return /^https?:\/\/[^/]+\/.+/.test(url);
  const keys = URL_KEYS[urlType];
  if (!keys) return false;
  const pairs = url.split('&').map((p) => p.split('='));
  return pairs.length === keys.length && pairs.every((p, i) => p.length === 2 && p[0] === keys[i] && p[1] !== '');
}

interface SimStream {
  readonly videoId: string;
  readonly url: string;
  quality: number;
  videoType: string;
  child: ChildProcess | null;
  stopped: boolean;
  restarts: number;
}

export class SimLive {
  private readonly streams = new Map<string, SimStream>();
  /** Pushes being killed (a live_stop_push answers at once): stop() waits for them too. */
  private readonly killing = new Set<Promise<void>>();
  private failures: number[];
  /** Every live_* service this device was sent, in order (tests read what the cloud asked for). */
  readonly received: { readonly method: string; readonly data: unknown }[] = [];

  constructor(private readonly api: SimDeviceApi, private readonly o: LiveSimOptions) {
    this.failures = [...o.failStarts];
  }

  /** Inject result codes for the next starts (tests). */
  failNextStarts(codes: readonly number[]): void {
    this.failures.push(...codes);
  }

  service(method: string, data: unknown): ServiceReplyData | null {
    if (!method.startsWith('live_')) return null;
    this.received.push({ method, data });
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const videoId = typeof d.video_id === 'string' ? d.video_id : '';
    const s = this.streams.get(videoId);
    switch (method) {
      case 'live_start_push':
        return this.start(d, videoId);
      case 'live_stop_push':
        if (!s) return { result: E_NOT_LIVE };
        void this.stopStream(s);
        return this.reply();
      case 'live_set_quality':
        if (!s) return { result: E_NOT_LIVE };
        if (typeof d.video_quality !== 'number' || d.video_quality < 0 || d.video_quality > 4) return { result: E_QUALITY };
        s.quality = d.video_quality;
        return this.reply();
      case 'live_lens_change':
        if (!s) return { result: E_NOT_LIVE };
        if (!['normal', 'wide', 'zoom', 'ir'].includes(String(d.video_type))) return { result: E_PARAMS };
        s.videoType = String(d.video_type);
        return this.reply();
      case 'live_camera_change':
        return d.camera_position === 0 || d.camera_position === 1 ? { result: 0 } : { result: E_PARAMS };
      default:
        return null;
    }
  }

  active(): number {
    return this.streams.size;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => this.stopStream(s, false)));
    await Promise.all([...this.killing]);
  }

  private start(d: Record<string, unknown>, videoId: string): ServiceReplyData {
    const failure = this.failures.shift();
    if (failure !== undefined) return { result: failure };
    if (typeof d.url !== 'string' || typeof d.url_type !== 'number' || typeof d.video_quality !== 'number' || !videoId) return { result: E_PARAMS };
    if (!URL_TYPES[this.api.kind].includes(d.url_type)) return { result: E_PROTOCOL };
    if (!urlFitsType(d.url_type, d.url)) return { result: E_PARAMS };
    if (d.video_quality < 0 || d.video_quality > 4) return { result: E_QUALITY };
    if (!this.hasCamera(videoId)) return { result: E_CAMERA };
    if (this.streams.has(videoId)) return { result: E_ALREADY };
    const s: SimStream = { videoId, url: d.url, quality: d.video_quality, videoType: videoId.split('/')[2]?.replace(/-\d+$/, '') ?? 'normal', child: null, stopped: false, restarts: 0 };
    this.streams.set(videoId, s);
    if (d.url_type === 1) this.spawn(s);
    return this.reply();
  }

  private hasCamera(videoId: string): boolean {
    const [sn, cam] = videoId.split('/');
    const p = product(this.api.kind);
    return (sn === this.api.aircraftSn && cam === p.payloadIndex) || (sn === this.api.gatewaySn && cam === p.dockCameraIndex);
  }

  private spawn(s: SimStream): void {
    const { width, height, fps, ffmpeg } = this.o;
    s.child = spawnPush({ url: s.url, width, height, fps, kbps: kbpsFor(s.quality, width, height), ffmpeg }, (code, stderr) => {
      s.child = null;
      if (s.stopped) return;
      // The push died (server gone, link lost): retry like a device does, with a capped backoff.
      s.restarts++;
      this.api.log.info('simulated push ended; restarting', { videoId: s.videoId, code, stderr: stderr.trim().slice(-200) });
      const delay = Math.min(30_000, this.o.restartDelayMs * 2 ** Math.min(s.restarts - 1, 5));
      this.api.clock.setTimeout(() => {
        if (!s.stopped && this.streams.get(s.videoId) === s) this.spawn(s);
      }, delay);
    });
  }

  private async stopStream(s: SimStream, report = true): Promise<void> {
    s.stopped = true;
    this.streams.delete(s.videoId);
    if (report) this.publishStatus();
    if (!s.child) return;
    const k = killPush(s.child);
    this.killing.add(k);
    await k.finally(() => this.killing.delete(k));
  }

  /** Reply 0, then the new `live_status` (the device pushes state on change). */
  private reply(): ServiceReplyData {
    queueMicrotask(() => this.publishStatus());
    return { result: 0 };
  }

  private publishStatus(): void {
    const live_status = [...this.streams.values()].map((s) => ({ video_id: s.videoId, video_type: s.videoType, video_quality: s.quality, status: 1, error_status: 0 }));
    this.api.publish('state', topics.state(this.api.gatewaySn), { live_status }, { qos: 1 });
  }
}
