/** DrcSession on a fake clock: both flows, every failure transition, seq, and no sticks after the end. */
import { describe, expect, it } from 'vitest';
import { appError, err } from '../../../shared/util/result';
import { harness } from './harness';

const refused = (code = 'device_error', message = 'flight_authority_grab: refused (code 319001)') => err(appError(code, message));

describe('DRC session: dock flow', () => {
  it('grabs authority, enters with broker credentials and frequencies, then streams heartbeat + sticks at 10 Hz', async () => {
    const h = harness();
    await h.settle();
    expect(h.calls.map((c) => c.method)).toEqual(['flight_authority_grab', 'drc_mode_enter']);
    expect(h.calls[1]!.data).toMatchObject({ mqtt_broker: { username: 'u', password: 'p', client_id: 'drc-DOCK2SN0001' }, osd_frequency: 10, hsi_frequency: 5 });
    expect(h.view().phase).toBe('active');
    expect(h.down[0]).toMatchObject({ method: 'heart_beat', seq: 1 });
    await h.fly(1000);
    expect(h.sticks()).toHaveLength(10);
    expect(h.sticks()[0]!.data).toEqual({ roll: 1024, pitch: 1024, throttle: 1024, yaw: 1024 });
    // One increasing envelope seq over every drc/down message.
    const seqs = h.down.map((d) => d.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    // The stick period is exactly the tick.
    const at = h.sticks().map((d) => d.at);
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual(Array(9).fill(100));
  });

  it('grabs payload authority too when a payload is named', async () => {
    const h = harness({ payloadIndex: '39-0-7' });
    await h.settle();
    expect(h.calls.map((c) => [c.method, c.data])).toEqual([
      ['flight_authority_grab', {}],
      ['payload_authority_grab', { payload_index: '39-0-7' }],
      ['drc_mode_enter', expect.any(Object)],
    ]);
  });

  it('a refused authority grab ends the session with the reason; no credentials, no enter, no sticks', async () => {
    const h = harness({}, { flight_authority_grab: refused() });
    await h.advance(2000);
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason: 'authority_refused', message: expect.stringContaining('refused (code 319001)') } });
    expect(h.calls.map((c) => c.method)).toEqual(['flight_authority_grab']);
    expect(h.principals.issued).toBe(0);
    expect(h.down).toEqual([]);
  });

  it('a refused payload grab ends the session too', async () => {
    const h = harness({ payloadIndex: '39-0-7' }, { payload_authority_grab: refused('device_error', 'payload_authority_grab: busy') });
    await h.settle();
    expect(h.view().end).toMatchObject({ reason: 'authority_refused', message: expect.stringContaining('Payload authority') });
  });

  it('a reply timeout on drc_mode_enter ends with "timeout", revokes the credentials and tells the device to exit', async () => {
    const h = harness({ replyTimeoutMs: 5000 }, { drc_mode_enter: 'timeout' });
    await h.settle();
    expect(h.view().phase).toBe('entering');
    await h.advance(5000, 100);
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason: 'timeout' } });
    expect(h.principals).toMatchObject({ issued: 1, revoked: 1 });
    expect(h.calls.at(-1)!.method).toBe('drc_mode_exit');
    expect(h.sticks()).toEqual([]);
  });

  it('a refused drc_mode_enter ends with enter_refused', async () => {
    const h = harness({}, { drc_mode_enter: refused('device_error', 'drc_mode_enter: not in the air (code 514xxx)') });
    await h.settle();
    expect(h.view().end).toMatchObject({ reason: 'enter_refused', message: expect.stringContaining('not in the air') });
  });

  it('measures the heartbeat round trip from the echo of our own timestamp', async () => {
    const h = harness();
    await h.settle();
    h.clock.advance(42);
    h.echo();
    expect(h.view().link).toMatchObject({ rttMs: 42, lastEchoAt: h.clock.now() });
  });

  it('no heartbeat echo for 3 s ends the session; NO stick goes out afterwards', async () => {
    const h = harness();
    await h.settle();
    await h.fly(2000);
    const before = h.sticks().length;
    await h.advance(3200, 50); // device silent
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason: 'heartbeat_lost' } });
    const endedAt = h.view().end!.at;
    expect(endedAt - h.view().link.lastEchoAt!).toBeGreaterThan(3000);
    expect(endedAt - h.view().link.lastEchoAt!).toBeLessThanOrEqual(3100); // within one tick of the limit
    const atEnd = h.sticks().length;
    expect(atEnd).toBeGreaterThan(before);
    await h.advance(10_000, 100);
    expect(h.sticks().length).toBe(atEnd);
    expect(h.down.filter((d) => d.at > endedAt)).toEqual([]);
    expect(h.principals.revoked).toBe(1);
    expect(h.calls.at(-1)!.method).toBe('drc_mode_exit');
  });

  it.each([
    [{ type: 'broker_down', detail: 'down: broker stopped' }, 'broker_down'],
    [{ type: 'authority_taken' }, 'authority_taken'],
    [{ type: 'authority_lost', detail: 'rc took over' }, 'authority_lost'],
  ] as const)('%o ends an active session (%s) and stops the stream', async (event, reason) => {
    const h = harness();
    await h.settle();
    await h.fly(500);
    const n = h.sticks().length;
    h.s.dispatch(event);
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason } });
    await h.fly(2000);
    expect(h.sticks().length).toBe(n);
  });

  it('a different control_source after our grab means another operator took authority', async () => {
    const h = harness();
    h.setSignal('cloud-1'); // what the aircraft reports once we hold authority
    await h.settle();
    h.s.onAuthoritySignal('cloud-1');
    expect(h.view().phase).toBe('active');
    h.s.onAuthoritySignal('cloud-2');
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason: 'authority_lost', message: expect.stringContaining('cloud-2') } });
  });

  it('the device reporting drc_state 0 after 2 ends the session (device_left)', async () => {
    const h = harness();
    await h.settle();
    h.s.onDeviceDrcState(1);
    h.s.onDeviceDrcState(2);
    expect(h.view().link.deviceDrcState).toBe(2);
    h.s.onDeviceDrcState(0);
    expect(h.view().end?.reason).toBe('device_left');
  });

  it('exit: stream stops at once, drc_mode_exit, credentials revoked, ended "exited"', async () => {
    const h = harness();
    await h.settle();
    await h.fly(300);
    h.s.dispatch({ type: 'exit' });
    const n = h.sticks().length;
    await h.settle();
    expect(h.view()).toMatchObject({ phase: 'ended', end: { reason: 'exited' } });
    expect(h.calls.at(-1)!.method).toBe('drc_mode_exit');
    expect(h.principals.revoked).toBe(1);
    await h.fly(1000);
    expect(h.sticks().length).toBe(n);
  });

  it('cancel while entering, then a late enter success: the device is told to exit again', async () => {
    const h = harness({}, { drc_mode_enter: 'timeout' });
    await h.settle();
    h.s.dispatch({ type: 'exit' });
    expect(h.view().end?.reason).toBe('cancelled');
    h.s.dispatch({ type: 'enter_ok' });
    await h.settle();
    expect(h.calls.filter((c) => c.method === 'drc_mode_exit').length).toBe(2);
    expect(h.view().phase).toBe('ended');
    expect(h.sticks()).toEqual([]);
  });

  it('drone_control for older firmware: velocities with their own data.seq', async () => {
    const h = harness({ stickMethod: 'drone_control' });
    await h.settle();
    h.s.sticks({ gateway: 'DOCK2SN0001', sessionId: 'session-1', sticks: { roll: 0, pitch: 1, throttle: -1, yaw: 0.5 }, sampledAt: h.clock.now() });
    await h.fly(200);
    expect(h.sticks().map((d) => d.data)).toEqual([
      { seq: 0, x: 17, y: 0, h: -4, w: 45 },
      { seq: 1, x: 17, y: 0, h: -4, w: 45 },
    ]);
  });
});

describe('DRC session: Pilot 2 flow', () => {
  it('requests cloud control, waits for the pilot, then enters', async () => {
    const h = harness({ flow: 'pilot' });
    await h.settle();
    expect(h.calls[0]).toEqual({ method: 'cloud_control_auth_request', data: { user_id: 'u1', user_callsign: 'Tester', control_keys: ['flight'] } });
    expect(h.view().phase).toBe('awaiting_pilot');
    h.s.onPilotAnswer('ok');
    await h.settle();
    expect(h.view()).toMatchObject({ phase: 'active', pilotAnswer: 'ok' });
    h.s.dispatch({ type: 'exit' });
    await h.settle();
    expect(h.calls.map((c) => c.method)).toEqual(['cloud_control_auth_request', 'drc_mode_enter', 'drc_mode_exit', 'cloud_control_release']);
  });

  it.each([
    ['failed', 'pilot_failed', 'denied'],
    ['canceled', 'pilot_canceled', 'another user'],
  ] as const)('pilot answer "%s" ends the session as %s and says so', async (answer, reason, words) => {
    const h = harness({ flow: 'pilot' });
    await h.settle();
    h.s.onPilotAnswer(answer);
    await h.settle();
    expect(h.view()).toMatchObject({ phase: 'ended', pilotAnswer: answer, end: { reason, message: expect.stringContaining(words) } });
    expect(h.calls.map((c) => c.method)).toEqual(['cloud_control_auth_request']);
  });

  it('no answer from the pilot within the wait ends with "timeout"', async () => {
    const h = harness({ flow: 'pilot', pilotTimeoutMs: 30_000 });
    await h.settle();
    await h.advance(29_900, 100);
    expect(h.view().phase).toBe('awaiting_pilot');
    await h.advance(200, 100);
    expect(h.view().end).toMatchObject({ reason: 'timeout', message: expect.stringContaining('30 s') });
  });
});
