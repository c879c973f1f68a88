/**
 * The input loop: reads the gamepad (Gamepad API) or the keyboard, runs the calibration chain and the
 * speed mode (shared/control), and sends `drc:sticks` with the sample time for the active session. A
 * vanished gamepad is reported at once (`active: false`), so the core goes neutral at its next tick.
 * Button actions (gamepad buttons and their keyboard keys) go to the ActionRunner on every sample.
 */
import { heldActions } from '../../../../shared/control/actions';
import { sticksFromGamepad, type ButtonAction, type ControlProfile } from '../../../../shared/control/profile';
import { scaleSticks } from '../../../../shared/control/speed';
import { NEUTRAL, type Sticks } from '../../../../shared/control/sticks';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { ActionRunner } from './actions';
import { actionOfKey, ESTOP_KEY, isFlightKey, sticksFromKeys } from './keyboard';
import { loadSpeedMode } from './profiles';
import { activeSession, drcStore, setError, setInput } from './store';

export interface InputLoopDeps {
  readonly client: OutpostClient;
  /** The gateway the operator is flying (selected device's gateway). */
  readonly gateway: () => string | null;
  readonly profile: (gamepadId: string) => ControlProfile;
  readonly periodMs?: number;
}

export function emergencyStop(client: OutpostClient, gateway: string | null): void {
  if (gateway === null) return setError('Emergency stop: select the dock or remote controller first.');
  void client.invoke('drc:emergencyStop', { gateway }).then((r) => setError(r.ok ? null : `Emergency stop: ${r.error.message}`));
}

export function startInputLoop(d: InputLoopDeps): () => void {
  const keys = new Set<string>();
  /** Action keys pressed since the last sample: a tap shorter than one tick still counts once. */
  const tapped = new Set<ButtonAction>();
  let keyboardEngaged = false;
  let padId: string | null = null;
  let released: string | null = null;
  const actions = new ActionRunner({ client: d.client, gateway: d.gateway, emergencyStop: () => emergencyStop(d.client, d.gateway()) });
  drcStore.setState({ speedMode: loadSpeedMode() });

  const send = (sticks: Sticks, extra: { active?: boolean; why?: string } = {}): void => {
    const gw = d.gateway();
    const s = activeSession(gw);
    if (!s || gw === null) return;
    d.client.send('drc:sticks', { gateway: gw, sessionId: s.id, sticks, sampledAt: Date.now(), ...extra });
  };
  const release = (why: string): void => {
    released = why;
    send(NEUTRAL, { active: false, why });
    setInput({ sticks: NEUTRAL, notice: why });
  };
  /** Held keyboard actions, plus this sample's taps. */
  const keyActions = (): Set<ButtonAction> => {
    const held = new Set<ButtonAction>(tapped);
    tapped.clear();
    for (const k of keys) {
      const a = actionOfKey(k);
      if (a) held.add(a);
    }
    return held;
  };

  const tick = (): void => {
    const pads = typeof navigator.getGamepads === 'function' ? [...navigator.getGamepads()] : [];
    const pad = pads.find((p) => p !== null && p.connected) ?? null;
    const held = keyActions();
    const speed = drcStore.getState().speedMode;
    if (pad) {
      padId = pad.id;
      const profile = d.profile(pad.id);
      const sticks = sticksFromGamepad([...pad.axes], profile, speed);
      const pressed = pad.buttons.map((b) => b.pressed);
      for (const a of heldActions(pressed, profile)) held.add(a);
      actions.sample(held, Date.now());
      released = null;
      const buttons = pressed.flatMap((p, i) => (p ? [i] : []));
      setInput({ source: 'gamepad', gamepadId: pad.id, axes: [...pad.axes], buttons, sticks, notice: null });
      return send(sticks);
    }
    actions.sample(held, Date.now());
    if (padId !== null) {
      padId = null;
      keyboardEngaged = false;
      return release('Gamepad disconnected: holding position.');
    }
    if (released !== null && !keyboardEngaged) return send(NEUTRAL, { active: false, why: released });
    const sticks = scaleSticks(sticksFromKeys(keys), speed);
    setInput({ source: 'keyboard', gamepadId: null, axes: [], buttons: [], sticks });
    send(sticks);
  };

  const typing = (e: KeyboardEvent): boolean => e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
  const onKeyDown = (e: KeyboardEvent): void => {
    if (typing(e)) return;
    if (e.key === ESTOP_KEY) {
      e.preventDefault();
      return emergencyStop(d.client, d.gateway());
    }
    // Ctrl/Cmd/Alt combinations stay the browser's (Ctrl+R, Ctrl+P, Ctrl+−…).
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action = actionOfKey(e.key);
    if (action) {
      e.preventDefault();
      if (!e.repeat) tapped.add(action);
      keys.add(e.key.toLowerCase());
      return;
    }
    if (!isFlightKey(e.key)) return;
    e.preventDefault();
    keys.add(e.key.toLowerCase());
    keyboardEngaged = true;
    released = null;
  };
  const onKeyUp = (e: KeyboardEvent): void => void keys.delete(e.key.toLowerCase());
  // A key let go while the window is not focused never sends keyup: forget every key on blur.
  const onBlur = (): void => keys.clear();
  const onPadGone = (): void => {
    // Do not wait for the next tick: tell the core now.
    if (padId !== null && !navigator.getGamepads().some((p) => p !== null && p.connected)) {
      padId = null;
      release('Gamepad disconnected: holding position.');
    }
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') release('Window hidden: holding position.');
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);
  window.addEventListener('gamepaddisconnected', onPadGone);
  document.addEventListener('visibilitychange', onHidden);
  const timer = window.setInterval(tick, d.periodMs ?? 40);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', onBlur);
    window.removeEventListener('gamepaddisconnected', onPadGone);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
