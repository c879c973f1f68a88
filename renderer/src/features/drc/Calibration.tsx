/** Calibration screen: live raw axes, per-axis min/centre/max capture, deadband, expo, reverse, stick mode; saved per gamepad. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { AxisCalibration } from '../../../../shared/control/calibration';
import { PHYSICAL_AXES, STICK_MODES, type PhysicalAxis, type StickMode } from '../../../../shared/control/modes';
import type { ControlProfile } from '../../../../shared/control/profile';
import { loadProfile, saveProfile } from './profiles';
import { drcStore } from './store';

const bar = (v: number): string => `${Math.round(((v + 1) / 2) * 100)}%`;

export function Calibration({ onClose }: { readonly onClose: () => void }) {
  const input = useStore(drcStore, (s) => s.input);
  const id = input.gamepadId;
  const [profile, setProfile] = useState<ControlProfile | null>(() => (id ? loadProfile(id) : null));
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
