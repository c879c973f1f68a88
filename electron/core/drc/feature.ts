/**
 * The DRC capability: `drc:enter/exit/emergencyStop/sessions/returnHome/returnHomeCancel` and the `drc:sticks` stream, one
 * DrcSession per gateway, device signals routed to it, drc/up pushes forwarded to the renderer
 * (and the OSD fed to the shadow so the globe follows at the DRC rate).
 */
import { randomUUID } from 'node:crypto';
import { parseSticks } from '../../../shared/control/sticks';
import type { DrcEnterRequest, DrcSessionView, DrcSticksMessage } from '../../../shared/ipc/drc';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Feature, FeatureContext, FeatureFactory } from '../features/types';
import { issueDrcCredentials, renewDrcCredentials, type DrcCredentials } from './credentials';
import { planEnter } from './request';
import { cancelReturnHome, returnHome } from './return-home';
import { DrcSession, type SessionConfig } from './session';
import { authoritySignalOf, drcStateOf, drcStatusOf, joystickInvalidText, pilotAnswerOf } from './signals';
import { forwardTelemetry } from './telemetry';
import { drcDownTopic } from './wire';

export interface DrcFeatureOptions {
  /** Broker-login lifetime; renewed while the session lives. */
  readonly credentialTtlMs?: number;
  /** Overrides for tests (heartbeat, dead-man, timeouts). */
  readonly session?: Partial<Pick<SessionConfig, 'heartbeatMs' | 'heartbeatLostMs' | 'deadmanMs' | 'replyTimeoutMs' | 'pilotTimeoutMs'>>;
}

export function createDrcFeature(opts: DrcFeatureOptions = {}): FeatureFactory {
  return (ctx) => startDrc(ctx, opts);
}

export const drcFeature: FeatureFactory = createDrcFeature();

function startDrc(ctx: FeatureContext, opts: DrcFeatureOptions): Feature {
  const log = ctx.logger.child('drc');
  const ttl = opts.credentialTtlMs ?? 10 * 60_000;
  const sessions = new Map<string, DrcSession>();
  const live = (gw: string): DrcSession | null => {
    const s = sessions.get(gw);
    return s && !s.ended ? s : null;
  };

  const open = (cfg: SessionConfig): DrcSession => {
    let creds: DrcCredentials | null = null;
    const signalSn = cfg.flow === 'dock' ? cfg.aircraft : cfg.gateway;
    const session = new DrcSession(cfg, {
      clock: ctx.clock,
      logger: log,
      counters: ctx.counters,
      call: async (method, data, timeoutMs) => {
        const r = await ctx.caller.call(cfg.gateway, method, data, { timeoutMs });
        return r.ok ? ok(r.value.output) : r;
      },
      publishDown: (payload, qos) => {
        ctx.publish(drcDownTopic(cfg.gateway), payload, qos).catch((e: unknown) => {
          ctx.counters.inc('drc.publish_failed');
          log.warn('drc/down publish failed', { gateway: cfg.gateway, error: String(e) });
        });
      },
      issueCredentials: () => {
        const broker = ctx.brokerAddress();
        const r = issueDrcCredentials({ gateway: cfg.gateway, auth: ctx.auth, broker, now: ctx.clock.now(), ttlMs: ttl });
        if (!r.ok) return r;
        creds = r.value;
        return ok(r.value.mqttBroker);
      },
      renewCredentials: () => {
        if (creds) creds = renewDrcCredentials(ctx.auth, creds, ctx.clock.now(), ttl);
      },
      revokeCredentials: () => {
        if (creds) ctx.auth.removeTemporaryPrincipal(creds.username);
        creds = null;
      },
      authoritySignal: () => {
        const sn = signalSn;
        const d = sn ? ctx.shadow.get(sn) : null;
        const v = d ? authoritySignalOf({ sn: d.sn, groups: d.groups }, cfg.flow) : undefined;
        return v ?? null;
      },
      onChange: (v) => ctx.bus.emit('drc:state', v),
    });
    sessions.set(cfg.gateway, session);
    return session;
  };

  const enter = async (req: DrcEnterRequest): Promise<Result<DrcSessionView>> => {
    const plan = planEnter(req, typeof req?.gateway === 'string' ? ctx.shadow.get(req.gateway) : null);
    if (!plan.ok) return plan;
    const p = plan.value;
    const current = live(p.gateway);
    if (current && !p.takeover) {
      return err(appError('session_active', `gateway ${p.gateway} already has a DRC session (${current.view().phase}); take over to replace it`));
    }
    current?.dispatch({ type: 'authority_taken' });
    const s = open({ id: randomUUID(), ...p, userId: `outpost-${randomUUID().slice(0, 8)}`, ...opts.session });
    // Answer once the outcome is known, or once the pilot has to decide (that can take a minute).
    return ok(await s.until((v) => v.phase === 'active' || v.phase === 'ended' || v.phase === 'awaiting_pilot'));
  };

  // Payload commands in DRC (drc_camera_*…) ride this session's drc/down with its seq.
  ctx.drc = {
    isInDrc: (gw) => live(gw)?.view().phase === 'active',
    publishDrc: async (gw, method, data) => {
      const s = live(gw);
      if (!s || !s.publishCommand(method, data)) throw new Error(`no active DRC session on ${gw}`);
    },
  };

  const offDrcUp = ctx.onDrcUp((gw, method, data) => {
    const s = sessions.get(gw);
    if (!s) return;
    if (!s.ended) s.onDrcUp(method, data);
    forwardTelemetry(ctx, s, method, data);
  });
  const offEvent = ctx.onEvent((gw, method, data) => {
    const s = live(gw);
    if (!s) return;
    if (method === 'cloud_control_auth_notify') {
      const answer = pilotAnswerOf(data);
      if (answer) s.onPilotAnswer(answer);
      else log.warn('cloud_control_auth_notify without a known output.status', { gateway: gw });
    } else if (method === 'drc_status_notify') {
      const st = drcStatusOf(data);
      if (st !== null) s.onDeviceDrcState(st);
    } else if (method === 'joystick_invalid_notify') {
      s.dispatch({ type: 'authority_lost', detail: joystickInvalidText(data) });
    }
  });
  const offShadow = ctx.shadow.onChange((patch) => {
    const gw = ctx.shadow.gatewayOf(patch.sn);
    const s = live(gw);
    if (!s) return;
    const st = patch.sn === gw ? drcStateOf(patch) : null;
    if (st !== null) s.onDeviceDrcState(st);
    const signalSn = s.cfg.flow === 'dock' ? s.cfg.aircraft : s.cfg.gateway;
    if (patch.sn === signalSn) {
      const v = authoritySignalOf(patch, s.cfg.flow);
      if (v !== undefined) s.onAuthoritySignal(v);
    }
  });
  const offStatus = ctx.bus.on('engine:status', (st) => {
    if (st.link.state === 'up' || st.link.state === 'starting') return;
    for (const s of sessions.values()) if (!s.ended) s.dispatch({ type: 'broker_down', detail: `${st.link.state}: ${st.link.detail}` });
  });

  return {
    invoke: {
      'drc:enter': enter,
      'drc:exit': async (req) => {
        const s = typeof req?.gateway === 'string' ? live(req.gateway) : null;
        if (!s) return err(appError('no_session', `gateway ${String(req?.gateway)}: no DRC session to exit`));
        s.dispatch({ type: 'exit' });
        return ok(await s.until((v) => v.phase === 'ended'));
      },
      'drc:emergencyStop': (req) => {
        // Works in every phase, even just after an end: stopping the aircraft is never refused.
        const s = typeof req?.gateway === 'string' ? sessions.get(req.gateway) : undefined;
        if (!s) return err(appError('no_session', `gateway ${String(req?.gateway)}: no DRC session, so no DRC link to send the emergency stop on`));
        return ok(s.emergencyStop());
      },
      'drc:sessions': () => [...sessions.values()].map((s) => s.view()),
      // Not tied to a session: a dock flies home on request also outside DRC.
      'drc:returnHome': (req) => returnHome({ caller: ctx.caller, shadow: ctx.shadow, logger: log, counters: ctx.counters }, req?.gateway),
      'drc:returnHomeCancel': (req) => cancelReturnHome({ caller: ctx.caller, shadow: ctx.shadow, logger: log, counters: ctx.counters }, req?.gateway),
    },
    sends: {
      'drc:sticks': (msg: DrcSticksMessage) => {
        const s = typeof msg?.gateway === 'string' ? live(msg.gateway) : null;
        if (!s || msg.sessionId !== s.cfg.id) return ctx.counters.inc('drc.sticks_no_session');
        const sticks = parseSticks(msg.sticks);
        if (!sticks.ok || typeof msg.sampledAt !== 'number') {
          ctx.counters.inc('drc.sticks_invalid');
          log.warn('invalid drc:sticks ignored', { gateway: msg.gateway, error: sticks.ok ? 'sampledAt: expected epoch ms' : sticks.error.message });
          return;
        }
        s.sticks({ ...msg, sticks: sticks.value });
      },
    },
    stop: () => {
      offDrcUp();
      offEvent();
      offShadow();
      offStatus();
      for (const s of sessions.values()) s.dispatch({ type: 'engine_stopping' });
    },
  };
}
