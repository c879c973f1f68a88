/**
 * One DRC session on one gateway: the imperative shell around machine.ts. It performs the
 * effects (service calls, broker credentials), owns the timers on the injected clock (heartbeat,
 * the fixed-rate stick stream, the pilot wait) and guarantees no stick leaves after the end.
 */
import { isNeutral, toDroneControl, toStickControl } from '../../../shared/control/sticks';
import type { DrcEnd, DrcFlow, DrcSessionView, DrcSticksMessage, DrcStickMethod } from '../../../shared/ipc/drc';
import type { Result } from '../../../shared/util/result';
import { setFixedRate, type Clock, type TimerHandle } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import { decideInput, DEADMAN_MS, type InputDecision, type InputSample } from './deadman';
import { initial, transition, type DrcEffect, type DrcEvent, type MachineState } from './machine';
import { drcDown, heartbeatTimestamp } from './wire';
import { createAuthorityWatch, type AuthorityWatch } from './authority';

export interface SessionConfig {
  readonly id: string;
  readonly gateway: string;
  readonly aircraft: string | null;
  readonly flow: DrcFlow;
  readonly stickMethod: DrcStickMethod;
  readonly stickHz: number;
  readonly osdHz: number;
  readonly hsiHz: number;
  readonly payloadIndex: string | null;
  readonly userId: string;
  readonly userCallsign: string;
  readonly heartbeatMs?: number;
  /** No heart_beat echo for this long ends the session (issue: 3 s). */
  readonly heartbeatLostMs?: number;
  readonly deadmanMs?: number;
  readonly replyTimeoutMs?: number;
  readonly pilotTimeoutMs?: number;
}

export interface SessionDeps {
  readonly clock: Clock;
  call(method: string, data: unknown, timeoutMs: number): Promise<Result<unknown>>;
  /** Publish on this gateway's drc/down. */
  publishDown(payload: string, qos: 0 | 1): void;
  /** Adds the session's temporary broker principal; returns drc_mode_enter's `mqtt_broker`. */
  issueCredentials(): Result<Record<string, unknown>>;
  /** Keeps the principal alive while the session lives (DJI: expiry does not cut a connected device). */
  renewCredentials(): void;
  revokeCredentials(): void;
  /** Current authority signal (dock: aircraft control_source; Pilot 2: cloud_control_auth has "flight"). */
  authoritySignal(): string | null;
  onChange(view: DrcSessionView): void;
  readonly logger: Logger;
  readonly counters: Counters;
}

export class DrcSession {
  private m: MachineState;
  private end: DrcEnd | null = null;
  private seq = 0;
  private controlSeq = 0;
  private sample: InputSample | null = null;
  private latched = false;
  private lastInput: InputDecision | null = null;
  private readonly sentBeats: number[] = [];
  private rttMs: number | null = null;
  private lastEchoAt: number | null = null;
  private linkSince = 0;
  private deviceDrcState: number | null = null;
  private sawConnected = false;
  private pilotAnswer: DrcSessionView['pilotAnswer'] = null;
  private sent = { sticks: 0, heartbeats: 0 };
  private timers: TimerHandle[] = [];
  private pilotTimer: TimerHandle | null = null;
  private readonly authority: AuthorityWatch;
  private readonly startedAt: number;
  private readonly waiters = new Set<() => void>();

  constructor(readonly cfg: SessionConfig, private readonly d: SessionDeps) {
    this.startedAt = d.clock.now();
    const first = initial(cfg.flow, cfg.payloadIndex !== null);
    this.m = first.state;
    this.authority = createAuthorityWatch();
    this.perform(first.effects);
  }

  get gateway(): string {
    return this.cfg.gateway;
  }

  get ended(): boolean {
    return this.m.phase === 'ended';
  }

  dispatch(e: DrcEvent): void {
    const before = this.m.phase;
    const step = transition(this.m, e);
    this.m = step.state;
    if (step.state.end && !this.end) {
      this.end = { ...step.state.end, at: this.d.clock.now() };
      this.d.logger.info('DRC session ended', { gateway: this.cfg.gateway, reason: this.end.reason, message: this.end.message });
      this.d.counters.inc(`drc.end.${this.end.reason}`);
    }
    this.perform(step.effects);
    if (before !== this.m.phase) this.changed();
  }

  /** Resolves once `pred` holds (checked on every change). */
  until(pred: (v: DrcSessionView) => boolean): Promise<DrcSessionView> {
    return new Promise((resolve) => {
      const check = (): void => {
        const v = this.view();
        if (!pred(v)) return;
        this.waiters.delete(check);
        resolve(v);
      };
      this.waiters.add(check);
      check();
    });
  }

  // ---- operator input ----

  sticks(msg: DrcSticksMessage): void {
    const now = this.d.clock.now();
    if (this.sample && msg.sampledAt < this.sample.sampledAt) return this.d.counters.inc('drc.sticks_out_of_order');
    const active = msg.active !== false;
    this.sample = { sticks: msg.sticks, receivedAt: now, sampledAt: msg.sampledAt, active, why: msg.why ?? null };
    // Re-arm after an emergency stop only once the operator has centred every stick.
    if (this.latched && active && isNeutral(msg.sticks, 0.05)) this.latched = false;
    this.refreshInput(now);
  }

  /**
   * A payload command on drc/down (drc_camera_*, drc_gimbal_reset…) while the session is active, sharing the
   * session's envelope seq (RC Plus 2 / Dock 3 remote-control pages). False when there is no active link.
   */
  publishCommand(method: string, data: unknown): boolean {
    if (this.m.phase !== 'active') return false;
    const now = this.d.clock.now();
    this.d.publishDown(drcDown(method, ++this.seq, data, now), 1);
    this.d.counters.inc('drc.payload_command');
    return true;
  }

  /** Sent at once, not on the tick (Dock 2 180.remote-control.md "Emergency Stop"); sticks latch neutral. */
  emergencyStop(): { seq: number; sentAt: number } {
    const now = this.d.clock.now();
    const seq = ++this.seq;
    this.d.publishDown(drcDown('drone_emergency_stop', seq, {}, now), 1);
    this.d.counters.inc('drc.emergency_stop');
    this.d.logger.warn('DRC emergency stop sent', { gateway: this.cfg.gateway, seq });
    this.latched = true;
    this.refreshInput(now);
    return { seq, sentAt: now };
  }

  // ---- device side ----

  onDrcUp(method: string, data: unknown): void {
    if (method === 'heart_beat') {
      const now = this.d.clock.now();
      this.lastEchoAt = now;
      const ts = heartbeatTimestamp(data);
      if (ts !== null && this.sentBeats.includes(ts)) this.rttMs = now - ts;
      this.changed();
      return;
    }
    const result = (data as { result?: unknown } | null)?.result;
    if ((method === 'drone_control' || method === 'drone_emergency_stop') && typeof result === 'number' && result !== 0) {
      this.d.counters.inc(`drc.${method}_refused`);
      this.d.logger.warn('device refused a DRC command', { gateway: this.cfg.gateway, method, result });
    }
  }

  /** Dock osd `drc_state` / `drc_status_notify` (Dock 2 110.drc.md): 0 not connected, 1 connecting, 2 connected. */
  onDeviceDrcState(state: number): void {
    this.deviceDrcState = state;
    if (this.m.phase === 'active' && state === 2) this.sawConnected = true;
    if (this.m.phase === 'active' && this.sawConnected && state === 0) this.dispatch({ type: 'device_left', detail: 'the device reports its DRC link as not connected.' });
    else this.changed();
  }

  onAuthoritySignal(value: string | null): void {
    const lost = this.authority.observe(value);
    if (lost && this.m.phase === 'active') this.dispatch({ type: 'authority_lost', detail: lost });
  }

  // ---- effects ----

  private perform(effects: readonly DrcEffect[]): void {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'call':
          void this.runCall(fx.method);
          break;
        case 'cleanup':
          void this.d.call(fx.method, {}, this.replyTimeout()).then((r) => {
            if (!r.ok) this.d.logger.warn('DRC clean-up call failed', { gateway: this.cfg.gateway, method: fx.method, error: r.error.message });
          });
          break;
        case 'revoke_credentials':
          this.d.revokeCredentials();
          break;
        case 'wait_pilot': {
          const ms = this.cfg.pilotTimeoutMs ?? 60_000;
          this.pilotTimer = this.d.clock.setTimeout(() => this.dispatch({ type: 'pilot_timeout', ms }), ms);
          break;
        }
        case 'start_link':
          this.startLink();
          break;
        case 'stop_link':
          this.stopLink();
          break;
      }
    }
    if (this.m.phase === 'ended') this.stopLink();
    if (this.m.phase !== 'awaiting_pilot' && this.pilotTimer !== null) {
      this.d.clock.clearTimeout(this.pilotTimer);
      this.pilotTimer = null;
    }
  }

  private replyTimeout(): number {
    return this.cfg.replyTimeoutMs ?? 5_000;
  }

  private async runCall(method: Extract<DrcEffect, { kind: 'call' }>['method']): Promise<void> {
    let data: unknown = {};
    if (method === 'payload_authority_grab') data = { payload_index: this.cfg.payloadIndex };
    if (method === 'cloud_control_auth_request') data = { user_id: this.cfg.userId, user_callsign: this.cfg.userCallsign, control_keys: ['flight'] };
    if (method === 'drc_mode_enter') {
      const broker = this.d.issueCredentials();
      if (!broker.ok) return this.dispatch({ type: 'enter_failed', code: broker.error.code, message: broker.error.message });
      data = { mqtt_broker: broker.value, osd_frequency: this.cfg.osdHz, hsi_frequency: this.cfg.hsiHz };
    }
    const r = await this.d.call(method, data, this.replyTimeout());
    const fail = r.ok ? null : { code: r.error.code, message: r.error.message };
    switch (method) {
      case 'flight_authority_grab':
      case 'payload_authority_grab': {
        const what = method === 'flight_authority_grab' ? 'flight' : 'payload';
        if (fail) return this.dispatch({ type: 'grab_failed', what, ...fail });
        if (what === 'flight') this.authority.arm(this.d.authoritySignal());
        return this.dispatch({ type: 'grab_ok', what });
      }
      case 'cloud_control_auth_request':
        return this.dispatch(fail ? { type: 'auth_request_failed', ...fail } : { type: 'auth_request_ok' });
      case 'drc_mode_enter':
        return this.dispatch(fail ? { type: 'enter_failed', ...fail } : { type: 'enter_ok' });
      case 'drc_mode_exit':
        return this.dispatch({ type: 'exit_done', ok: fail === null, message: fail?.message ?? '' });
    }
  }

  /** Pilot 2's cloud_control_auth_notify (RC Pro 30.drc.md). */
  onPilotAnswer(status: 'ok' | 'failed' | 'canceled'): void {
    if (this.m.phase !== 'awaiting_pilot') return;
    this.pilotAnswer = status;
    if (status === 'ok') this.authority.arm(this.d.authoritySignal());
    this.dispatch({ type: 'auth_notify', status });
  }

  private startLink(): void {
    const now = this.d.clock.now();
    this.linkSince = now;
    this.beat();
    this.timers.push(this.d.clock.setInterval(() => this.beat(), this.cfg.heartbeatMs ?? 1_000));
    this.timers.push(setFixedRate(this.d.clock, () => this.tick(), 1000 / this.cfg.stickHz));
  }

  private stopLink(): void {
    for (const t of this.timers) this.d.clock.clearInterval(t);
    this.timers = [];
  }

  private beat(): void {
    if (this.m.phase !== 'active') return;
    const now = this.d.clock.now();
    this.sentBeats.push(now);
    if (this.sentBeats.length > 16) this.sentBeats.shift();
    this.d.publishDown(drcDown('heart_beat', ++this.seq, { timestamp: now }, now), 0);
    this.sent.heartbeats++;
    this.d.renewCredentials();
  }

  /** The fixed-rate stick stream (docs: 5–10 Hz keeps control precise). */
  private tick(): void {
    if (this.m.phase !== 'active') return;
    const now = this.d.clock.now();
    const silent = now - (this.lastEchoAt ?? this.linkSince);
    if (silent > (this.cfg.heartbeatLostMs ?? 3_000)) return this.dispatch({ type: 'heartbeat_lost', silentMs: silent });
    const input = this.refreshInput(now);
    const seq = ++this.seq;
    const payload =
      this.cfg.stickMethod === 'stick_control'
        ? drcDown('stick_control', seq, toStickControl(input.sticks), now)
        : drcDown('drone_control', seq, toDroneControl(input.sticks, this.controlSeq++), now);
    this.d.publishDown(payload, 0);
    this.sent.sticks++;
  }

  private refreshInput(now: number): InputDecision {
    const next = decideInput(this.sample, this.latched, now, this.cfg.deadmanMs ?? DEADMAN_MS);
    const prev = this.lastInput;
    this.lastInput = next;
    if (prev === null || prev.state !== next.state) this.changed();
    return next;
  }

  private changed(): void {
    const v = this.view();
    this.d.onChange(v);
    for (const w of [...this.waiters]) w();
  }

  view(): DrcSessionView {
    const input = this.lastInput ?? decideInput(this.sample, this.latched, this.d.clock.now(), this.cfg.deadmanMs ?? DEADMAN_MS);
    return {
      id: this.cfg.id,
      gateway: this.cfg.gateway,
      aircraft: this.cfg.aircraft,
      flow: this.cfg.flow,
      phase: this.m.phase,
      stickMethod: this.cfg.stickMethod,
      stickHz: this.cfg.stickHz,
      startedAt: this.startedAt,
      pilotAnswer: this.pilotAnswer,
      end: this.end,
      link: { rttMs: this.rttMs, lastEchoAt: this.lastEchoAt, deviceDrcState: this.deviceDrcState },
      input: { state: input.state, why: input.why },
      sent: { sticks: this.sent.sticks, heartbeats: this.sent.heartbeats, lastSeq: this.seq },
    };
  }
}
