/** Pure text for the missions panel: distances, durations, task states, import problems. Unknown is "--". */
import type { FlightTask, TaskStatus } from '../../../../shared/ipc/missions';
import { ellipsoidToEgm96, geoidHeight, type DraftAction, type DraftHeightMode, type TurnMode, type WpmlIssue } from '../../../../shared/wpml';
import type { GeoPoint } from './geometry';

export function formatDistance(m: number | null | undefined): string {
  if (m === null || m === undefined || !Number.isFinite(m)) return '--';
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(m < 10_000 ? 2 : 1)} km`;
}

export function formatDuration(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s) || s < 0) return '--';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return m > 0 ? `${m} min ${String(sec).padStart(2, '0')} s` : `${sec} s`;
}

const STATUS: Readonly<Record<TaskStatus, string>> = {
  created: 'Created',
  sent: 'Sent to the dock',
  in_progress: 'In progress',
  paused: 'Paused',
  ok: 'Completed',
  partially_done: 'Partially done',
  failed: 'Failed',
  canceled: 'Canceled',
  rejected: 'Rejected by the dock',
  timeout: 'Timed out',
};
export const statusText = (s: TaskStatus): string => STATUS[s] ?? s;
export const isFinalStatus = (s: TaskStatus): boolean => ['ok', 'failed', 'canceled', 'partially_done', 'rejected', 'timeout'].includes(s);

/** wayline_mission_state (10.dock2/50.wayline.md flighttask_progress ext). */
const MISSION_STATE: Readonly<Record<number, string>> = {
  0: 'Disconnected',
  1: 'Waypoint mission not supported',
  2: 'Wayline ready',
  3: 'Uploading the wayline',
  4: 'Triggering the wayline',
  5: 'Flying to the first waypoint',
  6: 'Executing the wayline',
  7: 'Interrupted',
  8: 'Recovering',
  9: 'Wayline completed',
};
export const missionStateText = (v: number | null): string => (v === null ? '--' : (MISSION_STATE[v] ?? `State ${v}`));

export const TASK_TYPES = [
  { value: 0, label: 'Immediate' },
  { value: 1, label: 'Timed' },
  { value: 2, label: 'Conditional' },
] as const;
export const taskTypeText = (t: 0 | 1 | 2): string => TASK_TYPES[t]?.label ?? String(t);

/** One line per task for the list: "In progress · waypoint 3/4 · 60 %", with the error when there is one. */
export function taskLine(t: FlightTask, waypointCount: number | null): string {
  const parts = [statusText(t.status)];
  if (t.waypointIndex !== null) parts.push(`waypoint ${t.waypointIndex + 1}${waypointCount ? `/${waypointCount}` : ''}`);
  parts.push(`${t.percent} %`);
  return parts.join(' · ');
}

export function taskError(t: FlightTask): string | null {
  if (t.errorCode === null) return null;
  return `${t.errorText ?? 'Unknown error'} (code ${t.errorCode})`;
}

/** The problems of a refused KMZ, each naming the file, the element and the line (details.issues from the importer). */
export function issueLines(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i): i is WpmlIssue => typeof i === 'object' && i !== null && typeof (i as WpmlIssue).message === 'string')
    .map((i) => `${i.file} · <${i.element}>${i.line !== null && i.line !== undefined ? ` · line ${i.line}` : ''}: ${i.message}`);
}

export const TURN_MODES: readonly { readonly value: TurnMode; readonly label: string }[] = [
  { value: 'toPointAndStopWithDiscontinuityCurvature', label: 'Stop at point (straight)' },
  { value: 'toPointAndStopWithContinuityCurvature', label: 'Stop at point (curved)' },
  { value: 'toPointAndPassWithContinuityCurvature', label: 'Pass through point (curved)' },
  { value: 'coordinateTurn', label: 'Coordinated turn (cut corner)' },
];

export function actionText(a: DraftAction): string {
  switch (a.kind) {
    case 'takePhoto':
      return 'Take photo';
    case 'startRecord':
      return 'Start recording';
    case 'stopRecord':
      return 'Stop recording';
    case 'hover':
      return `Hover ${a.seconds} s`;
    case 'gimbalRotate':
      return `Gimbal pitch ${a.pitch}°`;
    case 'zoom':
      return `Zoom ${a.focalLength} mm`;
  }
}

export function formatDate(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '--';
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const NO_TERRAIN = "No terrain data offline (a smooth ellipsoid): the preview takes the take-off point's height as the ground, where the drop lines end.";
const m1 = (v: number): string => `${v.toFixed(1)} m`;

/** What a drawn route's heights are measured from, and how the terrain-less globe draws them. */
export function heightModeNote(mode: DraftHeightMode, takeOff: GeoPoint | null): string {
  if (mode === 'EGM96') {
    const dock = takeOff
      ? ` The dock is at ${m1(ellipsoidToEgm96(takeOff.lat, takeOff.lon, takeOff.height))} altitude (${m1(takeOff.height)} ellipsoid height).`
      : ' No dock position known: the route is drawn at its altitudes, with no take-off point to compare.';
    const n = takeOff ? ` (geoid ${geoidHeight(takeOff.lat, takeOff.lon) >= 0 ? '+' : ''}${m1(geoidHeight(takeOff.lat, takeOff.lon))} here)` : '';
    return `Heights are altitudes above mean sea level (EGM96); the file gives the aircraft WGS84 ellipsoid heights${n}.${dock} ${NO_TERRAIN}`;
  }
  if (!takeOff) return 'No dock position known: heights above the take-off point are drawn above the ellipsoid.';
  return `Heights are above the take-off point: the dock, at ${m1(takeOff.height)} ellipsoid height. ${NO_TERRAIN}`;
}

/** A stored route's heights by its waylines.wpml executeHeightMode, as the task view explains them. */
export function executeHeightNote(executeHeightMode: string): string {
  switch (executeHeightMode) {
    case 'WGS84':
      return 'Heights: WGS84 ellipsoid heights, drawn as written.';
    case 'relativeToStartPoint':
      return "Heights: above the take-off point, drawn from the dock's height.";
    case 'realTimeFollowSurface':
      return `Heights: above the surface, followed in real time by the aircraft. ${NO_TERRAIN}`;
    default:
      return `Heights: ${executeHeightMode}.`;
  }
}

/** A drawn waypoint's height for the list: "20 m" above take-off, or "478.4 m ASL (+30.0)" for an altitude. */
export function waypointHeightText(mode: DraftHeightMode, height: number, aboveTakeOff: number | null): string {
  if (mode !== 'EGM96') return `${height} m`;
  return `${height} m ASL${aboveTakeOff === null ? '' : ` (${aboveTakeOff >= 0 ? '+' : ''}${aboveTakeOff.toFixed(1)})`}`;
}
