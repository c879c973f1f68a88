import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/store/db';
import { createTopologyStore, type TopologyStore } from '../../../electron/core/store/topology';
import { memoryDb } from './fixture';

describe('topology store', () => {
  let db: Db;
  let topo: TopologyStore;
  beforeEach(() => {
    db = memoryDb();
    topo = createTopologyStore(db);
  });
  afterEach(() => db.close());

  it('stores a gateway’s children and finds the gateway of a child', () => {
    topo.replaceChildren('DOCK1', [{ sn: 'AC1', modelKey: '0-91-0', index: 'A' }], 1000);
    expect(topo.childrenOf('DOCK1')).toEqual([{ sn: 'AC1', gatewaySn: 'DOCK1', modelKey: '0-91-0', index: 'A', updatedAt: 1000 }]);
    expect(topo.gatewayOf('AC1')).toBe('DOCK1');
    expect(topo.gatewayOf('DOCK1')).toBeNull();
  });

  it('replaces the whole set; an empty list means the aircraft is off', () => {
    topo.replaceChildren('RC1', [
      { sn: 'AC2', modelKey: '0-89-0', index: 'B' },
      { sn: 'AC1', modelKey: '0-89-0', index: 'A' },
    ], 1);
    expect(topo.childrenOf('RC1').map((c) => c.sn)).toEqual(['AC1', 'AC2']);
    topo.replaceChildren('RC1', [{ sn: 'AC2', modelKey: '0-89-0', index: 'A' }], 2);
    expect(topo.childrenOf('RC1').map((c) => [c.sn, c.index, c.updatedAt])).toEqual([['AC2', 'A', 2]]);
    expect(topo.gatewayOf('AC1')).toBeNull();
    topo.replaceChildren('RC1', [], 3);
    expect(topo.childrenOf('RC1')).toEqual([]);
    expect(topo.gatewayOf('AC2')).toBeNull();
  });

  it('moves a child that another gateway now reports', () => {
    topo.replaceChildren('RC1', [{ sn: 'AC1', modelKey: null, index: 'A' }], 1);
    topo.replaceChildren('RC2', [{ sn: 'AC1', modelKey: null, index: 'A' }], 2);
    expect(topo.gatewayOf('AC1')).toBe('RC2');
    expect(topo.childrenOf('RC1')).toEqual([]);
  });

  it('leaves other gateways alone and rolls back a failed replace', () => {
    topo.replaceChildren('DOCK1', [{ sn: 'AC1', modelKey: '0-91-0', index: 'A' }], 1);
    topo.replaceChildren('DOCK2', [{ sn: 'AC9', modelKey: '0-91-0', index: 'A' }], 1);
    const bad = [{ sn: null as unknown as string, modelKey: null, index: 'B' }];
    expect(() => topo.replaceChildren('DOCK1', bad, 2)).toThrow();
    expect(topo.childrenOf('DOCK1').map((c) => c.sn)).toEqual(['AC1']);
    expect(topo.childrenOf('DOCK2').map((c) => c.sn)).toEqual(['AC9']);
  });
});
