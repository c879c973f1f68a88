import { afterEach, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../../electron/core/sim/fleet';
import { silentLogger } from '../../../electron/core/util/log';
import { Cloud, startBroker, type Broker } from './cloud';

describe('startFleet over a real aedes broker', () => {
  let broker: Broker | undefined;
  let cloud: Cloud | undefined;
  let fleet: Fleet | undefined;

  afterEach(async () => {
    await fleet?.stop();
    await cloud?.close();
    await broker?.close();
  });

  it('brings 50 mixed gateways up, each with its own SN and topology, and stops cleanly', async () => {
    broker = await startBroker();
    cloud = await Cloud.connect(broker.url);
    fleet = await startFleet({ url: broker.url, count: 50, snPrefix: 'T', bindingCode: 'BC', center: { lat: 47.4, lon: 8.5 }, logger: silentLogger, osdHz: 1 });
    await fleet.ready();

    const topos = cloud.of('/status');
    const gateways = new Set(topos.map((r) => r.topic.split('/')[2]));
    expect(gateways.size).toBe(50);
    expect(fleet.devices.map((d) => d.kind).slice(0, 4)).toEqual(['dock2', 'dock3', 'rc-plus', 'dock2']);
    // 17 docks of each dock kind bind (4 requests each); the 16 RC Plus send none.
    expect(cloud.of('/requests').length).toBe(34 * 4);
    const s = fleet.stats();
    expect(s.devices).toBe(50);
    expect(s.requestsUnanswered).toBe(0);
    expect(s.topoUnanswered).toBe(0);
    // Spread a few km apart: neighbours differ by ~3 km.
    const docks = fleet.devices.map((d) => d.snapshot());
    expect(Math.abs(docks[1]!.lon - docks[0]!.lon) * 111_320 * Math.cos((47.4 * Math.PI) / 180)).toBeGreaterThan(2500);

    await fleet.stop();
    fleet = undefined;
    // A clean stop sends DISCONNECT, so the broker publishes no will (an extra update_topo per gateway).
    const topoCount = cloud.of('/status').length;
    const probe = cloud.next((r) => r.topic === 'thing/product/PROBE/osd');
    cloud.publish('thing/product/PROBE/osd', { tid: 'p', bid: 'p', timestamp: 0, data: {} });
    await probe;
    expect(cloud.of('/status').length).toBe(topoCount);
  });

  it('fails start with a clear error when the broker is unreachable', async () => {
    await expect(startFleet({ url: 'mqtt://127.0.0.1:1', count: 2, logger: silentLogger })).rejects.toThrow(/could not connect/);
  });
});
