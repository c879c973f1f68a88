/**
 * Live control over `services`: live_start_push / live_stop_push / live_set_quality / live_lens_change /
 * live_camera_change (Dock 2 30.live.md), each with a 20 s reply window. A start refused for a transient
 * reason (513006 "refresh and try again", 513015 "network lags"…) is retried with backoff on the injected clock.
 */
import type { LiveSettings } from '../../../shared/ipc/live';
import { isRetryableLiveError, liveErrorText, parseVideoId, URL_TYPE, type LensType, type LiveProtocol, type VideoId, type VideoQuality } from '../../../shared/protocol/live';
import { appError, err, ok, type AppError, type Result } from '../../../shared/util/result';
import type { ServiceCaller } from '../services/caller';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { StreamGrant } from './grants';
import type { StreamRecord } from './streams';

export const LIVE_REPLY_TIMEOUT_MS = 20_000;
/** Waits between start attempts (4 attempts in all). */
export const START_RETRY_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000];

export interface PushTarget {
  readonly protocol: LiveProtocol;
  readonly url: string;
  readonly grant: StreamGrant | null;
}

export interface ControlDeps {
  readonly caller: Pick<ServiceCaller, 'call'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
  gatewayOf(sn: string): string;
  settings(): LiveSettings;
  /** Where the device should push stream `v` (starts the embedded ingest when needed). */
  target(v: VideoId): Promise<Result<PushTarget>>;
  revoke(grant: StreamGrant): void;
  /** Lens types a camera can switch to, from live_capacity (empty = unknown). */
  switchable(videoId: string): readonly string[];
  changed(): void;
}

/** The device's result code of a failed call, when it answered. */
const deviceCode = (e: AppError): number | null => {
  const d = e.details as { result?: unknown } | undefined;
  return e.code === 'device_error' && typeof d?.result === 'number' ? d.result : null;
};
const failure = (e: AppError): { code: number | string; text: string } => {
  const code = deviceCode(e);
  return code === null ? { code: e.code, text: e.message } : { code, text: liveErrorText(code) };
};

export class LiveControl {
  readonly streams = new Map<string, StreamRecord>();

  constructor(private readonly d: ControlDeps) {}

  async start(videoId: string, quality?: VideoQuality, opts: { auto?: boolean } = {}): Promise<Result<StreamRecord>> {
    const v = parseVideoId(videoId);
    if (!v.ok) return v;
    const prev = this.streams.get(videoId);
    if (prev && prev.owned && ['starting', 'retrying', 'live'].includes(prev.state)) return ok(prev);
    const gateway = this.d.gatewayOf(v.value.sn);
    const t = await this.d.target(v.value);
    if (!t.ok) return t;
    const q = quality ?? this.d.settings().defaultQuality;
    const rec: StreamRecord = {
      videoId, gateway, sn: v.value.sn, cameraIndex: v.value.cameraIndex, videoType: v.value.videoType, quality: q, protocol: t.value.protocol,
      state: 'starting', error: null, attempts: 0, grant: t.value.grant, owned: true, auto: opts.auto ?? false, deviceLive: prev?.deviceLive ?? false, recording: prev?.recording ?? null,
    };
    this.streams.set(videoId, rec);
    this.d.changed();
    const data = { url_type: URL_TYPE[t.value.protocol], url: t.value.url, video_id: videoId, video_quality: q };
    for (;;) {
      rec.attempts++;
      const r = await this.d.caller.call(gateway, 'live_start_push', data, { timeoutMs: LIVE_REPLY_TIMEOUT_MS });
      if (this.streams.get(videoId) !== rec || rec.state === 'stopping' || rec.state === 'stopped') return err(appError('cancelled', `${videoId}: stopped while starting`));
      if (r.ok) {
        Object.assign(rec, { state: 'live', error: null });
        this.d.counters.inc('live.start_ok');
        this.d.changed();
        return ok(rec);
      }
      rec.error = failure(r.error);
      const code = deviceCode(r.error);
      const delay = START_RETRY_DELAYS_MS[rec.attempts - 1];
      if (code !== null && isRetryableLiveError(code) && delay !== undefined) {
        rec.state = 'retrying';
        this.d.counters.inc('live.start_retry');
        this.d.logger.info('live_start_push refused; retrying', { videoId, code, attempt: rec.attempts, delayMs: delay });
        this.d.changed();
        await new Promise<void>((res) => this.d.clock.setTimeout(res, delay));
        if (this.streams.get(videoId) !== rec || rec.state !== 'retrying') return err(appError('cancelled', `${videoId}: stopped while retrying`));
        continue;
      }
      rec.state = 'failed';
      if (rec.grant) this.d.revoke(rec.grant);
      rec.grant = null;
      this.d.counters.inc('live.start_failed');
      this.d.logger.warn('live_start_push failed', { videoId, error: rec.error.text });
      this.d.changed();
      return err(appError('live_start_failed', `${videoId}: ${rec.error.text}`, { code: rec.error.code }));
    }
  }

  async stop(videoId: string): Promise<Result<null>> {
    const v = parseVideoId(videoId);
    if (!v.ok) return v;
    const rec = this.streams.get(videoId);
    const gateway = rec?.gateway ?? this.d.gatewayOf(v.value.sn);
    if (rec) {
      rec.state = 'stopping';
      this.d.changed();
    }
    const r = await this.d.caller.call(gateway, 'live_stop_push', { video_id: videoId }, { timeoutMs: LIVE_REPLY_TIMEOUT_MS });
    // 513011 "livestream not enabled": the device is not streaming, which is what stop wants.
    const stopped = r.ok || (!r.ok && deviceCode(r.error) === 513011);
    if (rec) {
      if (stopped) {
        if (rec.grant) this.d.revoke(rec.grant);
        Object.assign(rec, { state: 'stopped', error: null, owned: false, auto: false, grant: null });
      } else Object.assign(rec, { state: 'live', error: failure(r.ok ? appError('x', '') : r.error) });
      this.d.changed();
    }
    return stopped ? ok(null) : err(appError('live_stop_failed', `${videoId}: ${failure((r as { error: AppError }).error).text}`));
  }

  async setQuality(videoId: string, quality: VideoQuality): Promise<Result<null>> {
    return this.command(videoId, 'live_set_quality', { video_id: videoId, video_quality: quality }, (rec) => (rec.quality = quality));
  }

  async setLens(videoId: string, videoType: LensType): Promise<Result<null>> {
    const allowed = this.d.switchable(videoId);
    if (allowed.length > 0 && !allowed.includes(videoType)) {
      return err(appError('invalid_lens', `video_type "${videoType}" is not offered by this camera (live_capacity: ${allowed.join(', ')})`));
    }
    return this.command(videoId, 'live_lens_change', { video_id: videoId, video_type: videoType }, (rec) => (rec.videoType = videoType));
  }

  async setCamera(videoId: string, cameraPosition: 0 | 1): Promise<Result<null>> {
    if (cameraPosition !== 0 && cameraPosition !== 1) return err(appError('invalid_camera_position', 'camera_position must be 0 (inside the dock) or 1 (outside)'));
    return this.command(videoId, 'live_camera_change', { video_id: videoId, camera_position: cameraPosition }, () => undefined);
  }

  private async command(videoId: string, method: string, data: unknown, apply: (r: StreamRecord) => void): Promise<Result<null>> {
    const v = parseVideoId(videoId);
    if (!v.ok) return v;
    const rec = this.streams.get(videoId);
    const r = await this.d.caller.call(rec?.gateway ?? this.d.gatewayOf(v.value.sn), method, data, { timeoutMs: LIVE_REPLY_TIMEOUT_MS });
    if (!r.ok) return err(appError(`${method}_failed`, `${method} ${videoId}: ${failure(r.error).text}`, { code: failure(r.error).code }));
    if (rec) {
      apply(rec);
      this.d.changed();
    }
    return ok(null);
  }
}
