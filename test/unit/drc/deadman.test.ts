/** Dead-man and emergency stop on a fake clock: stale/released input → neutral at the next tick, e-stop at once. */
import { describe, expect, it } from 'vitest';
import { decideInput } from '../../../electron/core/drc/deadman';
import { NEUTRAL } from '../../../shared/control/sticks';
import { harness } from './harness';

const FWD = { roll: 0, pitch: 1, throttle: 0, yaw: 0 };
const send = (h: ReturnType<typeof harness>, sticks = FWD, extra: { active?: boolean; why?: string } = {}) =>
  h.s.sticks({ gateway: 'DOCK2SN0001', sessionId: 'session-1', sticks, sampledAt: h.clock.now(), ...extra });

describe('dead-man rule (pure)', () => {
  const sample = { sticks: FWD, receivedAt: 1000, sampledAt: 1000, active: true, why: null };
  it.each([
    [null, false, 1000, 'none'],
    [sample, false, 1300, 'live'],
    [sample, false, 1301, 'stale'],
    [{ ...sample, active: false }, false, 1000, 'released'],
    [sample, true, 1000, 'latched'],
  ] as const)('sample %o latched=%s at %d → %s', (s, latched, now, state) => {
    const d = decideInput(s, latched, now);
    expect(d.state).toBe(state);
    expect(d.sticks).toEqual(state === 'live' ? FWD : NEUTRAL);
    expect(d.why === null).toBe(state === 'live');
  });
});

describe('DRC session: dead-man and emergency stop', () => {
  it('sends the operator sticks while fresh, neutral at the first tick after 300 ms of silence, and says why', async () => {
    const h = harness();
    await h.settle();
    for (let i = 0; i < 5; i++) {
      send(h);
      await h.fly(50);
    }
    expect(h.sticks().at(-1)!.data.pitch).toBe(1684);
    expect(h.view().input).toEqual({ state: 'live', why: null });
    const lastSample = h.clock.now();
    await h.fly(400);
    const neutralFrom = h.sticks().find((d) => d.at > lastSample && d.data.pitch === 1024)!;
    expect(neutralFrom.at - lastSample).toBeGreaterThan(300);
    expect(neutralFrom.at - lastSample).toBeLessThanOrEqual(400); // ≤ 300 ms + one tick
    expect(h.sticks().filter((d) => d.at > lastSample + 300).every((d) => d.data.pitch === 1024)).toBe(true);
    expect(h.view().input).toMatchObject({ state: 'stale', why: expect.stringContaining('gamepad unplugged') });
    expect(h.views.some((v) => v.input.state === 'stale')).toBe(true);
  });

  it('input released by the renderer (gamepad disconnected) → neutral at the very next tick', async () => {
    const h = harness();
    await h.settle();
    send(h);
    await h.fly(100);
    expect(h.sticks().at(-1)!.data.pitch).toBe(1684);
    send(h, NEUTRAL, { active: false, why: 'Gamepad disconnected' });
    const t = h.clock.now();
    await h.fly(100);
    const next = h.sticks().find((d) => d.at > t)!;
    expect(next.at - t).toBeLessThanOrEqual(100);
    expect(next.data).toEqual({ roll: 1024, pitch: 1024, throttle: 1024, yaw: 1024 });
    expect(h.view().input).toEqual({ state: 'released', why: 'Gamepad disconnected' });
  });

  it('emergency stop goes out immediately (same instant, not on the tick) and latches neutral until the sticks are centred', async () => {
    const h = harness();
    await h.settle();
    await h.fly(35); // between ticks
    send(h);
    const t = h.clock.now();
    const r = h.s.emergencyStop();
    const estop = h.down.at(-1)!;
    expect(estop).toMatchObject({ method: 'drone_emergency_stop', at: t, qos: 1, seq: r.seq });
    expect(r.sentAt).toBe(t);
    send(h); // operator still pushing forward
    await h.fly(300);
    expect(h.sticks().filter((d) => d.at > t).every((d) => d.data.pitch === 1024)).toBe(true);
    expect(h.view().input.state).toBe('latched');
    send(h, NEUTRAL); // centred: re-armed
    send(h, FWD);
    await h.fly(100);
    expect(h.sticks().at(-1)!.data.pitch).toBe(1684);
  });

  it('emergency stop still works before DRC is active (any moment)', async () => {
    const h = harness({ flow: 'pilot' });
    await h.settle();
    h.s.emergencyStop();
    expect(h.down.map((d) => d.method)).toEqual(['drone_emergency_stop']);
  });

  it('an out-of-order sample (older sampledAt) is ignored', async () => {
    const h = harness();
    await h.settle();
    send(h);
    h.s.sticks({ gateway: 'DOCK2SN0001', sessionId: 'session-1', sticks: NEUTRAL, sampledAt: h.clock.now() - 50 });
    await h.fly(100);
    expect(h.sticks().at(-1)!.data.pitch).toBe(1684);
  });
});
