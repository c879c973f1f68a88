import { describe, expect, it } from 'vitest';
import { ServiceCaller } from '../../../electron/core/services/caller';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';
import { FakeClock } from '../../helpers/fake-clock';

function setup() {
  const clock = new FakeClock();
  const sent: { topic: string; env: { tid: string; bid: string; method: string; data: unknown } }[] = [];
  const caller = new ServiceCaller({
    publish: async (topic, payload) => void sent.push({ topic, env: JSON.parse(payload) }),
    clock,
    logger: silentLogger,
    counters: new Counters(),
    defaultTimeoutMs: 1000,
  });
  return { clock, sent, caller };
}

describe('ServiceCaller', () => {
  it('publishes on the gateway services topic and resolves on the matching tid+bid', async () => {
    const { sent, caller } = setup();
    const p = caller.call('GW', 'cover_open', { a: 1 });
    await Promise.resolve();
    expect(sent[0]?.topic).toBe('thing/product/GW/services');
    expect(sent[0]?.env).toMatchObject({ method: 'cover_open', data: { a: 1 } });
    const { tid, bid } = sent[0]!.env;
    expect(caller.handleReply('GW', { tid, bid: 'x', timestamp: 1, data: {} }, { result: 0 })).toBe(false);
    expect(caller.handleReply('OTHER', { tid, bid, timestamp: 1, data: {} }, { result: 0 })).toBe(false);
    expect(caller.handleReply('GW', { tid, bid, timestamp: 1, data: {} }, { result: 0, output: { ok: 1 } })).toBe(true);
    const r = await p;
    expect(r).toMatchObject({ ok: true, value: { result: 0, output: { ok: 1 } } });
  });

  it('times out on the injected clock with a typed error', async () => {
    const { clock, caller } = setup();
    const p = caller.call('GW', 'cover_open', {}, { timeoutMs: 500 });
    await Promise.resolve();
    clock.advance(499);
    expect(caller.pendingCount()).toBe(1);
    clock.advance(1);
    const r = await p;
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(caller.pendingCount()).toBe(0);
  });

  it('cancels every pending call when the engine stops', async () => {
    const { caller } = setup();
    const p = caller.call('GW', 'x', {});
    caller.cancelAll('stopping');
    expect(await p).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
