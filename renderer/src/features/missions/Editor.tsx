/** Route authoring: the take-off dock, global settings, the figures, the waypoint list and the selected waypoint. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { draftHeightMode, isDraftHeightMode, type ExitOnRcLost, type FinishAction, type RcLostAction } from '../../../../shared/wpml';
import { useDevices } from '../../state/hooks';
import { SECURITY_HEIGHT, heightModeOptions, maxSpeedOf, saveProblem } from './editor';
import { NumField, Select } from './fields';
import { formatDistance, formatDuration, heightModeNote, waypointHeightText } from './format';
import { draftFigures, heightAboveTakeOff, takeOffOf } from './geometry';
import { DockSelect } from './DockSelect';
import { edit, missionsStore, say } from './store';
import { WaypointEditor } from './WaypointEditor';

const FINISH: readonly { value: FinishAction; label: string }[] = [
  { value: 'goHome', label: 'Return home' },
  { value: 'autoLand', label: 'Land at the last waypoint' },
  { value: 'gotoFirstWaypoint', label: 'Fly to the first waypoint and hover' },
  { value: 'noAction', label: 'Hover at the last waypoint' },
];
const RC_LOST: readonly { value: string; label: string }[] = [
  { value: 'goContinue', label: 'Continue the route' },
  { value: 'executeLostAction:goBack', label: 'Leave the route: return home' },
  { value: 'executeLostAction:landing', label: 'Leave the route: land' },
  { value: 'executeLostAction:hover', label: 'Leave the route: hover' },
];

async function save(client: OutpostClient): Promise<void> {
  const e = missionsStore.getState().editor;
  const problem = saveProblem(e);
  if (problem) return say(false, problem);
  const r = await client.invoke('missions:saveDraft', { ...(e.id ? { id: e.id } : {}), name: e.name, draft: e.draft });
  if (!r.ok) return say(false, `Not saved: ${r.error.message}`);
  edit({ type: 'saved', id: r.value.id });
  say(true, `Saved "${r.value.name}": ${r.value.waypointCount} waypoints, ${formatDistance(r.value.distanceM)}, about ${formatDuration(r.value.durationS)}.`);
}

export function Editor({ client }: { readonly client: OutpostClient }) {
  const e = useStore(missionsStore, (s) => s.editor);
  const drawing = useStore(missionsStore, (s) => s.drawing);
  const dockSn = useStore(missionsStore, (s) => s.dockSn);
  const devices = useDevices((s) => s.devices);
  const takeOff = useMemo(() => takeOffOf({ devices }, dockSn), [devices, dockSn]);
  const d = e.draft;
  const mode = draftHeightMode(d);
  const modes = heightModeOptions(d, takeOff).map((o) => ({ ...o, title: o.reason }));
  const fig = draftFigures(d);
  const rcLost = d.exitOnRCLost === 'goContinue' ? 'goContinue' : `executeLostAction:${d.executeRCLostAction}`;
  const setRcLost = (v: string): void => {
    const [exit, action] = v.split(':') as [ExitOnRcLost, RcLostAction | undefined];
    edit({ type: 'setGlobal', patch: { exitOnRCLost: exit, ...(action ? { executeRCLostAction: action } : {}) } });
  };
  return (
    <div className="ms-editor" data-testid="missions-editor">
      <label className="ms-field">
        <span>Name</span>
        <input value={e.name} data-testid="route-name" onChange={(ev) => edit({ type: 'rename', name: ev.target.value })} />
      </label>
      <DockSelect label="Take-off dock" />
      <div className="ms-row">
        <button type="button" className={drawing ? 'armed' : ''} data-testid="route-draw" onClick={() => missionsStore.setState({ drawing: !drawing })}>
          {drawing ? 'Stop adding waypoints' : 'Add waypoints on the map'}
        </button>
        <button type="button" data-testid="route-save" disabled={!e.dirty && e.id !== null} onClick={() => void save(client)}>
          Save{e.dirty ? ' *' : ''}
        </button>
        <button type="button" onClick={() => edit({ type: 'new' })}>
          Clear
        </button>
      </div>
      {drawing ? <p className="ms-note">Click on the globe to add a waypoint; drag a waypoint to move it.</p> : null}
      <fieldset className="ms-group">
        <legend>Route</legend>
        <Select
          label="Height mode"
          value={mode}
          options={modes}
          testId="route-height-mode"
          title="wpml:heightMode of the route (template.kml); the aircraft gets the matching executeHeightMode"
          onChange={(v) => isDraftHeightMode(v) && edit({ type: 'setHeightMode', mode: v, takeOff })}
        />
        <p className="muted ms-note" data-testid="route-height-note">
          {heightModeNote(mode, takeOff)}
        </p>
        <NumField label="Speed" unit={`m/s (≤ ${maxSpeedOf(d)})`} step={0.5} value={d.speed} testId="route-speed" onCommit={(v) => v !== null && edit({ type: 'setGlobal', patch: { speed: v } })} />
        <NumField
          label="Take-off security height"
          unit="m"
          title={`${SECURITY_HEIGHT.min}–${SECURITY_HEIGHT.max} m: the aircraft climbs to this before flying to the first waypoint`}
          value={d.takeOffSecurityHeight}
          onCommit={(v) => v !== null && edit({ type: 'setGlobal', patch: { takeOffSecurityHeight: v } })}
        />
        <Select label="When finished" value={d.finishAction} options={FINISH} onChange={(v) => edit({ type: 'setGlobal', patch: { finishAction: v } })} />
        <Select label="RC signal lost" value={rcLost} options={RC_LOST} onChange={setRcLost} />
      </fieldset>
      <p className="ms-figures" data-testid="route-figures">
        {d.waypoints.length} waypoints · {formatDistance(fig.distanceM)} · about {formatDuration(fig.durationS)}
      </p>
      <ol className="ms-wps" data-testid="route-waypoints">
        {d.waypoints.map((w, i) => (
          <li key={i} className={e.selected === i ? 'on' : ''} onClick={() => edit({ type: 'select', index: i })}>
            <span>#{i + 1}</span>
            <span>{waypointHeightText(mode, w.height, heightAboveTakeOff(d, w, takeOff))}</span>
            <span>{w.speed !== undefined ? `${w.speed} m/s` : 'route speed'}</span>
            <span>{w.actions.length ? `${w.actions.length} action${w.actions.length > 1 ? 's' : ''}` : ''}</span>
            <button type="button" title="Remove this waypoint" onClick={(ev) => (ev.stopPropagation(), edit({ type: 'removeWaypoint', index: i }))}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      {e.selected !== null && d.waypoints[e.selected] ? <WaypointEditor key={e.selected} index={e.selected} w={d.waypoints[e.selected]!} maxSpeed={maxSpeedOf(d)} mode={mode} aboveTakeOff={heightAboveTakeOff(d, d.waypoints[e.selected]!, takeOff)} /> : null}
    </div>
  );
}
