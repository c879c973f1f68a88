/**
 * The device shadow: topology (gateway → sub-devices), online state, and small
 * property groups that start unknown and carry their own update time.
 * It accepts only decoded messages, so a bad message can never corrupt it.
 */
import type { DeviceClass, DeviceSnapshot, FieldValue, GroupName, GroupState, HmsEntry, ShadowPatch } from '../../../shared/model/device';
import type { UpdateTopo } from '../../../shared/protocol/types';
import { aircraftModeText, dockModeText, modelKey, productByKey } from '../../../shared/protocol';
import { splitIntoGroups } from './groups';

interface MutableDevice {
  sn: string;
  modelKey: string | null;
  modelName: string | null;
  deviceClass: DeviceClass;
  online: boolean;
  gateway: string | null;
  children: string[];
  lastSeen: number | null;
  groups: Partial<Record<GroupName, GroupState>>;
  hms: HmsEntry[];
  callsign: string | null;
}

export type OfflineReason = 'disconnect' | 'will' | 'silence' | 'aircraft_off' | 'topology';
export type ShadowListener = (patch: ShadowPatch) => void;

export class Shadow {
  private readonly devices = new Map<string, MutableDevice>();
  private readonly listeners = new Set<ShadowListener>();

  onChange(listener: ShadowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  has(sn: string): boolean {
    return this.devices.has(sn);
  }

  get(sn: string): DeviceSnapshot | null {
    const d = this.devices.get(sn);
    return d ? freeze(d) : null;
  }

  list(): DeviceSnapshot[] {
    return [...this.devices.values()].map(freeze);
  }

  childrenOf(sn: string): readonly string[] {
    return this.devices.get(sn)?.children ?? [];
  }

  /** The gateway a device reports through (itself for a gateway). */
  gatewayOf(sn: string): string {
    return this.devices.get(sn)?.gateway ?? sn;
  }

  /** `update_topo` on sys/product/{gateway}/status. Empty sub_devices = the aircraft is off. */
  applyTopo(gatewaySn: string, topo: UpdateTopo, at: number): void {
    const gw = this.ensure(gatewaySn);
    this.setModel(gw, modelKey(topo.domain, topo.type, topo.sub_type));
    const next = topo.sub_devices.map((s) => s.sn);
    for (const old of gw.children) {
      if (!next.includes(old)) this.setOnline(old, false, 'aircraft_off');
    }
    gw.children = next;
    gw.gateway = null;
    gw.online = true;
    gw.lastSeen = at;
    this.emit(gw.sn, { children: [...next], online: true, gateway: null, lastSeen: at });
    for (const sub of topo.sub_devices) {
      const d = this.ensure(sub.sn);
      this.setModel(d, modelKey(sub.domain, sub.type, sub.sub_type));
      d.gateway = gatewaySn;
      d.online = true;
      d.lastSeen = at;
      this.emit(d.sn, { gateway: gatewaySn, online: true, lastSeen: at });
    }
  }

  /** OSD (pushmode 0) or state (pushmode 1) data for one device. */
  applyProperties(sn: string, data: Readonly<Record<string, unknown>>, source: 'osd' | 'state', at: number): void {
    const d = this.ensure(sn);
    const changed: Partial<Record<GroupName, GroupState>> = {};
    for (const [group, fields] of splitIntoGroups(data, source, d.deviceClass)) {
      if (group === 'status' && typeof fields.mode_code === 'number') {
        const text = modeText(d.deviceClass, fields.mode_code);
        if (text) fields.mode_text = text;
      }
      const prev = d.groups[group];
      const state: GroupState = { fields: { ...(prev?.fields ?? {}), ...fields }, updatedAt: at };
      d.groups[group] = state;
      changed[group] = state;
    }
    const becameOnline = !d.online;
    d.online = true;
    d.lastSeen = at;
    this.emit(sn, becameOnline ? { groups: changed, online: true, lastSeen: at } : { groups: changed, lastSeen: at });
  }

  /** The latest `hms` event replaces the device's active set (docs: hms is pushed as the full current list). */
  applyHms(sn: string, entries: readonly HmsEntry[], at: number): void {
    const d = this.ensure(sn);
    d.hms = [...entries];
    d.lastSeen = at;
    this.emit(sn, { hms: d.hms, lastSeen: at });
  }

  /** Any message from a device proves it alive. */
  touch(sn: string, at: number): void {
    const d = this.ensure(sn);
    d.lastSeen = at;
    if (!d.online) {
      d.online = true;
      this.emit(sn, { online: true, lastSeen: at });
    }
  }

  setCallsign(sn: string, callsign: string | null): void {
    const d = this.ensure(sn);
    if (d.callsign === callsign) return;
    d.callsign = callsign;
    this.emit(sn, { callsign });
  }

  /** Mark a gateway offline, and with it its sub-devices (they report through it). */
  markGatewayOffline(gatewaySn: string, reason: OfflineReason): void {
    const gw = this.devices.get(gatewaySn);
    if (!gw) return;
    this.setOnline(gatewaySn, false, reason);
    for (const c of gw.children) this.setOnline(c, false, reason);
  }

  /** Gateways silent for longer than `timeoutMs` go offline; returns their SNs. */
  sweepSilent(now: number, timeoutMs: number): string[] {
    const gone: string[] = [];
    for (const d of this.devices.values()) {
      if (d.gateway !== null || !d.online || d.lastSeen === null) continue;
      if (now - d.lastSeen > timeoutMs) {
        this.markGatewayOffline(d.sn, 'silence');
        gone.push(d.sn);
      }
    }
    return gone;
  }

  /** Restore what the store knew (devices start offline until they speak). */
  restore(rows: readonly { sn: string; modelKey: string | null; gateway: string | null; children: readonly string[]; lastSeen: number | null; callsign: string | null }[]): void {
    for (const r of rows) {
      const d = this.ensure(r.sn);
      if (r.modelKey) this.setModel(d, r.modelKey);
      d.gateway = r.gateway;
      d.children = [...r.children];
      d.lastSeen = r.lastSeen;
      d.callsign = r.callsign;
    }
  }

  private setOnline(sn: string, online: boolean, _reason: OfflineReason): void {
    const d = this.devices.get(sn);
    if (!d || d.online === online) return;
    d.online = online;
    this.emit(sn, { online });
  }

  private setModel(d: MutableDevice, key: string): void {
    if (d.modelKey === key) return;
    const p = productByKey(key);
    d.modelKey = key;
    d.modelName = p?.name ?? null;
    d.deviceClass = p?.deviceClass ?? classFromKey(key);
    this.emit(d.sn, { modelKey: key, modelName: d.modelName, deviceClass: d.deviceClass });
  }

  private ensure(sn: string): MutableDevice {
    let d = this.devices.get(sn);
    if (!d) {
      d = { sn, modelKey: null, modelName: null, deviceClass: 'unknown', online: false, gateway: null, children: [], lastSeen: null, groups: {}, hms: [], callsign: null };
      this.devices.set(sn, d);
    }
    return d;
  }

  private emit(sn: string, change: Omit<ShadowPatch, 'sn'>): void {
    const patch: ShadowPatch = { sn, ...change };
    for (const l of this.listeners) l(patch);
  }
}

function modeText(cls: DeviceClass, code: number): string | null {
  if (cls === 'dock') return dockModeText(code);
  if (cls === 'aircraft') return aircraftModeText(code);
  return null;
}

function classFromKey(key: string): DeviceClass {
  const domain = key.split('-')[0];
  return domain === '0' ? 'aircraft' : domain === '1' ? 'payload' : domain === '2' ? 'rc' : domain === '3' ? 'dock' : 'unknown';
}

function freeze(d: MutableDevice): DeviceSnapshot {
  return { ...d, children: [...d.children], groups: { ...d.groups }, hms: [...d.hms] };
}

export type { FieldValue };
