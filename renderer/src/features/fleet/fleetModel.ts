/** Pure: the fleet tree (aircraft nested under their dock) and the one-line summary each row shows. */
import { decodeModeCode } from '../../../../shared/model/fields';
import type { DeviceSnapshot, FieldValue } from '../../../../shared/model/device';
import type { DeviceMap } from '../../state/reducer';

export interface FleetRow {
  readonly sn: string;
  readonly name: string;
  readonly deviceClass: DeviceSnapshot['deviceClass'];
  readonly online: boolean;
  readonly depth: 0 | 1;
  /** "--" when unknown, never a made-up value. */
  readonly mode: string;
  readonly battery: number | null;
  /** 0..5 link quality bars, null when unknown. */
  readonly signal: number | null;
  readonly hms: number;
}

const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: FieldValue | undefined): Readonly<Record<string, unknown>> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Readonly<Record<string, unknown>>) : null;

export const modeOf = (d: DeviceSnapshot): string => {
  const f = d.groups.status?.fields;
  if (typeof f?.mode_text === 'string' && f.mode_text) return f.mode_text;
  return decodeModeCode(d.deviceClass, f?.mode_code) ?? '--';
};

/** Link quality 0..5: SDR quality for the aircraft link (wireless_link), else the dock's network_state.quality. */
export const signalOf = (d: DeviceSnapshot): number | null => {
  const f = d.groups.link?.fields;
  if (!f) return null;
  const wl = obj(f.wireless_link);
  return num(wl?.sdr_quality as FieldValue) ?? num(f.sdr_quality) ?? num(obj(f.network_state)?.quality as FieldValue) ?? num(f.quality) ?? null;
};

/** An aircraft in a dock has no link group of its own; the dock's SDR quality is its link. */
const linkOf = (d: DeviceSnapshot, map: DeviceMap): number | null => {
  const own = signalOf(d);
  const gw = d.gateway ? map[d.gateway] : undefined;
  return own ?? (gw ? num(obj(gw.groups.link?.fields.wireless_link)?.sdr_quality as FieldValue) : null);
};

export const rowOf = (d: DeviceSnapshot, depth: 0 | 1, map: DeviceMap = {}): FleetRow => ({
  sn: d.sn,
  name: d.callsign ?? d.modelName ?? d.sn,
  deviceClass: d.deviceClass,
  online: d.online,
  depth,
  mode: modeOf(d),
  battery: num(d.groups.battery?.fields.capacity_percent),
  signal: linkOf(d, map),
  hms: d.hms.length,
});

/** Gateways first (docks, then RCs), sorted by SN; each followed by its sub-devices. Orphans last. */
export const fleetRows = (map: DeviceMap): readonly FleetRow[] => {
  const all = Object.values(map).sort((a, b) => a.sn.localeCompare(b.sn));
  const isGateway = (d: DeviceSnapshot) => d.gateway === null || !(d.gateway in map);
  const gateways = all.filter(isGateway).filter((d) => d.deviceClass !== 'aircraft' || d.children.length > 0);
  const rank = (d: DeviceSnapshot) => (d.deviceClass === 'dock' ? 0 : 1);
  gateways.sort((a, b) => rank(a) - rank(b) || a.sn.localeCompare(b.sn));
  const out: FleetRow[] = [];
  const placed = new Set<string>();
  for (const g of gateways) {
    out.push(rowOf(g, 0, map));
    placed.add(g.sn);
    const kids = all.filter((d) => d.gateway === g.sn || (g.children.includes(d.sn) && d.gateway === null && d.sn !== g.sn));
    for (const k of kids) {
      out.push(rowOf(k, 1, map));
      placed.add(k.sn);
    }
  }
  for (const d of all) if (!placed.has(d.sn)) out.push(rowOf(d, 0, map));
  return out;
};
