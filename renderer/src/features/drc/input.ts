/**
 * The input loop: reads the gamepad (Gamepad API) or the keyboard, runs the calibration chain
 * (shared/control), and sends `drc:sticks` with the sample time for the active session. A
 * vanished gamepad is reported at once (`active: false`), so the core goes neutral at its next tick.
 */
import { pressedActions, sticksFromGamepad, type ButtonAction, type ControlProfile } from '../../../../shared/control/profile';
import { NEUTRAL, type Sticks } from '../../../../shared/control/sticks';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { ESTOP_KEY, isFlightKey, sticksFromKeys } from './keyboard';
import { activeSession, setError, setInput } from './store';

export interface InputLoopDeps {
  readonly client: OutpostClient;
  /** The gateway the operator is flying (selected device's gateway). */
  readonly gateway: () => string | null;
  readonly profile: (gamepadId: string) => ControlProfile;
  readonly periodMs?: number;
}

const ACTION_TEXT: Readonly<Record<ButtonAction, string>> = {
  emergency_stop: 'Emergency stop',
  return_home: 'Return home',
  take_photo: 'Take photo',
  record: 'Record',
  gimbal_up: 'Gimbal up',
  gimbal_down: 'Gimbal down',
  zoom_in: 'Zoom in',
  zoom_out: 'Zoom out',
  speed_mode: 'Speed mode',
};

export function emergencyStop(client: OutpostClient, gateway: string | null): void {
  if (gateway === null) return setError('Emergency stop: select the dock or remote controller first.');
  void client.invoke('drc:emergencyStop', { gateway }).then((r) => setError(r.ok ? null : `Emergency stop: ${r.error.message}`));
}

export function startInputLoop(d: InputLoopDeps): () => void {
  const keys = new Set<string>();
  let keyboardEngaged = false;
  let padId: string | null = null;
  let prevButtons: boolean[] = [];
  let released: string | null = null;

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

  const tick = (): void => {
    const pads = typeof navigator.getGamepads === 'function' ? [...navigator.getGamepads()] : [];
    const pad = pads.find((p) => p !== null && p.connected) ?? null;
    if (pad) {
      if (pad.id !== padId) prevButtons = [];
      padId = pad.id;
      const profile = d.profile(pad.id);
      const sticks = sticksFromGamepad([...pad.axes], profile);
      const buttons = pad.buttons.map((b) => b.pressed);
      for (const a of pressedActions(prevButtons, buttons, profile)) onAction(a);
      prevButtons = buttons;
      released = null;
      setInput({ source: 'gamepad', gamepadId: pad.id, axes: [...pad.axes], sticks, notice: null });
      return send(sticks);
    }
    if (padId !== null) {
      padId = null;
      keyboardEngaged = false;
      return release('Gamepad disconnected: holding position.');
    }
    if (released !== null && !keyboardEngaged) return send(NEUTRAL, { active: false, why: released });
    const sticks = sticksFromKeys(keys);
    setInput({ source: 'keyboard', gamepadId: null, axes: [], sticks });
    send(sticks);
  };

  const onAction = (a: ButtonAction): void => {
    if (a === 'emergency_stop') return emergencyStop(d.client, d.gateway());
    setInput({ notice: `${ACTION_TEXT[a]}: bound, but not sent in DRC by this build.` });
  };
  const typing = (e: KeyboardEvent): boolean => e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
  const onKeyDown = (e: KeyboardEvent): void => {
    if (typing(e)) return;
    if (e.key === ESTOP_KEY) {
      e.preventDefault();
      return emergencyStop(d.client, d.gateway());
    }
    if (!isFlightKey(e.key)) return;
    e.preventDefault();
    keys.add(e.key.toLowerCase());
    keyboardEngaged = true;
    released = null;
  };
  const onKeyUp = (e: KeyboardEvent): void => void keys.delete(e.key.toLowerCase());
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
  window.addEventListener('gamepaddisconnected', onPadGone);
  document.addEventListener('visibilitychange', onHidden);
  const timer = window.setInterval(tick, d.periodMs ?? 40);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('gamepaddisconnected', onPadGone);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
