/**
 * The simulator (real protocol over the real broker) brings up Dock 2 + M3TD,
 * Dock 3 + M4TD and RC Plus + M30T against the engine: bound, topology known,
 * live aircraft positions, services answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import { API_TOKEN, DEVICE_PASS, DEVICE_USER, startTestEngine, waitForPatch, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
let fleet: Fleet;

beforeAll(async () => {
  t = await startTestEngine();
  fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    count: 3,
    kind: 'mix',
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    osdHz: 2,
    center: { lat: 46.0, lon: 7.0 },
  });
  await fleet.ready();
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
  await t?.stop();
});

describe('simulated fleet against the engine', () => {
  it('brings up one of each kind with the right models and topology', () => {
    const models = fleet.devices.map((d) => [t.engine.shadow.get(d.gatewaySn)?.modelKey, t.engine.shadow.get(d.aircraftSn)?.modelKey]);
    expect(models).toEqual(expect.arrayContaining([['3-2-0', '0-91-1'], ['3-3-0', '0-100-1'], [expect.stringMatching(/^2-/), '0-67-1']]));
    for (const d of fleet.devices) {
      expect(t.engine.shadow.get(d.gatewaySn)).toMatchObject({ online: true, children: [d.aircraftSn] });
      expect(t.engine.shadow.get(d.aircraftSn)).toMatchObject({ gateway: d.gatewaySn });
    }
  });

  it('binds docks to the organization through the real bring-up requests', () => {
    const docks = fleet.devices.filter((d) => d.kind !== 'rc-plus');
    for (const d of docks) expect(t.engine.store.bindings.bindStatus(d.gatewaySn).is_device_bind_organization).toBe(true);
  });

  it('shows every aircraft with a live, changing position in /api/v1/devices', async () => {
    const pos = (sn: string) => t.engine.shadow.get(sn)?.groups.position?.fields;
    const first = new Map(fleet.devices.map((d) => [d.aircraftSn, pos(d.aircraftSn)?.latitude]));
    await waitForPatch(t.engine, () => fleet.devices.every((d) => typeof pos(d.aircraftSn)?.latitude === 'number' && pos(d.aircraftSn)?.latitude !== first.get(d.aircraftSn)), 15_000);
    const res = await fetch(`${t.httpUrl}/api/v1/devices`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    const { devices } = (await res.json()) as { devices: { sn: string; online: boolean; osd: { latitude: number | null; longitude: number | null } }[] };
    for (const d of fleet.devices) {
      const a = devices.find((x) => x.sn === d.aircraftSn);
      expect(a?.online).toBe(true);
      expect(a?.osd.latitude).toBeCloseTo(46.0, 0);
      expect(a?.osd.longitude).toBeCloseTo(7.0, 0);
    }
    expect(Object.entries(t.engine.counters.snapshot()).filter(([k]) => k.startsWith('decode.'))).toEqual([]);
  });

  it('gets a services_reply from a simulated dock', async () => {
    const dock = fleet.devices.find((d) => d.kind === 'dock2')!;
    const r = await t.engine.caller.call(dock.gatewaySn, 'debug_mode_open', {});
    expect(r.ok).toBe(true);
  });

  it('the simulator stops cleanly: the engine sees the gateways go offline', async () => {
    const sns = fleet.devices.map((d) => d.gatewaySn);
    await fleet.stop();
    await waitForPatch(t.engine, () => sns.every((sn) => t.engine.shadow.get(sn)?.online === false));
  });
});
