/** flighttask_progress event data → a task patch (the docs' example shape: data.result + data.output.*). */
import type { TaskStatus } from '../../../shared/ipc/missions';
import type { TaskPatch } from './store';

const STATUSES: readonly TaskStatus[] = ['sent', 'in_progress', 'paused', 'ok', 'partially_done', 'failed', 'canceled', 'rejected', 'timeout'];
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export interface ProgressInfo {
  readonly flightId: string | null;
  readonly patch: TaskPatch;
}

export function progressOf(data: unknown): ProgressInfo {
  const d = obj(data);
  const out = obj(d.output);
  const ext = obj(out.ext);
  const progress = obj(out.progress);
  const status = typeof out.status === 'string' && (STATUSES as readonly string[]).includes(out.status) ? (out.status as TaskStatus) : undefined;
  const result = num(d.result);
  const flightId = typeof ext.flight_id === 'string' && ext.flight_id ? ext.flight_id : null;
  const patch: TaskPatch = {
    ...(status ? { status } : {}),
    ...(num(progress.percent) !== undefined ? { percent: Math.max(0, Math.min(100, Math.round(num(progress.percent) ?? 0))) } : {}),
    ...(num(progress.current_step) !== undefined ? { currentStep: num(progress.current_step) } : {}),
    ...(num(ext.current_waypoint_index) !== undefined ? { waypointIndex: num(ext.current_waypoint_index) } : {}),
    ...(num(ext.wayline_mission_state) !== undefined ? { waylineMissionState: num(ext.wayline_mission_state) } : {}),
    ...(num(ext.media_count) !== undefined ? { mediaCount: num(ext.media_count) } : {}),
    ...(result !== undefined && result !== 0 ? { errorCode: result } : {}),
  };
  return { flightId, patch };
}

export const isFinal = (s: TaskStatus): boolean => s === 'ok' || s === 'failed' || s === 'canceled' || s === 'partially_done' || s === 'rejected' || s === 'timeout';
