/**
 * The live capability: live capacity/status from the shadow, live control with retry, the embedded RTMP
 * ingest (started on first use) with per-stream secrets, HTTP-FLV playback through the engine's HTTP server,
 * auto-stream and recording. docs/LIVE.md has the design.
 */
import type { LiveInvokeMap, LiveWall } from '../../../shared/ipc/live';
import type { DeviceSnapshot } from '../../../shared/model/device';
import { externalUrl, formatVideoId, parseVideoId, rtmpUrl, streamSlug, type VideoId } from '../../../shared/protocol/live';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { FeatureFactory } from '../features/types';
import { AutoPolicy, autoInputs } from './auto';
import { LiveControl, type PushTarget } from './control';
import { Grants, RTMP_APP } from './grants';
import { RtmpIngest } from './ingest/server';
import { bindHost, pushHost } from './ingest-host';
import { playbackRoute } from './playback';
import { Recorder } from './recorder';
import { DEFAULT_LIVE_SETTINGS, JsonFile, LiveSettingsFile, validateLiveSettings } from './settings';
import { LiveSources } from './sources';
import { toView } from './streams';
import type { StreamGrant } from './grants';

type LiveHandlers = { [C in keyof LiveInvokeMap]: (req: LiveInvokeMap[C]['req']) => Promise<LiveInvokeMap[C]['res']> | LiveInvokeMap[C]['res'] };
import { syncFromDevice } from './sync';

export const liveFeature: FeatureFactory = (ctx) => {
  const log = ctx.logger.child('live');
  const file = new LiveSettingsFile(ctx.dataDir);
  const loaded = file.load();
  if (!loaded.ok) log.error('live settings unreadable; using defaults', { error: loaded.error.message });
  let settings = loaded.ok ? loaded.value : DEFAULT_LIVE_SETTINGS;
  const autoFile = new JsonFile<string[]>(ctx.dataDir, 'live-auto.json', []);
  const savedAuto = autoFile.load();
  const auto = new AutoPolicy(Array.isArray(savedAuto) ? savedAuto.filter((g) => typeof g === 'string') : []);
  const grants = new Grants();
  const sources = new LiveSources(log, ctx.counters);
  let ingest: RtmpIngest | null = null;
  let ingestStarting: Promise<Result<RtmpIngest>> | null = null;
  let stopped = false;

  const ensureIngest = (): Promise<Result<RtmpIngest>> => {
    if (ingest) return Promise.resolve(ok(ingest));
    ingestStarting ??= (async () => {
      const host = bindHost(ctx.brokerAddress()?.host ?? ctx.settings().advertisedHost);
      const candidate = new RtmpIngest({ host, port: settings.rtmpPort, clock: ctx.clock, logger: log, counters: ctx.counters, authorize: (r) => grants.authorizePublish(r), onPublish: changed, onUnpublish: changed });
      try {
        const port = await candidate.start();
        log.info('RTMP ingest listening', { host, port });
        ingest = candidate;
        return ok(candidate);
      } catch (e) {
        ingestStarting = null;
        return err(appError('ingest_unavailable', `${e instanceof Error ? e.message : String(e)}. Change Live settings → RTMP port.`));
      }
    })();
    return ingestStarting;
  };

  const target = async (v: VideoId): Promise<Result<PushTarget>> => {
    const s = settings;
    const slug = streamSlug(v);
    if (s.protocol !== 'rtmp') {
      const busy = s.protocol === 'gb28181' ? gbBusy(formatVideoId(v.sn, v.cameraIndex, v.videoIndex)) : null;
      if (busy) return err(appError('gb28181_agent_busy', `GB28181: agent ${s.gb28181.agentID} already pushes ${busy}; the platform sees one agent per stream, so stop that stream first`));
      return mapUrl(externalUrl(s, s.protocol, v), s.protocol);
    }
    const ing = await ensureIngest();
    if (!ing.ok) return ing;
    const grant = grants.issue('', slug);
    const host = pushHost(ctx.settings().advertisedHost, bindHost(ctx.brokerAddress()?.host ?? null));
    const url = rtmpUrl({ host, port: ing.value.port(), app: RTMP_APP, stream: slug, secret: grant.publishSecret });
    return url.ok ? ok({ protocol: 'rtmp', url: url.value, grant }) : url;
  };
  /** The other stream Outpost is pushing over GB28181 (all share the one agent ID of the settings), if any. */
  const gbBusy = (videoId: string): string | null =>
    [...control.streams.values()].find((r) => r.videoId !== videoId && r.owned && r.protocol === 'gb28181' && ['starting', 'retrying', 'live'].includes(r.state))?.videoId ?? null;
  const mapUrl = (u: Result<string>, protocol: PushTarget['protocol']): Result<PushTarget> => (u.ok ? ok({ protocol, url: u.value, grant: null }) : u);

  const revoke = (g: StreamGrant): void => {
    grants.revoke(g.slug);
    ingest?.kick(g.slug);
  };
  const control = new LiveControl({
    caller: ctx.caller,
    clock: ctx.clock,
    logger: log,
    counters: ctx.counters,
    gatewayOf: (sn) => ctx.shadow.gatewayOf(sn),
    settings: () => settings,
    target,
    revoke,
    switchable: (videoId) => {
      const v = parseVideoId(videoId);
      if (!v.ok) return [];
      const cam = sources.sources().find((s) => s.sn === v.value.sn)?.cameras.find((c) => c.cameraIndex === v.value.cameraIndex);
      return cam?.videos.find((x) => x.videoIndex === v.value.videoIndex)?.switchableVideoTypes ?? [];
    },
    changed,
  });
  const recorder = new Recorder(ctx.dataDir, ctx.clock, log, () => changed());

  const wall = (): LiveWall => ({
    sources: sources.sources().map((s) => ({ ...s, online: ctx.shadow.get(s.sn)?.online ?? false })),
    streams: [...control.streams.values()].map((r) => {
      const cast = r.grant ? ingest?.broadcast(r.grant.slug) : null;
      const st = cast?.stats();
      const rec = recorder.isRecording(r.videoId);
      return toView(
        { ...r, recording: rec ? { file: rec.file, since: rec.startedAt } : null },
        st ? { publishing: true, codec: st.codec, width: st.width, height: st.height, fps: st.fps, kbps: st.kbps, lastFrameAt: st.lastFrameAt, viewers: st.viewers } : null,
      );
    }),
    auto: auto.list(),
    ingestPort: ingest?.port() ?? null,
    protocol: settings.protocol,
  });

  // Coalesce bursts of changes into one event; while streams exist, refresh stats once a second.
  let pending: ReturnType<typeof ctx.clock.setTimeout> | null = null;
  function changed(): void {
    if (pending !== null || stopped) return;
    pending = ctx.clock.setTimeout(() => {
      pending = null;
      ctx.bus.emit('live:wall', wall());
    }, 100);
  }
  const ticker = ctx.clock.setInterval(() => {
    if (control.streams.size > 0) changed();
  }, 1_000);

  const onDevice = (gw: DeviceSnapshot): void => {
    if (gw.gateway !== null) return;
    if (sources.update(gw)) {
      syncFromDevice(gw.sn, sources, control.streams);
      changed();
    }
    const aircraftSn = gw.children[0];
    const action = auto.step(gw.sn, autoInputs(gw, aircraftSn ? ctx.shadow.get(aircraftSn) : null));
    if (action) void runAuto(gw, action.kind);
  };
  const runAuto = async (gw: DeviceSnapshot, kind: 'start' | 'stop'): Promise<void> => {
    if (kind === 'stop') {
      for (const r of [...control.streams.values()]) {
        if (r.gateway !== gw.sn || !r.owned || !r.auto) continue;
        if (gw.online) await control.stop(r.videoId);
        else {
          // The gateway is gone: nothing to tell it; revoke what Outpost handed out.
          if (r.grant) revoke(r.grant);
          Object.assign(r, { state: 'stopped', owned: false, auto: false, grant: null });
          changed();
        }
      }
      return;
    }
    const main = sources.sources().find((s) => s.gateway === gw.sn && s.sn !== gw.sn) ?? null;
    const cam = main?.cameras[0];
    const video = cam?.videos[0];
    if (!main || !cam || !video) return void log.warn('auto-stream: no aircraft camera in live_capacity', { gateway: gw.sn });
    const r = await control.start(`${main.sn}/${cam.cameraIndex}/${video.videoIndex}`, undefined, { auto: true });
    if (!r.ok) log.warn('auto-stream start failed', { gateway: gw.sn, error: r.error.message });
  };
  // Raw (uncoalesced) shadow changes: keep the filter cheap, OSD arrives here at full rate.
  const offShadow = ctx.shadow.onChange((p) => {
    const gwSn = ctx.shadow.gatewayOf(p.sn);
    const live = p.groups?.state !== undefined || p.groups?.status?.fields.live_status !== undefined;
    const flight = auto.has(gwSn) && (p.groups?.status !== undefined || p.groups?.drc !== undefined || p.children !== undefined);
    if (!live && !flight && p.online === undefined) return;
    const gw = ctx.shadow.get(gwSn);
    if (gw) onDevice(gw);
  });

  const invoke: LiveHandlers = {
    'live:wall': () => wall(),
    'live:start': (q) => control.start(q.videoId, q.quality).then((r) => (r.ok ? ok(wall().streams.find((s) => s.videoId === q.videoId)!) : r)),
    'live:stop': (q) => control.stop(q.videoId),
    'live:setQuality': (q) => control.setQuality(q.videoId, q.quality),
    'live:setLens': (q) => control.setLens(q.videoId, q.videoType),
    'live:setCamera': (q) => control.setCamera(q.videoId, q.cameraPosition),
    'live:getSettings': () => settings,
    'live:setSettings': (update) => {
      const next = validateLiveSettings({ ...settings, ...(update ?? {}) });
      if (!next.ok) return next;
      settings = next.value;
      file.save(settings);
      changed();
      return ok(settings);
    },
    'live:setAuto': (q) => {
      auto.set(q.gateway, q.enabled);
      autoFile.save(auto.list());
      const gw = ctx.shadow.get(q.gateway);
      if (gw) onDevice(gw);
      changed();
      return ok(null);
    },
    'live:recordStart': (q) => {
      const r = control.streams.get(q.videoId);
      const cast = r?.grant ? ingest?.broadcast(r.grant.slug) : null;
      if (!r || !cast) return err(appError('not_publishing', `${q.videoId}: no video is arriving at Outpost's ingest for this stream`));
      const v = parseVideoId(q.videoId);
      const rec = recorder.start(q.videoId, r.sn, v.ok ? streamSlug(v.value) : r.grant!.slug, cast);
      changed();
      return ok(rec);
    },
    'live:recordStop': async (q) => {
      const rec = await recorder.finish(q.videoId);
      return rec ? ok(rec) : err(appError('not_recording', `${q.videoId}: not being recorded`));
    },
    'live:recordings': () => recorder.list(),
  };

  return {
    invoke,
    // Public: the route checks its own per-stream play secret, so the Electron window (a file:// page without
    // the session cookie) can play too; the secret is only handed out over the authenticated IPC.
    publicHttpRoutes: [playbackRoute(grants, () => ingest, ctx.counters)],
    stop: async () => {
      stopped = true;
      offShadow();
      ctx.clock.clearInterval(ticker);
      if (pending !== null) ctx.clock.clearTimeout(pending);
      await recorder.stopAll();
      await ingest?.stop();
    },
  };
};
