/** One waypoint's settings (height in the route's height mode, speed, heading, turn mode, gimbal pitch) and its actions. */
import { useState } from 'react';
import type { DraftAction, DraftHeightMode, DraftWaypoint } from '../../../../shared/wpml';
import { FOCAL_MM, GIMBAL_PITCH, HEIGHT_LIMIT_M, HOVER_S, heightRangeOf, type WaypointPatch } from './editor';
import { NumField, Select } from './fields';
import { actionText, TURN_MODES } from './format';
import { edit } from './store';

const NEW_ACTIONS: readonly { value: DraftAction['kind']; label: string }[] = [
  { value: 'takePhoto', label: 'Take photo' },
  { value: 'startRecord', label: 'Start recording' },
  { value: 'stopRecord', label: 'Stop recording' },
  { value: 'hover', label: 'Hover' },
  { value: 'gimbalRotate', label: 'Gimbal rotate' },
  { value: 'zoom', label: 'Zoom' },
];

const fresh = (kind: DraftAction['kind']): DraftAction =>
  kind === 'hover' ? { kind, seconds: 5 } : kind === 'gimbalRotate' ? { kind, pitch: -45 } : kind === 'zoom' ? { kind, focalLength: 48 } : { kind };

function ActionRow({ index, at, a }: { readonly index: number; readonly at: number; readonly a: DraftAction }) {
  const set = (action: DraftAction): void => edit({ type: 'updateAction', index, at, action });
  return (
    <li className="ms-action">
      <span>{actionText(a)}</span>
      {a.kind === 'hover' ? <NumField label="" unit={`s (${HOVER_S.min}–${HOVER_S.max})`} step={0.5} value={a.seconds} onCommit={(v) => v !== null && set({ kind: 'hover', seconds: v })} /> : null}
      {a.kind === 'gimbalRotate' ? <NumField label="" unit={`° (${GIMBAL_PITCH.min}…${GIMBAL_PITCH.max})`} value={a.pitch} onCommit={(v) => v !== null && set({ kind: 'gimbalRotate', pitch: v })} /> : null}
      {a.kind === 'zoom' ? <NumField label="" unit={`mm (${FOCAL_MM.min}–${FOCAL_MM.max})`} value={a.focalLength} onCommit={(v) => v !== null && set({ kind: 'zoom', focalLength: v })} /> : null}
      <button type="button" title="Remove this action" onClick={() => edit({ type: 'removeAction', index, at })}>
        ✕
      </button>
    </li>
  );
}

export function WaypointEditor(p: {
  readonly index: number;
  readonly w: DraftWaypoint;
  readonly maxSpeed: number;
  readonly mode: DraftHeightMode;
  /** Metres above the take-off point (null: an altitude with no take-off point known). */
  readonly aboveTakeOff: number | null;
}) {
  const { index, w, maxSpeed } = p;
  const [kind, setKind] = useState<DraftAction['kind']>('takePhoto');
  const up = (patch: WaypointPatch): void => edit({ type: 'updateWaypoint', index, patch });
  const r = heightRangeOf(p.mode);
  const egm = p.mode === 'EGM96';
  const heightUnit = egm ? 'm ASL (EGM96)' : `m above take-off (±${HEIGHT_LIMIT_M})`;
  return (
    <fieldset className="ms-group" data-testid="waypoint-editor">
      <legend>
        Waypoint {index + 1} <span className="muted">{w.lat.toFixed(6)}, {w.lon.toFixed(6)}</span>
      </legend>
      <NumField
        label={egm ? 'Altitude' : 'Height'}
        unit={heightUnit}
        step={1}
        value={w.height}
        testId="wp-height"
        title={egm ? `Altitude above mean sea level, EGM96 (${r.min}…${r.max} m)` : undefined}
        onCommit={(v) => v !== null && up({ height: v })}
      />
      {egm ? (
        <p className="muted ms-note" data-testid="wp-above-takeoff">
          {p.aboveTakeOff === null ? 'No take-off point known to compare with.' : `${p.aboveTakeOff.toFixed(1)} m above the take-off point.`}
        </p>
      ) : null}
      <NumField label="Speed" unit={`m/s (≤ ${maxSpeed})`} step={0.5} value={w.speed} placeholder="route speed" testId="wp-speed" onCommit={(v) => up({ speed: v })} />
      <NumField label="Heading" unit="° (-180…180)" value={w.heading} placeholder="follow route" onCommit={(v) => up({ heading: v })} />
      <Select
        label="Turn"
        value={w.turnMode ?? 'toPointAndStopWithDiscontinuityCurvature'}
        options={TURN_MODES}
        onChange={(v) => up({ turnMode: v })}
      />
      <NumField label="Gimbal pitch" unit={`° (${GIMBAL_PITCH.min}…${GIMBAL_PITCH.max})`} value={w.gimbalPitch} placeholder="0" onCommit={(v) => up({ gimbalPitch: v })} />
      <ul className="ms-actions-list">
        {w.actions.map((a, at) => (
          <ActionRow key={at} index={index} at={at} a={a} />
        ))}
      </ul>
      <div className="ms-row">
        <Select label="Action" value={kind} options={NEW_ACTIONS} onChange={setKind} />
        <button type="button" data-testid="wp-add-action" onClick={() => edit({ type: 'addAction', index, action: fresh(kind) })}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
