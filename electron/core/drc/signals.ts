/**
 * Device signals a DRC session listens to, read from the shadow and from events:
 * dock osd `drc_state`, aircraft state `control_source`, Pilot 2 state `cloud_control_auth`,
 * and the events drc_status_notify / cloud_control_auth_notify / joystick_invalid_notify.
 */
import type { ShadowPatch } from '../../../shared/model/device';

/** joystick_invalid_notify reasons (Dock 2 110.drc.md). */
const JOYSTICK_INVALID: Readonly<Record<number, string>> = {
  0: 'the remote controller lost connection',
  1: 'low-battery return home',
  2: 'low-battery landing',
  3: 'close to a flight-restriction zone',
  4: 'the remote controller took over control authority',
};

export function joystickInvalidText(data: unknown): string {
  const r = (data as { reason?: unknown } | null)?.reason;
  return `the aircraft no longer accepts sticks: ${typeof r === 'number' ? JOYSTICK_INVALID[r] ?? `reason ${r}` : 'unknown reason'}.`;
}

export function drcStateOf(patch: ShadowPatch): number | null {
  const v = patch.groups?.drc?.fields.drc_state;
  return typeof v === 'number' ? v : null;
}

/** The authority signal in a patch of the aircraft (dock flow) or the RC (Pilot 2 flow), or undefined when absent. */
export function authoritySignalOf(patch: ShadowPatch, flow: 'dock' | 'pilot'): string | null | undefined {
  const f = patch.groups?.state?.fields;
  if (!f) return undefined;
  if (flow === 'dock') return typeof f.control_source === 'string' ? f.control_source : undefined;
  const keys = f.cloud_control_auth;
  return Array.isArray(keys) ? (keys.includes('flight') ? 'flight' : 'none') : undefined;
}

export function pilotAnswerOf(data: unknown): 'ok' | 'failed' | 'canceled' | null {
  const s = (data as { output?: { status?: unknown } } | null)?.output?.status;
  return s === 'ok' || s === 'failed' || s === 'canceled' ? s : null;
}

export function drcStatusOf(data: unknown): number | null {
  const s = (data as { drc_state?: unknown } | null)?.drc_state;
  return typeof s === 'number' ? s : null;
}
