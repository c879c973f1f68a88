/** Calibration screen: live raw axes, per-axis min/centre/max capture, deadband, expo, reverse, stick mode, button bindings; saved per gamepad. */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AxisCalibration } from '../../../../shared/control/calibration';
import { PHYSICAL_AXES, STICK_MODES, type PhysicalAxis, type StickMode } from '../../../../shared/control/modes';
import { BUTTON_ACTIONS, bindButton, newlyPressed, type ButtonAction, type ControlProfile } from '../../../../shared/control/profile';
import { ACTION_TEXT } from './actions';
import { buttonName } from './KeyHelp';
import { loadProfile, saveProfile } from './profiles';
import { drcStore } from './store';

const bar = (v: number): string => `${Math.round(((v + 1) / 2) * 100)}%`;

export function Calibration({ onClose }: { readonly onClose: () => void }) {
  const input = useStore(drcStore, (s) => s.input);
  const id = input.gamepadId;
  const [profile, setProfile] = useState<ControlProfile | null>(() => (id ? loadProfile(id) : null));
  // Binding capture: the next button pressed on the gamepad is bound to `capturing`.
  const [capturing, setCapturing] = useState<ButtonAction | null>(null);
  const heldAtStart = useRef<readonly number[]>([]);
  useEffect(() => {
    if (capturing === null || profile === null) return;
    const pressed = newlyPressed(heldAtStart.current, input.buttons);
    if (pressed === null) {
      heldAtStart.current = heldAtStart.current.filter((i) => input.buttons.includes(i)); // released ones count again
      return;
    }
    const r = bindButton(profile, capturing, pressed);
    if (r.ok) setProfile(r.value);
    setCapturing(null);
  }, [capturing, input.buttons, profile]);
  if (!id || !profile) {
    return (
      <div className="drc-calibration" data-testid="drc-calibration">
        <p>No gamepad: press a button on it to wake it up. Meanwhile the keyboard flies: see “Keys and buttons”.</p>
        <button onClick={onClose}>Close</button>
      </div>
    );
  }
  const setAxis = (a: PhysicalAxis, patch: Partial<AxisCalibration>): void => setProfile({ ...profile, axes: { ...profile.axes, [a]: { ...profile.axes[a], ...patch } } });
  const raw = (a: PhysicalAxis): number => input.axes[profile.axisIndex[a]] ?? 0;
  return (
    <div className="drc-calibration" data-testid="drc-calibration">
      <header>
        Calibrate <span className="muted">{id}</span>
      </header>
      <label>
        Stick mode{' '}
        <select value={profile.mode} onChange={(e) => setProfile({ ...profile, mode: Number(e.target.value) as StickMode })}>
          {STICK_MODES.map((m) => (
            <option key={m} value={m}>
              Mode {m}
            </option>
          ))}
        </select>
      </label>
      {PHYSICAL_AXES.map((a) => {
        const c = profile.axes[a];
        return (
          <div key={a} className="drc-axis" data-testid={`drc-axis-${a}`}>
            <span>{a}</span>
            <div className="drc-axis-bar">
              <i style={{ left: bar(raw(a)) }} />
            </div>
            <button onClick={() => setAxis(a, { min: Math.min(raw(a), c.center - 0.05) })}>min</button>
            <button onClick={() => setAxis(a, { center: raw(a) })}>centre</button>
            <button onClick={() => setAxis(a, { max: Math.max(raw(a), c.center + 0.05) })}>max</button>
            <label>
              db <input type="number" min={0} max={0.5} step={0.01} value={c.deadband} onChange={(e) => setAxis(a, { deadband: Number(e.target.value) })} />
            </label>
            <label>
              expo <input type="number" min={0} max={1} step={0.05} value={c.expo} onChange={(e) => setAxis(a, { expo: Number(e.target.value) })} />
            </label>
            <label>
              rev <input type="checkbox" checked={c.reverse} onChange={(e) => setAxis(a, { reverse: e.target.checked })} />
            </label>
          </div>
        );
      })}
      <p className="muted">
        sticks: roll {input.sticks.roll.toFixed(2)} pitch {input.sticks.pitch.toFixed(2)} throttle {input.sticks.throttle.toFixed(2)} yaw {input.sticks.yaw.toFixed(2)}
      </p>
      <p className="muted" data-testid="drc-buttons">buttons held: {input.buttons.length > 0 ? input.buttons.join(', ') : '--'}</p>
      <div className="drc-bindings" data-testid="drc-bindings">
        {BUTTON_ACTIONS.map((a) => {
          const i = profile.buttons[a];
          return (
            <div key={a} className="drc-binding" data-testid={`drc-binding-${a}`}>
              <span>{ACTION_TEXT[a]}</span>
              <span data-testid={`drc-binding-${a}-button`}>{capturing === a ? 'press a button…' : i === null ? 'unbound' : buttonName(i)}</span>
              <button
                onClick={() => {
                  heldAtStart.current = input.buttons;
                  setCapturing(capturing === a ? null : a);
                }}
              >
                {capturing === a ? 'Cancel' : 'Bind'}
              </button>
              <button
                disabled={i === null}
                onClick={() => {
                  const r = bindButton(profile, a, null);
                  if (r.ok) setProfile(r.value);
                }}
              >
                Clear
              </button>
            </div>
          );
        })}
      </div>
      <button
        onClick={() => {
          saveProfile(id, profile);
          onClose();
        }}
      >
        Save for this gamepad
      </button>
      <button onClick={onClose}>Cancel</button>
    </div>
  );
}
