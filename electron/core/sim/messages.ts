/** `data` of status update_topo and events hms, as in 10.dock2/10.device.md and 60.hms.md. */
import { modelKey, type SimProduct } from './products';

/** update_topo: gateway domain as a string, type/sub_type as ints, like the docs' example; `sub_devices: []` = aircraft off. */
export function topoData(p: SimProduct, aircraftSn: string, aircraftOn: boolean): Record<string, unknown> {
  return {
    domain: String(p.gateway.domain),
    type: p.gateway.type,
    sub_type: p.gateway.sub_type,
    device_secret: 'secret',
    nonce: 'nonce',
    thing_version: '1.1.2',
    sub_devices: aircraftOn
      ? [
          {
            sn: aircraftSn,
            domain: String(p.aircraft.domain),
            type: p.aircraft.type,
            sub_type: p.aircraft.sub_type,
            index: 'A',
            device_secret: 'secret',
            nonce: 'nonce',
            thing_version: '1.1.2',
          },
        ]
      : [],
  };
}

export interface HmsEntry {
  readonly level: number;
  readonly module: number;
  readonly in_the_sky: number;
  readonly code: string;
  readonly device_type: string;
  readonly imminent: number;
  readonly args: { readonly component_index: number; readonly sensor_index: number };
}

/** An hms event `data`; by default one notice from the docs' example code on the aircraft. */
export function hmsEvent(p: SimProduct, airborne: boolean, list?: readonly HmsEntry[]): { list: readonly HmsEntry[] } {
  return {
    list: list ?? [
      {
        args: { component_index: 0, sensor_index: 0 },
        code: '0x16100083',
        device_type: modelKey(p.aircraft),
        imminent: 1,
        in_the_sky: airborne ? 1 : 0,
        level: 1,
        module: 3,
      },
    ],
  };
}
