/** LiveControl with a fake caller and fake clock: the 20 s reply window, backoff between retries, and cancel by stop. */
import { describe, expect, it } from 'vitest';
import { LIVE_REPLY_TIMEOUT_MS, LiveControl, START_RETRY_DELAYS_MS } from '../../../electron/core/live/control';
import { DEFAULT_LIVE_SETTINGS } from '../../../electron/core/live/settings';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { FakeClock } from '../../helpers/fake-clock';

type Reply = Result<{ result: number; output: unknown; envelope: never }>;
const VID = 'AC1/81-0-0/normal-0';

function rig(replies: number[]) {
  const clock = new FakeClock();
  const calls: { method: string; data: unknown; timeoutMs: number | undefined }[] = [];
  const caller = {
    call: async (_gw: string, method: string, data: unknown, opts: { timeoutMs?: number } = {}): Promise<Reply> => {
      calls.push({ method, data, timeoutMs: opts.timeoutMs });
      const code = method === 'live_start_push' ? (replies.shift() ?? 0) : 0;
      return code === 0 ? ok({ result: 0, output: null, envelope: undefined as never }) : err(appError('device_error', `x (code ${code})`, { result: code }));
    },
  };
  const control = new LiveControl({
    caller, clock, logger: silentLogger, counters: new Counters(), gatewayOf: () => 'GW1', settings: () => DEFAULT_LIVE_SETTINGS,
    target: async () => ok({ protocol: 'rtmp', url: 'rtmp://127.0.0.1:1935/live/s?secret=x', grant: null }),
    revoke: () => undefined, switchable: () => [], changed: () => undefined,
  });
  return { clock, calls, control };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('LiveControl', () => {
  it('sends live_start_push with the documented fields and a 20 s reply window', async () => {
    const { control, calls } = rig([0]);
    const r = await control.start(VID, 2);
    expect(r.ok).toBe(true);
    expect(calls[0]).toEqual({ method: 'live_start_push', data: { url_type: 1, url: 'rtmp://127.0.0.1:1935/live/s?secret=x', video_id: VID, video_quality: 2 }, timeoutMs: LIVE_REPLY_TIMEOUT_MS });
    expect(LIVE_REPLY_TIMEOUT_MS).toBe(20_000);
  });

  it('retries a transient refusal after the backoff delay, not before', async () => {
    const { control, calls, clock } = rig([513015, 513006, 0]);
    const p = control.start(VID);
    await settle();
    expect(calls.length).toBe(1);
    expect(control.streams.get(VID)?.state).toBe('retrying');
    clock.advance(START_RETRY_DELAYS_MS[0]! - 1);
    await settle();
    expect(calls.length).toBe(1);
    clock.advance(1);
    await settle();
    expect(calls.length).toBe(2);
    clock.advance(START_RETRY_DELAYS_MS[1]!);
    const r = await p;
    expect(r.ok && r.value.attempts).toBe(3);
    expect(control.streams.get(VID)?.state).toBe('live');
  });

  it('gives up after the last delay with the readable reason', async () => {
    const { control, clock } = rig([513015, 513015, 513015, 513015]);
    const p = control.start(VID);
    for (const d of START_RETRY_DELAYS_MS) {
      await settle();
      clock.advance(d);
    }
    const r = await p;
    expect(!r.ok && r.error.message).toBe(`${VID}: Livestream error. Network lags. Please refresh and retry (dock, code 513015)`);
    expect(control.streams.get(VID)).toMatchObject({ state: 'failed', attempts: 4 });
  });

  it('a stop during the backoff cancels the retry', async () => {
    const { control, calls, clock } = rig([513006, 0]);
    const p = control.start(VID);
    await settle();
    await control.stop(VID);
    clock.advance(60_000);
    const r = await p;
    expect(r.ok).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['live_start_push', 'live_stop_push']);
  });
});
