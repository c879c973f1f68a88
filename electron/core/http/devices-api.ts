/** GET /api/v1/devices — read-only JSON for scripts (documented in README.md). */
import type { DeviceSnapshot, GroupState } from '../../../shared/model/device';

export interface DeviceJson {
  readonly sn: string;
  readonly model_key: string | null;
  readonly model_name: string | null;
  readonly device_class: string;
  readonly online: boolean;
  readonly gateway: string | null;
  readonly children: readonly string[];
  readonly callsign: string | null;
  readonly osd: {
    readonly latitude: number | null;
    readonly longitude: number | null;
    readonly height: number | null;
    readonly heading: number | null;
    readonly battery: number | null;
  };
  readonly hms_count: number;
  /** Epoch ms of the last message from the device; null if never heard. */
  readonly updated_at: number | null;
}

const num = (g: GroupState | undefined, k: string): number | null => {
  const v = g?.fields[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function deviceJson(d: DeviceSnapshot): DeviceJson {
  const pos = d.groups.position;
  const att = d.groups.attitude;
  const bat = d.groups.battery;
  // Aircraft report attitude_head; a dock reports heading (dock properties page).
  const heading = num(att, 'attitude_head') ?? num(att, 'heading');
  return {
    sn: d.sn,
    model_key: d.modelKey,
    model_name: d.modelName,
    device_class: d.deviceClass,
    online: d.online,
    gateway: d.gateway,
    children: d.children,
    callsign: d.callsign,
    osd: {
      latitude: num(pos, 'latitude'),
      longitude: num(pos, 'longitude'),
      height: num(pos, 'height'),
      heading,
      battery: num(bat, 'capacity_percent'),
    },
    hms_count: d.hms.length,
    updated_at: d.lastSeen,
  };
}
