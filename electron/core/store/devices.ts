/** Known devices: identity, class, gateway, online state and when they were seen. */
import type { DeviceClass } from '../../../shared/model/device';
import type { Db } from './db';

export interface DeviceRecord {
  readonly sn: string;
  readonly modelKey: string | null;
  readonly deviceClass: DeviceClass;
  readonly gatewaySn: string | null;
  readonly online: boolean;
  readonly callsign: string | null;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly updatedAt: number;
}

/** A partial update: `undefined` keeps the stored value, `null` clears it. */
export interface DeviceUpsert {
  readonly sn: string;
  readonly modelKey?: string | null;
  readonly deviceClass?: DeviceClass;
  readonly gatewaySn?: string | null;
  readonly online?: boolean;
  readonly callsign?: string | null;
}

export interface DeviceStore {
  upsert(d: DeviceUpsert, at: number): void;
  /** Creates an `unknown` device when the SN was never seen (status before topo). */
  setOnline(sn: string, online: boolean, at: number): void;
  get(sn: string): DeviceRecord | null;
  list(): readonly DeviceRecord[];
}

interface Row {
  sn: string;
  model_key: string | null;
  device_class: string;
  gateway_sn: string | null;
  online: number;
  callsign: string | null;
  first_seen: number;
  last_seen: number;
  updated_at: number;
}

const DEVICE_CLASSES: ReadonlySet<string> = new Set<DeviceClass>(['dock', 'aircraft', 'rc', 'payload', 'unknown']);

export function createDeviceStore(db: Db): DeviceStore {
  // Each optional column carries a "was given" flag so one statement serves every
  // partial update without a COALESCE that could never clear a value to NULL.
  const upsertStmt = db.prepare(`
    INSERT INTO devices (sn, model_key, device_class, gateway_sn, online, callsign, first_seen, last_seen, updated_at)
    VALUES (@sn, @model_key, COALESCE(@device_class, 'unknown'), @gateway_sn, COALESCE(@online, 0), @callsign, @at, @at, @at)
    ON CONFLICT (sn) DO UPDATE SET
      model_key    = CASE WHEN @has_model_key THEN excluded.model_key ELSE model_key END,
      device_class = COALESCE(@device_class, device_class),
      gateway_sn   = CASE WHEN @has_gateway_sn THEN excluded.gateway_sn ELSE gateway_sn END,
      online       = COALESCE(@online, online),
      callsign     = CASE WHEN @has_callsign THEN excluded.callsign ELSE callsign END,
      first_seen   = MIN(first_seen, excluded.first_seen),
      last_seen    = MAX(last_seen, excluded.last_seen),
      updated_at   = excluded.updated_at
  `);
  const getStmt = db.prepare<[string], Row>('SELECT * FROM devices WHERE sn = ?');
  const listStmt = db.prepare<[], Row>('SELECT * FROM devices ORDER BY sn');

  const upsert = (d: DeviceUpsert, at: number): void => {
    upsertStmt.run({
      sn: d.sn,
      model_key: d.modelKey ?? null,
      has_model_key: d.modelKey === undefined ? 0 : 1,
      device_class: d.deviceClass ?? null,
      gateway_sn: d.gatewaySn ?? null,
      has_gateway_sn: d.gatewaySn === undefined ? 0 : 1,
      online: d.online === undefined ? null : d.online ? 1 : 0,
      callsign: d.callsign ?? null,
      has_callsign: d.callsign === undefined ? 0 : 1,
      at: Math.trunc(at),
    });
  };

  return {
    upsert,
    setOnline: (sn, online, at) => upsert({ sn, online }, at),
    get: (sn) => {
      const row = getStmt.get(sn);
      return row === undefined ? null : toRecord(row);
    },
    list: () => listStmt.all().map(toRecord),
  };
}

function toRecord(r: Row): DeviceRecord {
  return {
    sn: r.sn,
    modelKey: r.model_key,
    deviceClass: DEVICE_CLASSES.has(r.device_class) ? (r.device_class as DeviceClass) : 'unknown',
    gatewaySn: r.gateway_sn,
    online: r.online !== 0,
    callsign: r.callsign,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    updatedAt: r.updated_at,
  };
}
