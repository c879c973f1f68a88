/** drc:returnHome / drc:returnHomeCancel: `return_home` / `return_home_cancel` (data null) on the gateway's services, the answer in words; timeouts on the fake clock. */
import { describe, expect, it } from 'vitest';
import { cancelReturnHome, returnHome } from '../../../electron/core/drc/return-home';
import { ServiceCaller } from '../../../electron/core/services/caller';
import { Shadow } from '../../../electron/core/shadow/shadow';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';
import { FakeClock } from '../../helpers/fake-clock';

function setup(gatewayKey: [number, number] = [3, 2]) {
  const clock = new FakeClock();
  const shadow = new Shadow();
  shadow.applyTopo('GW', { domain: gatewayKey[0], type: gatewayKey[1], sub_type: 0, sub_devices: [{ sn: 'AC', domain: 0, type: 91, sub_type: 1, index: 'A' }] } as never, clock.now());
  const published: { topic: string; method: string; data: unknown; tid: string; bid: string }[] = [];
  const counters = new Counters();
  const caller = new ServiceCaller({
    publish: async (topic, payload) => {
      const env = JSON.parse(payload) as { method: string; data: unknown; tid: string; bid: string };
      published.push({ topic, method: env.method, data: env.data, tid: env.tid, bid: env.bid });
    },
    clock,
    logger: silentLogger,
    counters,
  });
  const answer = (data: { result: number; output?: unknown }) => {
    const last = published.at(-1)!;
    caller.handleReply('GW', { tid: last.tid, bid: last.bid, timestamp: 0, method: last.method, data }, data);
  };
  const deps = { caller, shadow, logger: silentLogger, counters, timeoutMs: 5000 };
  const run = (gateway: unknown) => returnHome(deps, gateway);
  const cancel = (gateway: unknown) => cancelReturnHome(deps, gateway);
  return { clock, published, answer, run, cancel, counters };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('returnHome', () => {
  it('sends return_home with data null on the gateway services topic and says the aircraft is flying home', async () => {
    const s = setup();
    const p = s.run('GW');
    await flush();
    expect(s.published).toMatchObject([{ topic: 'thing/product/GW/services', method: 'return_home', data: null }]);
    s.answer({ result: 0, output: { status: 'ok' } });
    expect(await p).toEqual({ ok: true, value: { gateway: 'GW', status: 'ok', text: 'Return home accepted: the aircraft is flying home.' } });
    expect(s.counters.snapshot()['drc.return_home']).toBe(1);
  });

  it('a reply without output is accepted too (RC Plus 2 drc.md answers only {result})', async () => {
    const s = setup([2, 174]);
    const p = s.run('GW');
    await flush();
    s.answer({ result: 0 });
    expect(await p).toEqual({ ok: true, value: { gateway: 'GW', status: null, text: 'Return home accepted by the device.' } });
  });

  it('a device refusal comes back as the error-code text, never thrown', async () => {
    const s = setup();
    const p = s.run('GW');
    await flush();
    s.answer({ result: 314000, output: { status: 'failed' } });
    expect(await p).toEqual({ ok: false, error: { code: 'device_error', message: 'Return home refused by the device: Operation not supported. Check device status (code 314000).', details: { result: 314000 } } });
  });

  it('result 0 with a failed status is a refusal, not a success', async () => {
    const s = setup();
    const p = s.run('GW');
    await flush();
    s.answer({ result: 0, output: { status: 'rejected' } });
    expect(await p).toMatchObject({ ok: false, error: { code: 'device_refused', message: 'Return home: the device answered "rejected" (rejected).' } });
  });

  it('silence times out on the injected clock, with advice', async () => {
    const s = setup();
    const p = s.run('GW');
    await flush();
    s.clock.advance(5001);
    expect(await p).toMatchObject({ ok: false, error: { code: 'timeout', message: 'Return home: GW did not answer within 5 s. Watch the aircraft; send it again if it is not turning home.' } });
  });

  it('refuses, before sending, what is not a known gateway', async () => {
    const s = setup();
    expect(await s.run('NOPE')).toMatchObject({ ok: false, error: { code: 'unknown_device' } });
    expect(await s.run('AC')).toMatchObject({ ok: false, error: { code: 'not_a_gateway' } });
    expect(await s.run(undefined)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(s.published).toEqual([]);
  });
});

describe('cancelReturnHome', () => {
  it('sends return_home_cancel with data null and says the aircraft hovers', async () => {
    const s = setup();
    const p = s.cancel('GW');
    await flush();
    expect(s.published).toMatchObject([{ topic: 'thing/product/GW/services', method: 'return_home_cancel', data: null }]);
    s.answer({ result: 0 });
    expect(await p).toEqual({ ok: true, value: { gateway: 'GW', status: null, text: 'Return home cancelled: the aircraft hovers.' } });
    expect(s.counters.snapshot()['drc.return_home_cancel']).toBe(1);
  });

  it('a refusal, a silence and a non-gateway read as cancel, with their own advice', async () => {
    const s = setup();
    const p = s.cancel('GW');
    await flush();
    s.answer({ result: 314000 });
    expect(await p).toMatchObject({ ok: false, error: { code: 'device_error', message: 'Cancel return home refused by the device: Operation not supported. Check device status (code 314000).' } });
    const q = s.cancel('GW');
    await flush();
    s.clock.advance(5000);
    expect(await q).toMatchObject({ ok: false, error: { code: 'timeout', message: 'Cancel return home: GW did not answer within 5 s. Watch the aircraft; send it again if it is still flying home.' } });
    expect(await s.cancel('AC')).toMatchObject({ ok: false, error: { code: 'not_a_gateway' } });
    expect(s.counters.snapshot()['drc.return_home_cancel_failed']).toBe(2);
  });
});
