/**
 * A simulated device under DRC (Dock 2 110.drc.md, 180.remote-control.md; RC Pro 30.drc.md;
 * dock3 drc.md for stick_control): answers the authority/DRC services, opens its DRC link with
 * the credentials it was given, flies by the sticks, pushes osd/hsi/delay, echoes heart_beat,
 * passes other drc/down methods to the device's extensions (`answerDrc`), and leaves DRC after
 * 60 s without a heartbeat (docs: "more than one minute").
 */
import { fromDroneControl, fromStickControl, NEUTRAL, type Sticks } from '../../../../shared/control/sticks';
import type { TimerHandle } from '../../util/clock';
import { recordDrcDown, registerDrcSim, unregisterDrcSim } from '../drc/control';
import { readMqttBroker, SimDrcLink, type DrcDownMessage } from '../drc/link';
import { delayInfo, hsiInfo, osdInfo } from '../drc/pushes';
import type { SimDeviceApi, SimExtension, SimExtensionFactory } from '../extension';
import { product } from '../products';
import type { ServiceReplyData } from '../services';

export interface DrcSimOptions {
  /** Pilot 2's answer to cloud_control_auth_request (default "ok"; "ignore" never answers). */
  readonly pilotAnswer?: 'ok' | 'failed' | 'canceled' | 'ignore';
  readonly pilotAnswerDelayMs?: number;
  /** Leave DRC after this long without heart_beat (docs: one minute). */
  readonly heartbeatTimeoutMs?: number;
  /** Hold position when no stick message came for this long. */
  readonly stickTimeoutMs?: number;
}

const MAX_H = 10; // m/s at full stick
const ERR_WRONG_PARAMETER = 325001; // CommonErrorEnum (enums.md §4)

export function createDrcSimExtension(o: DrcSimOptions = {}): SimExtensionFactory {
  return (api) => new DrcSim(api, o);
}

export const drcSimExtension: SimExtensionFactory = createDrcSimExtension();

class DrcSim implements SimExtension {
  private readonly handle;
  private link: SimDrcLink | null = null;
  private timers: TimerHandle[] = [];
  private upSeq = 0;
  private grabs = 0;
  private lastBeatAt = 0;
  private lastStickAt = 0;
  private readonly isDock: boolean;

  constructor(private readonly api: SimDeviceApi, private readonly o: DrcSimOptions) {
    this.handle = registerDrcSim(api.gatewaySn);
    this.isDock = product(api.kind).isDock;
  }

  service(method: string, data: unknown): ServiceReplyData | null {
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    switch (method) {
      case 'flight_authority_grab':
        if (!this.isDock) return null;
        // The new control source is reported before the reply, as the aircraft switches first.
        this.api.publishAircraftState({ control_source: `cloud-${++this.grabs}` });
        return { result: 0 };
      case 'drc_mode_enter': {
        const broker = readMqttBroker(d.mqtt_broker);
        this.handle.lastBroker = d.mqtt_broker ?? null;
        const hz = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 30 ? v : null);
        const osdHz = hz(d.osd_frequency);
        const hsiHz = hz(d.hsi_frequency);
        if (!broker || osdHz === null || hsiHz === null) return { result: ERR_WRONG_PARAMETER, output: { status: 'failed' } };
        void this.enter(broker, osdHz, hsiHz);
        return { result: 0 };
      }
      case 'drc_mode_exit':
        this.leave('drc_mode_exit');
        return { result: 0 };
      case 'cloud_control_auth_request':
        if (this.isDock) return null;
        this.answerPilot();
        return { result: 0, output: { status: 'ok' } };
      case 'cloud_control_release':
        if (this.isDock) return null;
        this.leave('cloud_control_release');
        this.publishRcState({ cloud_control_auth: [] });
        return { result: 0 };
      default:
        return null;
    }
  }

  async stop(): Promise<void> {
    this.leave('device stopping', false);
    unregisterDrcSim(this.handle);
  }

  private answerPilot(): void {
    const answer = this.o.pilotAnswer ?? 'ok';
    if (answer === 'ignore') return;
    const t = this.api.clock.setTimeout(() => {
      if (answer === 'ok') this.publishRcState({ cloud_control_auth: ['flight'] });
      this.api.publish('events', `thing/product/${this.api.gatewaySn}/events`, { result: 0, output: { status: answer } }, { method: 'cloud_control_auth_notify', qos: 1 });
    }, this.o.pilotAnswerDelayMs ?? 200);
    this.timers.push(t);
  }

  private publishRcState(data: Record<string, unknown>): void {
    this.api.publish('state', `thing/product/${this.api.gatewaySn}/state`, data, { qos: 1 });
  }

  private async enter(broker: NonNullable<ReturnType<typeof readMqttBroker>>, osdHz: number, hsiHz: number): Promise<void> {
    this.leave('re-enter', false);
    this.setDrcState(1);
    const link = new SimDrcLink(this.api.gatewaySn, (m) => this.onDown(m), (why) => this.leave(why));
    this.link = link;
    const r = await link.open(broker);
    if (this.link !== link) return link.close();
    if (!r.ok) {
      this.link = null;
      this.handle.lastLinkError = r.error.message;
      this.api.log.warn('DRC link failed', { error: r.error.message });
      this.setDrcState(0);
      return;
    }
    this.handle.lastLinkError = null;
    const now = this.api.clock.now();
    this.lastBeatAt = now;
    this.lastStickAt = now;
    this.api.flight.setManual(velocity(NEUTRAL));
    this.setDrcState(2);
    this.api.drcUp.push = (method, data) => this.push(method, data);
    const every = (ms: number, fn: () => void): void => void this.timers.push(this.api.clock.setInterval(fn, ms));
    every(Math.round(1000 / osdHz), () => this.pushOsd());
    every(Math.round(1000 / hsiHz), () => this.push('hsi_info_push', hsiInfo(this.api.snapshot(), this.api.home)));
    every(1000, () => this.push('delay_info_push', delayInfo(this.api.aircraftSn, this.api.clock.now())));
  }

  private leave(why: string, announce = true): void {
    for (const t of this.timers) this.api.clock.clearInterval(t);
    this.timers = [];
    const wasIn = this.link !== null;
    this.api.drcUp.push = null;
    this.link?.close();
    this.link = null;
    if (!wasIn) return;
    this.api.log.info('left DRC', { why });
    this.api.flight.setManual(null);
    if (announce) this.setDrcState(0);
  }

  private setDrcState(state: number): void {
    this.handle.drcState = state;
    const gw = this.api.gatewaySn;
    if (this.isDock) this.api.publish('osd', `thing/product/${gw}/osd`, { drc_state: state }, { qos: 0 });
    this.api.publish('events', `thing/product/${gw}/events`, { result: 0, drc_state: state }, { method: 'drc_status_notify', needReply: true, qos: 1 });
  }

  private push(method: string, data: unknown): void {
    this.link?.publish(method, ++this.upSeq, data, this.api.clock.now());
  }

  /** The OSD tick also runs the two watchdogs: stick silence (hold) and heartbeat silence (leave). */
  private pushOsd(): void {
    const now = this.api.clock.now();
    if (now - this.lastBeatAt > (this.o.heartbeatTimeoutMs ?? 60_000)) return this.leave('no heart_beat for over a minute');
    if (now - this.lastStickAt > (this.o.stickTimeoutMs ?? 1_000)) this.api.flight.setManual(velocity(NEUTRAL));
    this.push('osd_info_push', osdInfo(this.api.snapshot(), this.api.flight.velocity));
  }

  private onDown(m: DrcDownMessage): void {
    const now = this.api.clock.now();
    recordDrcDown(this.handle, { ...m, at: now });
    const d = (typeof m.data === 'object' && m.data !== null ? m.data : {}) as Record<string, number>;
    switch (m.method) {
      case 'heart_beat':
        this.lastBeatAt = now;
        if (!this.handle.dropHeartbeatEcho) this.link?.publish('heart_beat', m.seq ?? ++this.upSeq, { timestamp: d.timestamp }, now);
        return;
      case 'stick_control':
        return this.fly(fromStickControl({ roll: d.roll ?? 1024, pitch: d.pitch ?? 1024, throttle: d.throttle ?? 1024, yaw: d.yaw ?? 1024 }), now);
      case 'drone_control':
        this.fly(fromDroneControl({ x: d.x ?? 0, y: d.y ?? 0, h: d.h ?? 0, w: d.w ?? 0 }), now);
        return this.link?.publish('drone_control', m.seq ?? ++this.upSeq, { result: 0, output: { seq: d.seq } }, now);
      case 'drone_emergency_stop':
        this.fly(NEUTRAL, now);
        return this.link?.publish('drone_emergency_stop', m.seq ?? ++this.upSeq, { result: 0 }, now);
      default: {
        // Other capabilities' commands on this link (RC Plus 2 payload: drc_camera_*), answered under the same method and seq.
        const reply = this.api.answerDrc(m.method, m.data);
        if (reply) this.link?.publish(m.method, m.seq ?? ++this.upSeq, reply, now);
        return;
      }
    }
  }

  private fly(s: Sticks, now: number): void {
    this.lastStickAt = now;
    this.api.snapshot(); // integrate up to now under the previous command first
    this.api.flight.setManual(velocity(s));
  }
}

const velocity = (s: Sticks) => ({ forward: s.pitch * MAX_H, right: s.roll * MAX_H, up: s.throttle >= 0 ? s.throttle * 5 : s.throttle * 4, yawRate: s.yaw * 90 });
