/** Gateway → sub-device topology as last reported by `update_topo`. */
import type { Db } from './db';

/** One entry of `update_topo` `sub_devices[]`, reduced to what we keep. */
export interface TopologyChild {
  readonly sn: string;
  readonly modelKey: string | null;
  /** DJI's `sub_devices[].index` (text, e.g. "A"). */
  readonly index: string | null;
}

export interface TopologyRecord extends TopologyChild {
  readonly gatewaySn: string;
  readonly updatedAt: number;
}

export interface TopologyStore {
  /**
   * Replaces the gateway's children with `children` in one transaction. An empty
   * list is meaningful: a dock reports `sub_devices: []` when its aircraft is off
   * (Dock "Device Management" → update_topo). A child listed here is moved away
   * from any other gateway it was attached to.
   */
  replaceChildren(gatewaySn: string, children: readonly TopologyChild[], at: number): void;
  childrenOf(gatewaySn: string): readonly TopologyRecord[];
  gatewayOf(childSn: string): string | null;
}

interface Row {
  child_sn: string;
  gateway_sn: string;
  model_key: string | null;
  idx: string | null;
  updated_at: number;
}

export function createTopologyStore(db: Db): TopologyStore {
  const deleteStmt = db.prepare<[string]>('DELETE FROM topology WHERE gateway_sn = ?');
  const insertStmt = db.prepare(`
    INSERT INTO topology (child_sn, gateway_sn, model_key, idx, updated_at)
    VALUES (@child_sn, @gateway_sn, @model_key, @idx, @updated_at)
    ON CONFLICT (child_sn) DO UPDATE SET
      gateway_sn = excluded.gateway_sn, model_key = excluded.model_key,
      idx = excluded.idx, updated_at = excluded.updated_at
  `);
  const childrenStmt = db.prepare<[string], Row>(
    'SELECT * FROM topology WHERE gateway_sn = ? ORDER BY idx IS NULL, idx, child_sn',
  );
  const gatewayStmt = db.prepare<[string], { gateway_sn: string }>('SELECT gateway_sn FROM topology WHERE child_sn = ?');

  const replace = db.transaction((gatewaySn: string, children: readonly TopologyChild[], at: number) => {
    deleteStmt.run(gatewaySn);
    for (const c of children) {
      insertStmt.run({
        child_sn: c.sn,
        gateway_sn: gatewaySn,
        model_key: c.modelKey,
        idx: c.index,
        updated_at: Math.trunc(at),
      });
    }
  });

  return {
    replaceChildren: (gatewaySn, children, at) => replace(gatewaySn, children, at),
    childrenOf: (gatewaySn) =>
      childrenStmt.all(gatewaySn).map((r) => ({
        sn: r.child_sn,
        gatewaySn: r.gateway_sn,
        modelKey: r.model_key,
        index: r.idx,
        updatedAt: r.updated_at,
      })),
    gatewayOf: (childSn) => gatewayStmt.get(childSn)?.gateway_sn ?? null,
  };
}
