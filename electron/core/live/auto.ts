/**
 * Auto-stream: per gateway, start the aircraft's main camera when it takes off (aircraft `mode_code` leaves 0,
 * "idle" in DroneModeCodeEnum) or when DRC begins (dock `drc_state` 2 connected); stop it when it lands or the
 * gateway goes offline. Edge-triggered, and it stops only streams it started itself.
 */
import type { DeviceSnapshot } from '../../../shared/model/device';

export interface AutoInputs {
  readonly gatewayOnline: boolean;
  /** Aircraft mode_code (DroneModeCodeEnum), null when unknown or the aircraft is off. */
  readonly aircraftMode: number | null;
  /** Dock drc_state: 0 not connected, 1 connecting, 2 connected. */
  readonly drcState: number | null;
}

/** 14 = DISCONNECTED: not a flight. */
export const wantsStream = (i: AutoInputs): boolean =>
  i.gatewayOnline && ((i.aircraftMode !== null && i.aircraftMode !== 0 && i.aircraftMode !== 14) || i.drcState === 2);

export function autoInputs(gw: DeviceSnapshot, aircraft: DeviceSnapshot | null): AutoInputs {
  const mode = aircraft?.online ? aircraft.groups.status?.fields.mode_code : null;
  const drc = gw.groups.drc?.fields.drc_state;
  return { gatewayOnline: gw.online, aircraftMode: typeof mode === 'number' ? mode : null, drcState: typeof drc === 'number' ? drc : null };
}

export type AutoAction = { readonly kind: 'start' } | { readonly kind: 'stop' } | null;

/** Tracks the last decision per gateway; returns an action only on a change. */
export class AutoPolicy {
  private readonly enabled = new Set<string>();
  private readonly wanted = new Map<string, boolean>();

  constructor(initial: readonly string[] = []) {
    for (const g of initial) this.enabled.add(g);
  }

  set(gateway: string, on: boolean): void {
    if (on) this.enabled.add(gateway);
    else {
      this.enabled.delete(gateway);
      this.wanted.delete(gateway);
    }
  }

  has(gateway: string): boolean {
    return this.enabled.has(gateway);
  }

  list(): string[] {
    return [...this.enabled].sort();
  }

  step(gateway: string, inputs: AutoInputs): AutoAction {
    if (!this.enabled.has(gateway)) return null;
    const want = wantsStream(inputs);
    const before = this.wanted.get(gateway) ?? false;
    this.wanted.set(gateway, want);
    if (want === before) return null;
    return want ? { kind: 'start' } : { kind: 'stop' };
  }
}
