/** What each simulated gateway kind is on the wire: product keys, payload indexes, firmware strings. */
import { DOCK2_SERVICES, DOCK3_SERVICES, RC_PLUS_2_SERVICES, RC_PLUS_SERVICES, type ServiceSpec } from './service-table';

export type SimKind = 'dock2' | 'dock3' | 'rc-plus' | 'rc-plus-2';
export const SIM_KINDS: readonly SimKind[] = ['dock2', 'dock3', 'rc-plus', 'rc-plus-2'];
/** What `mix` cycles through (the RC Plus 2 is asked for by name). */
export const MIX_KINDS: readonly SimKind[] = ['dock2', 'dock3', 'rc-plus'];

/**
 * How the cloud commands the payload: `services` (docks, after payload_authority_grab; dock drc.md pages),
 * `drc` (RC Plus 2: `drc_camera_*` on drc/down during DRC, dji-rc-plus-2 remote-control.md), or `none` (RC Plus).
 */
export type PayloadChannel = 'services' | 'drc' | 'none';

export interface ProductKey {
  readonly domain: number;
  readonly type: number;
  readonly sub_type: number;
}

export interface SimProduct {
  readonly kind: SimKind;
  readonly isDock: boolean;
  readonly gateway: ProductKey;
  readonly aircraft: ProductKey;
  /** Main camera payload index `{type-subtype-gimbalindex}` (enums.md §1.2). */
  readonly payloadIndex: string;
  /** Dock camera (Dock 2/3 have one inside and one outside, both `165-0-7`). */
  readonly dockCameraIndex?: string;
  readonly gatewayFirmware: string;
  readonly aircraftFirmware: string;
  /** Battery packs per aircraft: M3D/M4D/M4T carry one, M30T two. */
  readonly batteryCount: number;
  readonly payloadVia: PayloadChannel;
  readonly services: Readonly<Record<string, ServiceSpec>>;
}

// Keys from enums.md §1.1: Dock 2 3-2-0 + M3TD 0-91-1; Dock 3 3-3-0 + M4TD 0-100-1; RC Plus 2-119-0 + M30T 0-67-1;
// RC Plus 2 2-174-0 + Matrice 4T 0-99-1 (camera 89-0-0, as in the RC Plus 2 pages' examples).
const PRODUCTS: Readonly<Record<SimKind, SimProduct>> = {
  dock2: {
    kind: 'dock2',
    isDock: true,
    gateway: { domain: 3, type: 2, sub_type: 0 },
    aircraft: { domain: 0, type: 91, sub_type: 1 },
    payloadIndex: '81-0-0',
    dockCameraIndex: '165-0-7',
    gatewayFirmware: '10.01.1612',
    aircraftFirmware: '10.01.1609',
    batteryCount: 1,
    payloadVia: 'services',
    services: DOCK2_SERVICES,
  },
  dock3: {
    kind: 'dock3',
    isDock: true,
    gateway: { domain: 3, type: 3, sub_type: 0 },
    aircraft: { domain: 0, type: 100, sub_type: 1 },
    payloadIndex: '99-0-0',
    dockCameraIndex: '165-0-7',
    gatewayFirmware: '11.00.0204',
    aircraftFirmware: '11.00.0207',
    batteryCount: 1,
    payloadVia: 'services',
    services: DOCK3_SERVICES,
  },
  'rc-plus': {
    kind: 'rc-plus',
    isDock: false,
    gateway: { domain: 2, type: 119, sub_type: 0 },
    aircraft: { domain: 0, type: 67, sub_type: 1 },
    payloadIndex: '53-0-0',
    gatewayFirmware: '02.01.0507',
    aircraftFirmware: '07.01.0022',
    batteryCount: 2,
    payloadVia: 'none',
    services: RC_PLUS_SERVICES,
  },
  'rc-plus-2': {
    kind: 'rc-plus-2',
    isDock: false,
    gateway: { domain: 2, type: 174, sub_type: 0 },
    aircraft: { domain: 0, type: 99, sub_type: 1 },
    payloadIndex: '89-0-0',
    gatewayFirmware: '02.04.0310',
    aircraftFirmware: '12.01.0102',
    batteryCount: 1,
    payloadVia: 'drc',
    services: RC_PLUS_2_SERVICES,
  },
};

export function product(kind: SimKind): SimProduct {
  return PRODUCTS[kind];
}

export function modelKey(k: ProductKey): string {
  return `${k.domain}-${k.type}-${k.sub_type}`;
}

export function isSimKind(v: string): v is SimKind {
  return (SIM_KINDS as readonly string[]).includes(v);
}
