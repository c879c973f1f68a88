/**
 * One-key return home against the real engine, the real broker and the simulator: refused on the ground
 * (with the device's words), accepted in DRC flight where the simulated aircraft turns home (mode_code 9
 * in the shadow) while the centred stick stream goes on, and taken over again by throttle; the same through
 * Pilot 2 on an RC Plus 2 (dji-rc-plus-2 drc.md). An RC Plus, whose Pilot 2 pages document no return_home,
 * says it does not support it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrcFeature } from '../../../electron/core/drc/feature';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { drcSim } from '../../../electron/core/sim/drc/control';
import { createDrcSimExtension } from '../../../electron/core/sim/extensions/drc';
import { NEUTRAL, type Sticks } from '../../../shared/control/sticks';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';
import { nextDown, stickOf, streamSticks, waitTelemetry } from './helpers';

let t: TestEngine;
let fleet: Fleet;

beforeAll(async () => {
  t = await startTestEngine({ features: [createDrcFeature()] });
  fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    osdHz: 2,
    count: 3,
    kinds: ['dock2', 'rc-plus', 'rc-plus-2'],
    device: { autoFly: false, extensions: [createDrcSimExtension()] },
  });
  await fleet.ready();
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
  await t?.stop();
});

const dock = () => fleet.devices[0]!;
const modeCode = (sn: string) => t.engine.shadow.get(sn)?.groups.status?.fields.mode_code;

/**
 * Enters DRC on fleet device i, climbs out and flies north until clear of home, then centres the sticks and
 * waits until the aircraft has them (throttle still in flight would take over a return). `done` stops the
 * stick stream and exits DRC.
 */
async function flyOut(i: number): Promise<{ set(s: Sticks): void; done(): Promise<void> }> {
  const dev = fleet.devices[i]!;
  const gw = dev.gatewaySn;
  const entered = await t.engine.invoke['drc:enter']({ gateway: gw });
  if (!entered.ok) throw new Error(entered.error.message);
  let sticks: Sticks = { roll: 0, pitch: 1, throttle: 1, yaw: 0 };
  const stop = streamSticks(t.engine, gw, entered.value.id, () => sticks);
  const done = async (): Promise<void> => {
    stop();
    await t.engine.invoke['drc:exit']({ gateway: gw });
  };
  try {
    await waitTelemetry(t.engine, gw, () => dev.snapshot().elevation > 15 && dev.snapshot().homeDistance > 40, 20_000);
    sticks = NEUTRAL;
    await nextDown(drcSim(gw)!, (e) => e.method === 'stick_control' && stickOf(e).throttle === 1024);
  } catch (e) {
    await done();
    throw e;
  }
  return { set: (s) => void (sticks = s), done };
}

describe('return home (drc:returnHome)', () => {
  it('on the ground the dock refuses, and the refusal reads as the device error text', async () => {
    const r = await t.engine.invoke['drc:returnHome']({ gateway: dock().gatewaySn });
    expect(r).toEqual({ ok: false, error: { code: 'device_error', message: 'Return home refused by the device: Operation not supported. Check device status (code 314000).', details: { result: 314000 } } });
  });

  it.each([
    ['a dock (dock flow)', 0],
    ['Pilot 2 on an RC Plus 2 (pilot flow)', 2],
  ] as const)('%s: in DRC flight it is accepted, the aircraft flies home under centred sticks, and throttle takes over', async (_name, i) => {
    const dev = fleet.devices[i]!;
    const gw = dev.gatewaySn;
    const flight = await flyOut(i);
    try {
      const r = await t.engine.invoke['drc:returnHome']({ gateway: gw });
      expect(r).toEqual({ ok: true, value: { gateway: gw, status: 'ok', text: 'Return home accepted: the aircraft is flying home.' } });
      expect(dev.snapshot().phase).toBe('return');
      await waitForPatch(t.engine, () => modeCode(dev.aircraftSn) === 9, 5_000);
      // The DRC stream keeps sending centred sticks; the aircraft still closes on home.
      const away = dev.snapshot().homeDistance;
      await waitTelemetry(t.engine, gw, () => dev.snapshot().homeDistance < away - 10, 10_000);
      expect(dev.snapshot().phase).toBe('return');
      // Throttle: the pilot has it again.
      flight.set({ roll: 0, pitch: 0, throttle: 0.8, yaw: 0 });
      await waitTelemetry(t.engine, gw, () => dev.snapshot().phase === 'manual', 5_000);
      await waitForPatch(t.engine, () => modeCode(dev.aircraftSn) === 17, 5_000);
    } finally {
      await flight.done();
    }
  });

  it('an RC Plus (no return_home on its Pilot 2 pages) says it does not support it', async () => {
    const r = await t.engine.invoke['drc:returnHome']({ gateway: fleet.devices[1]!.gatewaySn });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_error', message: expect.stringContaining('(code 314000)') } });
  });

  it('cancel return home (drc:returnHomeCancel): the aircraft stops where it is and the sticks fly it; nothing to cancel is refused', async () => {
    const dev = fleet.devices[0]!;
    const gw = dev.gatewaySn;
    // The test before hands the aircraft back, which then flies home and lands: wait for it on the ground.
    await waitForPatch(t.engine, () => dev.snapshot().phase === 'docked', 30_000);
    expect(await t.engine.invoke['drc:returnHomeCancel']({ gateway: gw })).toMatchObject({ ok: false, error: { code: 'device_error', message: expect.stringMatching(/^Cancel return home refused by the device: .*\(code 314000\)\.$/) } });
    const flight = await flyOut(0);
    try {
      expect(await t.engine.invoke['drc:returnHome']({ gateway: gw })).toMatchObject({ ok: true });
      await waitForPatch(t.engine, () => modeCode(dev.aircraftSn) === 9, 5_000);
      const r = await t.engine.invoke['drc:returnHomeCancel']({ gateway: gw });
      expect(r).toEqual({ ok: true, value: { gateway: gw, status: 'ok', text: 'Return home cancelled: the aircraft hovers.' } });
      expect(dev.snapshot().phase).toBe('manual');
      await waitForPatch(t.engine, () => modeCode(dev.aircraftSn) === 17, 5_000);
      // Under centred sticks it holds its distance from home…
      const held = dev.snapshot().homeDistance;
      await new Promise((res) => setTimeout(res, 1500));
      expect(Math.abs(dev.snapshot().homeDistance - held)).toBeLessThan(2);
      // …and the pitch stick flies it on from there (nose toward home, as the return left it).
      flight.set({ roll: 0, pitch: 1, throttle: 0, yaw: 0 });
      await waitTelemetry(t.engine, gw, () => Math.abs(dev.snapshot().homeDistance - held) > 10, 10_000);
      expect(dev.snapshot().phase).toBe('manual');
    } finally {
      await flight.done();
    }
  }, 60_000);
});
