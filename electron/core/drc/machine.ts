/**
 * The DRC session state machine, pure: (state, event) → (state, effects). The session shell
 * (session.ts) performs the effects and feeds results back as events; timers live there.
 *
 * Dock flow (Dock 2 110.drc.md): flight_authority_grab (+ payload_authority_grab) → drc_mode_enter
 * → heart_beat + sticks on drc/down → drc_mode_exit. Pilot 2 flow (RC Pro 30.drc.md):
 * cloud_control_auth_request → event cloud_control_auth_notify → drc_mode_enter → … → cloud_control_release.
 */
import type { DrcEndReason, DrcFlow, DrcPhase } from '../../../shared/ipc/drc';

export interface MachineState {
  readonly phase: DrcPhase;
  readonly flow: DrcFlow;
  /** Payload authority still to grab (dock flow). */
  readonly payloadPending: boolean;
  readonly end: { readonly reason: DrcEndReason; readonly message: string } | null;
}

export type DrcEvent =
  | { readonly type: 'grab_ok'; readonly what: 'flight' | 'payload' }
  | { readonly type: 'grab_failed'; readonly what: 'flight' | 'payload'; readonly code: string; readonly message: string }
  | { readonly type: 'auth_request_ok' }
  | { readonly type: 'auth_request_failed'; readonly code: string; readonly message: string }
  | { readonly type: 'auth_notify'; readonly status: 'ok' | 'failed' | 'canceled' }
  | { readonly type: 'pilot_timeout'; readonly ms: number }
  | { readonly type: 'enter_ok' }
  | { readonly type: 'enter_failed'; readonly code: string; readonly message: string }
  | { readonly type: 'heartbeat_lost'; readonly silentMs: number }
  | { readonly type: 'broker_down'; readonly detail: string }
  | { readonly type: 'authority_taken' }
  | { readonly type: 'authority_lost'; readonly detail: string }
  | { readonly type: 'device_left'; readonly detail: string }
  | { readonly type: 'exit' }
  | { readonly type: 'exit_done'; readonly ok: boolean; readonly message: string }
  | { readonly type: 'engine_stopping' };

/** What the shell must do. `call` results come back as the matching *_ok / *_failed event. */
export type DrcEffect =
  | { readonly kind: 'call'; readonly method: 'flight_authority_grab' | 'payload_authority_grab' | 'cloud_control_auth_request' | 'drc_mode_enter' | 'drc_mode_exit' }
  /** Fire-and-forget clean-up calls whose result changes nothing. */
  | { readonly kind: 'cleanup'; readonly method: 'drc_mode_exit' | 'cloud_control_release' }
  | { readonly kind: 'revoke_credentials' }
  | { readonly kind: 'wait_pilot' }
  | { readonly kind: 'start_link' }
  | { readonly kind: 'stop_link' };

export interface Step {
  readonly state: MachineState;
  readonly effects: readonly DrcEffect[];
}

export function initial(flow: DrcFlow, withPayload: boolean): Step {
  const state: MachineState = { phase: flow === 'dock' ? 'grabbing' : 'requesting', flow, payloadPending: flow === 'dock' && withPayload, end: null };
  return { state, effects: [{ kind: 'call', method: flow === 'dock' ? 'flight_authority_grab' : 'cloud_control_auth_request' }] };
}

const call = (method: Extract<DrcEffect, { kind: 'call' }>['method']): DrcEffect => ({ kind: 'call', method });
/** drc_mode_enter carries broker credentials issued for this session only (the shell mints them). */
const enter: readonly DrcEffect[] = [call('drc_mode_enter')];

/** End the session; `cleanup` says what to tell the device on the way out. */
function ended(s: MachineState, reason: DrcEndReason, message: string, opts: { exitDevice?: boolean; linkUp?: boolean } = {}): Step {
  const effects: DrcEffect[] = [];
  if (opts.linkUp) effects.push({ kind: 'stop_link' });
  if (s.phase === 'entering' || s.phase === 'active' || s.phase === 'exiting') effects.push({ kind: 'revoke_credentials' });
  if (opts.exitDevice) effects.push({ kind: 'cleanup', method: 'drc_mode_exit' });
  // Pilot 2 keeps cloud control until released (RC Pro 30.drc.md "Release cloud control").
  if (s.flow === 'pilot' && (s.phase === 'entering' || s.phase === 'active' || s.phase === 'exiting')) effects.push({ kind: 'cleanup', method: 'cloud_control_release' });
  return { state: { ...s, phase: 'ended', end: { reason, message } }, effects };
}

export function transition(s: MachineState, e: DrcEvent): Step {
  const stay: Step = { state: s, effects: [] };
  if (s.phase === 'ended') {
    // A drc_mode_enter that succeeds after the operator gave up leaves the device in DRC: undo it.
    return e.type === 'enter_ok' ? { state: s, effects: [{ kind: 'cleanup', method: 'drc_mode_exit' }] } : stay;
  }
  const linkUp = s.phase === 'active';
  switch (e.type) {
    case 'engine_stopping':
      return ended(s, 'engine_stopping', 'Outpost is shutting down; DRC was exited.', { exitDevice: s.phase === 'active' || s.phase === 'entering', linkUp });
    case 'broker_down':
      return ended(s, 'broker_down', `The MQTT broker went down (${e.detail}); the aircraft holds position and leaves DRC on its own.`, { linkUp });
    case 'authority_taken':
      return ended(s, 'authority_taken', 'Another operator took flight control of this gateway.', { linkUp });
    case 'exit':
      if (s.phase === 'active') return { state: { ...s, phase: 'exiting' }, effects: [{ kind: 'stop_link' }, call('drc_mode_exit')] };
      if (s.phase === 'exiting') return stay;
      return ended(s, 'cancelled', 'Cancelled by the operator before DRC was active.', { exitDevice: s.phase === 'entering' });
    default:
      break;
  }
  switch (s.phase) {
    case 'grabbing':
      if (e.type === 'grab_ok' && e.what === 'flight' && s.payloadPending) return { state: s, effects: [call('payload_authority_grab')] };
      if (e.type === 'grab_ok') return { state: { ...s, phase: 'entering', payloadPending: false }, effects: enter };
      if (e.type === 'grab_failed') {
        const what = e.what === 'flight' ? 'Flight' : 'Payload';
        return ended(s, e.code === 'timeout' ? 'timeout' : 'authority_refused', `${what} authority was not granted: ${e.message}`);
      }
      return stay;
    case 'requesting':
      if (e.type === 'auth_request_ok') return { state: { ...s, phase: 'awaiting_pilot' }, effects: [{ kind: 'wait_pilot' }] };
      if (e.type === 'auth_request_failed') return ended(s, e.code === 'timeout' ? 'timeout' : 'authority_refused', `Pilot 2 refused the cloud-control request: ${e.message}`);
      return stay;
    case 'awaiting_pilot':
      if (e.type === 'auth_notify' && e.status === 'ok') return { state: { ...s, phase: 'entering' }, effects: enter };
      if (e.type === 'auth_notify' && e.status === 'failed') return ended(s, 'pilot_failed', 'The pilot denied cloud control (or Pilot 2 reported an error).');
      if (e.type === 'auth_notify') return ended(s, 'pilot_canceled', 'The request was canceled: another user asked Pilot 2 for control.');
      if (e.type === 'pilot_timeout') return ended(s, 'timeout', `The pilot did not answer the cloud-control request within ${Math.round(e.ms / 1000)} s.`);
      return stay;
    case 'entering':
      if (e.type === 'enter_ok') return { state: { ...s, phase: 'active' }, effects: [{ kind: 'start_link' }] };
      if (e.type === 'enter_failed') return ended(s, e.code === 'timeout' ? 'timeout' : 'enter_refused', `drc_mode_enter failed: ${e.message}`, { exitDevice: e.code === 'timeout' });
      return stay;
    case 'active':
      if (e.type === 'heartbeat_lost') return ended(s, 'heartbeat_lost', `No heartbeat echo for ${(e.silentMs / 1000).toFixed(1)} s: the DRC link is lost. Sticks stopped.`, { exitDevice: true, linkUp });
      if (e.type === 'authority_lost') return ended(s, 'authority_lost', `Flight control was taken away: ${e.detail}`, { linkUp });
      if (e.type === 'device_left') return ended(s, 'device_left', `The device left DRC: ${e.detail}`, { linkUp });
      return stay;
    case 'exiting':
      if (e.type === 'exit_done') return ended(s, 'exited', e.ok ? 'DRC exited.' : `DRC exit was not confirmed (${e.message}); sticks stopped anyway.`);
      return stay;
  }
}
