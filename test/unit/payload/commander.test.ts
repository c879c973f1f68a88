/** Routing of payload commands: services vs drc/down (RC Plus 2 in DRC), authority grabs, timeouts on the fake clock. */
import { describe, expect, it } from 'vitest';
import { PayloadCommander } from '../../../electron/core/payload/commander';
import type { PayloadDrcPort } from '../../../electron/core/payload/drc-port';
import { ServiceCaller } from '../../../electron/core/services/caller';
import { Shadow } from '../../../electron/core/shadow/shadow';
import { Counters } from '../../../electron/core/util/counters';
import { silentLogger } from '../../../electron/core/util/log';
import { FakeClock } from '../../helpers/fake-clock';

type DrcListener = (gw: string, method: string, data: unknown, seq: number | undefined) => void;

function setup(gatewayKey: [number, number], inDrc: boolean) {
  const clock = new FakeClock();
  const shadow = new Shadow();
  shadow.applyTopo('GW', { domain: gatewayKey[0], type: gatewayKey[1], sub_type: 0, sub_devices: [{ sn: 'AC', domain: 0, type: 100, sub_type: 1, index: 'A' }] } as never, clock.now());
  const published: { topic: string; method: string; data: unknown; tid: string; bid: string }[] = [];
  const caller = new ServiceCaller({
    publish: async (topic, payload) => {
      const env = JSON.parse(payload) as { method: string; data: unknown; tid: string; bid: string };
      published.push({ topic, method: env.method, data: env.data, tid: env.tid, bid: env.bid });
    },
    clock,
    logger: silentLogger,
    counters: new Counters(),
  });
  const listeners = new Set<DrcListener>();
  const drcSent: { method: string; data: unknown }[] = [];
  const port: PayloadDrcPort = {
    isInDrc: (gw) => inDrc && gw === 'GW',
    publishDrc: async (_gw, method, data) => {
      drcSent.push({ method, data });
    },
  };
  const commander = new PayloadCommander({
    caller,
    shadow,
    drc: () => port,
    onDrcUp: (l) => (listeners.add(l), () => listeners.delete(l)),
    clock,
    logger: silentLogger,
    counters: new Counters(),
    timeoutMs: 1000,
  });
  const drcUp = (method: string, data: unknown) => [...listeners].forEach((l) => l('GW', method, data, 1));
  return { clock, caller, commander, published, drcSent, drcUp };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('PayloadCommander', () => {
  it('RC Plus 2 in DRC: sends drc_camera_look_at on drc/down, answered on drc/up, no authority grab', async () => {
    const s = setup([2, 174], true);
    const p = s.commander.run({ sn: 'AC', method: 'camera_look_at', data: { payload_index: '89-0-0', locked: false, latitude: 22.9, longitude: 113.7, height: 24.8 } });
    await flush();
    expect(s.drcSent).toEqual([{ method: 'drc_camera_look_at', data: { payload_index: '89-0-0', locked: false, latitude: 22.9, longitude: 113.7, height: 24.8 } }]);
    expect(s.published).toEqual([]);
    s.drcUp('drc_camera_look_at', { result: 0 });
    expect(await p).toMatchObject({ ok: true, value: { via: 'drc', authorityGrabbed: false } });
  });

  it('a drc/up refusal comes back as readable text; silence times out on the injected clock', async () => {
    const s = setup([2, 174], true);
    const p = s.commander.run({ sn: 'AC', method: 'gimbal_reset', data: { payload_index: '89-0-0', reset_mode: 2 } });
    await flush();
    expect(s.drcSent[0]?.method).toBe('drc_gimbal_reset');
    s.drcUp('drc_gimbal_reset', { result: 327014 });
    expect(await p).toMatchObject({ ok: false, error: { message: 'drc_gimbal_reset: Gimbal reached movement limit (code 327014)' } });
    const q = s.commander.run({ sn: 'AC', method: 'camera_photo_take', data: { payload_index: '89-0-0' } });
    await flush();
    s.clock.advance(1001);
    expect(await q).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('a dock in DRC still uses services (dock3 drc.md lists camera_* as services) and grabs authority once', async () => {
    const s = setup([3, 3], true);
    const run = () => s.commander.run({ sn: 'AC', method: 'camera_photo_take', data: { payload_index: '99-0-0' } });
    const p = run();
    await flush();
    expect(s.published.map((m) => m.method)).toEqual(['payload_authority_grab']);
    reply(s, 0);
    await flush();
    expect(s.published.map((m) => m.method)).toEqual(['payload_authority_grab', 'camera_photo_take']);
    reply(s, 0);
    expect(await p).toMatchObject({ ok: true, value: { via: 'services', authorityGrabbed: true } });
    const q = run();
    await flush();
    reply(s, 0);
    expect(await q).toMatchObject({ ok: true, value: { authorityGrabbed: false } });
    expect(s.drcSent).toEqual([]);
  });

  it('refuses bad values before anything is published', async () => {
    const s = setup([3, 2], false);
    const r = await s.commander.run({ sn: 'AC', method: 'gimbal_reset', data: { payload_index: '81-0-0', reset_mode: 4 as never } });
    expect(r).toMatchObject({ ok: false, error: { code: 'out_of_range', message: 'gimbal_reset: reset_mode must be one of 0 (recenter), 1 (down), 2 (recenter yaw), 3 (pitch down) (got 4)' } });
    expect(s.published).toEqual([]);
  });
});

/** Answer the latest services call through the caller (as the router does for a services_reply). */
function reply(s: ReturnType<typeof setup>, result: number): void {
  const last = s.published.at(-1)!;
  s.caller.handleReply('GW', { tid: last.tid, bid: last.bid, timestamp: 0, method: last.method, data: { result } }, { result });
}
