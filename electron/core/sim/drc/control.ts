/**
 * Test handles on simulated DRC devices (in-process only): what a device received on drc/down,
 * and knobs to break its link (stop echoing heart_beat) the way a real link breaks.
 */
export interface DrcSimEvent {
  readonly method: string;
  readonly seq: number | undefined;
  readonly data: unknown;
  readonly at: number;
}

export interface DrcSimHandle {
  readonly gatewaySn: string;
  /** Stop echoing heart_beat (simulates a DRC link that silently died). */
  dropHeartbeatEcho: boolean;
  /** Why the last DRC login failed, if it did. */
  lastLinkError: string | null;
  /** The mqtt_broker of the last drc_mode_enter (tests prove what these credentials can and cannot do). */
  lastBroker: unknown;
  /** drc_state: 0 not connected, 1 connecting, 2 connected. */
  drcState: number;
  /** The last 500 drc/down messages. */
  readonly received: DrcSimEvent[];
  /** Listeners called on every drc/down message (tests wait on these). */
  readonly listeners: Set<(e: DrcSimEvent) => void>;
}

const handles = new Map<string, DrcSimHandle>();

export function registerDrcSim(gatewaySn: string): DrcSimHandle {
  const h: DrcSimHandle = { gatewaySn, dropHeartbeatEcho: false, lastLinkError: null, lastBroker: null, drcState: 0, received: [], listeners: new Set() };
  handles.set(gatewaySn, h);
  return h;
}

export function unregisterDrcSim(h: DrcSimHandle): void {
  if (handles.get(h.gatewaySn) === h) handles.delete(h.gatewaySn);
}

export function drcSim(gatewaySn: string): DrcSimHandle | undefined {
  return handles.get(gatewaySn);
}

export function recordDrcDown(h: DrcSimHandle, e: DrcSimEvent): void {
  h.received.push(e);
  if (h.received.length > 500) h.received.shift();
  for (const l of h.listeners) l(e);
}
