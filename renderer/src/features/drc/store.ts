/** DRC UI state: sessions (from `drc:state`), latest drc/up telemetry per gateway, and the live input. */
import { createStore } from 'zustand/vanilla';
import type { HoldState } from '../../../../shared/control/hold';
import type { SpeedMode } from '../../../../shared/control/speed';
import type { Sticks } from '../../../../shared/control/sticks';
import type { DrcOsdInfo, DrcSessionView, DrcTelemetry } from '../../../../shared/ipc/drc';

export interface TelemetryState {
  readonly osd?: DrcOsdInfo;
  readonly hsi?: DrcTelemetry['hsi'];
  readonly delay?: DrcTelemetry['delay'];
  readonly at: number;
}

export interface InputStatus {
  readonly source: 'gamepad' | 'keyboard';
  readonly gamepadId: string | null;
  readonly axes: readonly number[];
  /** Indexes of the gamepad buttons held in the last sample. */
  readonly buttons: readonly number[];
  readonly sticks: Sticks;
  /** Last notice for the operator (gamepad unplugged, action not available…). */
  readonly notice: string | null;
}

export interface DrcUiState {
  readonly sessions: Readonly<Record<string, DrcSessionView>>;
  readonly telemetry: Readonly<Record<string, TelemetryState>>;
  readonly input: InputStatus;
  readonly error: string | null;
  /** Stick scale the input loop applies (saved on its own, see profiles.ts). */
  readonly speedMode: SpeedMode;
  /** Return-home button held: how far the hold is (null when not held). */
  readonly rthHold: { readonly state: Exclude<HoldState, 'idle'>; readonly progress: number } | null;
  /** What the last button action did (photo taken, device refused…). */
  readonly action: { readonly ok: boolean; readonly text: string } | null;
}

export const drcStore = createStore<DrcUiState>(() => ({
  sessions: {},
  telemetry: {},
  input: { source: 'keyboard', gamepadId: null, axes: [], buttons: [], sticks: { roll: 0, pitch: 0, throttle: 0, yaw: 0 }, notice: null },
  error: null,
  speedMode: 'normal',
  rthHold: null,
  action: null,
}));

export const receiveSession = (v: DrcSessionView): void => drcStore.setState((s) => ({ sessions: { ...s.sessions, [v.gateway]: v } }));

export const receiveTelemetry = (t: DrcTelemetry): void =>
  drcStore.setState((s) => {
    const prev = s.telemetry[t.gateway] ?? { at: 0 };
    const next: TelemetryState = { ...prev, ...(t.osd ? { osd: t.osd } : {}), ...(t.hsi ? { hsi: t.hsi } : {}), ...(t.delay ? { delay: t.delay } : {}), at: t.at };
    return { telemetry: { ...s.telemetry, [t.gateway]: next } };
  });

export const setInput = (patch: Partial<InputStatus>): void => drcStore.setState((s) => ({ input: { ...s.input, ...patch } }));
export const setError = (error: string | null): void => drcStore.setState({ error });
export const setAction = (ok: boolean, text: string): void => drcStore.setState({ action: { ok, text } });

/** The session the input loop flies: an active one for `gateway`. */
export const activeSession = (gateway: string | null): DrcSessionView | null => {
  if (gateway === null) return null;
  const v = drcStore.getState().sessions[gateway];
  return v && v.phase === 'active' ? v : null;
};
