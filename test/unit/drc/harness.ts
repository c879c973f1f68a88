/** A DrcSession on a fake clock with a scripted device (service replies) and a recorded drc/down. */
import { DrcSession, type SessionConfig } from '../../../electron/core/drc/session';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';
import type { DrcSessionView } from '../../../shared/ipc/drc';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { FakeClock } from '../../helpers/fake-clock';

export type Reply = Result<unknown> | 'timeout';

export interface Down {
  readonly method: string;
  readonly seq: number;
  readonly data: Record<string, unknown>;
  readonly at: number;
  readonly qos: 0 | 1;
}

export function harness(cfg: Partial<SessionConfig> = {}, replies: Record<string, Reply> = {}) {
  const clock = new FakeClock();
  const down: Down[] = [];
  const calls: { method: string; data: Record<string, unknown> }[] = [];
  const views: DrcSessionView[] = [];
  const principals = { issued: 0, revoked: 0, renewed: 0 };
  let signal: string | null = null;
  const s = new DrcSession(
    {
      id: 'session-1',
      gateway: 'DOCK2SN0001',
      aircraft: 'AIRCRAFT0001',
      flow: 'dock',
      stickMethod: 'stick_control',
      stickHz: 10,
      osdHz: 10,
      hsiHz: 5,
      payloadIndex: null,
      userId: 'u1',
      userCallsign: 'Tester',
      ...cfg,
    },
    {
      clock,
      logger: silentLogger,
      counters: new Counters(),
      call: (method, data, timeoutMs) => {
        calls.push({ method, data: data as Record<string, unknown> });
        const r = replies[method] ?? ok({});
        if (r === 'timeout') return new Promise((res) => clock.setTimeout(() => res(err(appError('timeout', `${method}: no services_reply within ${timeoutMs} ms`))), timeoutMs));
        return Promise.resolve(r);
      },
      publishDown: (payload, qos) => {
        const m = JSON.parse(payload) as { method: string; seq: number; data: Record<string, unknown> };
        down.push({ method: m.method, seq: m.seq, data: m.data, at: clock.now(), qos });
      },
      issueCredentials: () => {
        principals.issued++;
        return ok({ address: '127.0.0.1:1883', client_id: 'drc-DOCK2SN0001', username: 'u', password: 'p', expire_time: 1, enable_tls: false });
      },
      renewCredentials: () => void principals.renewed++,
      revokeCredentials: () => void principals.revoked++,
      authoritySignal: () => signal,
      onChange: (v) => views.push(v),
    },
  );
  /** Let pending promise callbacks (service replies) run. */
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  /** Advance fake time in small steps, letting replies settle in between. */
  const advance = async (ms: number, step = 10): Promise<void> => {
    for (let t = 0; t < ms; t += step) {
      clock.advance(Math.min(step, ms - t));
      await settle();
    }
  };
  /** The device echoes every heart_beat it got since the last call. */
  let echoed = 0;
  const echo = (): void => {
    for (const d of down.filter((x) => x.method === 'heart_beat').slice(echoed)) s.onDrcUp('heart_beat', { timestamp: d.data.timestamp });
    echoed = down.filter((x) => x.method === 'heart_beat').length;
  };
  /** Advance with a healthy link: the device echoes every heartbeat within 10 ms. */
  const fly = async (ms: number): Promise<void> => {
    for (let t = 0; t < ms; t += 10) {
      clock.advance(10);
      echo();
      await settle();
    }
  };
  const sticks = (): Down[] => down.filter((d) => d.method === 'stick_control' || d.method === 'drone_control');
  return {
    s,
    clock,
    down,
    calls,
    views,
    principals,
    settle,
    advance,
    echo,
    fly,
    sticks,
    setSignal: (v: string | null) => (signal = v),
    view: () => s.view(),
  };
}
