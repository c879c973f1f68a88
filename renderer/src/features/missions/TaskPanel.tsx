/**
 * Send a route to a dock as an immediate, timed or conditional task (flighttask_prepare parameters), then follow
 * it: state, current waypoint (highlighted on the map), percent, readable errors, and the control commands.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { FlightTask, TaskControl } from '../../../../shared/ipc/missions';
import { DockSelect } from './DockSelect';
import { NumField, Select } from './fields';
import { executeHeightNote, formatDate, isFinalStatus, missionStateText, TASK_TYPES, taskError, taskLine, taskTypeText } from './format';
import { buildPrepare, defaultForm, RTH_ALTITUDE, type TaskForm } from './taskForm';
import { missionsStore, say, showWayline, taskList } from './store';

const CONTROLS: readonly { action: TaskControl; label: string; when: (t: FlightTask) => boolean }[] = [
  { action: 'execute', label: 'Execute now', when: (t) => t.status === 'sent' },
  { action: 'pause', label: 'Pause', when: (t) => t.status === 'in_progress' },
  { action: 'recovery', label: 'Resume', when: (t) => t.status === 'paused' },
  { action: 'undo', label: 'Cancel task', when: (t) => t.status === 'sent' && t.taskType !== 0 },
  { action: 'stop', label: 'Stop', when: (t) => t.status === 'in_progress' || t.status === 'paused' },
  { action: 'return_home', label: 'Return home', when: () => true },
  { action: 'return_home_cancel', label: 'Cancel return home', when: () => true },
];

async function control(client: OutpostClient, t: FlightTask, action: TaskControl): Promise<void> {
  const r = await client.invoke('missions:control', { gateway: t.gateway, flightId: action.startsWith('return_home') ? null : t.flightId, action });
  if (!r.ok) say(false, `${action.replace(/_/g, ' ')}: ${r.error.message}`);
}

async function send(client: OutpostClient, f: TaskForm): Promise<void> {
  const req = buildPrepare(f, Date.now());
  if (!req.ok) return say(false, req.error.message);
  missionsStore.setState({ message: { ok: true, text: 'Sending the task to the dock…' } });
  const r = await client.invoke('missions:prepare', req.value);
  if (!r.ok) return say(false, `The dock did not take the task: ${r.error.message}`);
  missionsStore.setState((s) => ({ watching: r.value.flightId, tasks: { ...s.tasks, [r.value.flightId]: r.value } }));
  say(true, `Task sent (${taskTypeText(r.value.taskType)}).`);
}

function Progress({ client, t, count }: { readonly client: OutpostClient; readonly t: FlightTask; readonly count: number | null }) {
  const error = taskError(t);
  return (
    <div className="ms-progress" data-testid="task-progress" data-status={t.status} data-waypoint={t.waypointIndex ?? ''}>
      <div className="ms-line">
        <b data-testid="task-status">{taskLine(t, count)}</b>
      </div>
      <div className="ms-bar">
        <div style={{ width: `${t.percent}%` }} />
      </div>
      <div className="muted">
        {t.waylineName} · {taskTypeText(t.taskType)} · {missionStateText(t.waylineMissionState)} · media {t.mediaCount} · {formatDate(t.executeTime)}
      </div>
      {error ? <div className="ms-error" data-testid="task-error">{error}</div> : null}
      <div className="ms-row">
        {CONTROLS.filter((c) => c.when(t) && (!isFinalStatus(t.status) || c.action.startsWith('return_home'))).map((c) => (
          <button key={c.action} type="button" data-testid={`task-${c.action}`} onClick={() => void control(client, t, c.action)}>
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export function TaskPanel({ client }: { readonly client: OutpostClient }) {
  const shown = useStore(missionsStore, (s) => s.shown);
  const dockSn = useStore(missionsStore, (s) => s.dockSn);
  const watching = useStore(missionsStore, (s) => s.watching);
  const tasks = useStore(missionsStore, (s) => s.tasks);
  const [form, setForm] = useState<TaskForm>(defaultForm());
  const set = (p: Partial<TaskForm>): void => setForm((f) => ({ ...f, ...p }));
  // "exit_wayline_when_rc_lost: keep consistent with the KMZ file" (10.dock2/50.wayline.md).
  useEffect(() => {
    if (shown?.draft) set({ exitWaylineWhenRcLost: shown.draft.exitOnRCLost === 'goContinue' ? 0 : 1 });
  }, [shown]);
  const watched = watching ? tasks[watching] : undefined;
  useEffect(() => {
    if (watched && watched.waylineId !== missionsStore.getState().shown?.id) void showWayline(client, watched.waylineId);
  }, [client, watched?.waylineId]);
  const recent = taskList({ ...missionsStore.getState(), tasks }).filter((t) => !dockSn || t.gateway === dockSn).slice(0, 8);
  const full: TaskForm = { ...form, gateway: dockSn ?? '', waylineId: shown?.id ?? '' };
  return (
    <div className="ms-task" data-testid="missions-task">
      <p>
        Route: <b>{shown ? shown.name : '-- choose one in the library --'}</b>
        {shown ? <span className="muted"> · {shown.waypointCount} waypoints · {shown.droneName}</span> : null}
      </p>
      {shown ? <p className="muted ms-note">{executeHeightNote(shown.heightMode)}</p> : null}
      <DockSelect label="Dock" />
      <Select label="Type" value={form.taskType} options={TASK_TYPES} testId="task-type" onChange={(v) => set({ taskType: v })} />
      {form.taskType !== 0 ? (
        <label className="ms-field">
          <span>{form.taskType === 1 ? 'Start at' : 'Window opens'}</span>
          <input type="datetime-local" value={form.executeAt} onChange={(e) => set({ executeAt: e.target.value })} />
        </label>
      ) : null}
      {form.taskType === 2 ? (
        <>
          <label className="ms-field">
            <span>Window closes</span>
            <input type="datetime-local" value={form.windowEnd} onChange={(e) => set({ windowEnd: e.target.value })} />
          </label>
          <NumField label="Battery at least" unit="%" value={form.batteryMin} onCommit={(v) => set({ batteryMin: v ?? 0 })} />
          <NumField label="Storage at least" unit="MB (0 = any)" value={form.storageMin} onCommit={(v) => set({ storageMin: v ?? 0 })} />
        </>
      ) : null}
      <NumField label="RTH altitude" unit={`m (${RTH_ALTITUDE.min}–${RTH_ALTITUDE.max})`} value={form.rthAltitude} testId="task-rth" onCommit={(v) => set({ rthAltitude: v ?? 0 })} />
      <Select label="RTH altitude mode" value={form.rthMode} options={[{ value: 1, label: 'Preset (docks)' }, { value: 0, label: 'Intelligent' }]} onChange={(v) => set({ rthMode: v })} />
      <Select label="Out of control" value={0} options={[{ value: 0, label: 'Return home (the only value docks accept)' }]} onChange={() => undefined} />
      <Select
        label="RC lost on the route"
        value={form.exitWaylineWhenRcLost}
        options={[{ value: 1, label: 'Exit the route, run the RC-lost action' }, { value: 0, label: 'Continue the route' }]}
        onChange={(v) => set({ exitWaylineWhenRcLost: v })}
      />
      <Select label="Precision" value={form.waylinePrecisionType} options={[{ value: 0, label: 'GPS' }, { value: 1, label: 'High-precision RTK' }]} onChange={(v) => set({ waylinePrecisionType: v })} />
      <button type="button" data-testid="task-send" onClick={() => void send(client, full)}>
        Send task
      </button>
      {watched ? <Progress client={client} t={watched} count={shown?.id === watched.waylineId ? shown.waypointCount : null} /> : null}
      <ul className="ms-tasks">
        {recent.map((t) => (
          <li key={t.flightId} className={t.flightId === watching ? 'on' : ''} onClick={() => missionsStore.setState({ watching: t.flightId })}>
            <span>{t.waylineName}</span> <span className="muted">{taskLine(t, null)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
