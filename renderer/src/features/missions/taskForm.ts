/**
 * Pure: the "Send task" form → a flighttask_prepare request (10.dock2/50.wayline.md "Issue a mission"). Each
 * problem names the field and its documented range; the core checks the same again (electron/core/missions/prepare.ts).
 */
import type { TaskPrepareRequest } from '../../../../shared/ipc/missions';
import { appError, err, ok, type Result } from '../../../../shared/util/result';

export interface TaskForm {
  readonly gateway: string;
  readonly waylineId: string;
  readonly taskType: 0 | 1 | 2;
  /** datetime-local text ("2025-01-31T14:30"), for timed and conditional tasks. */
  readonly executeAt: string;
  /** Conditional: the window in which the dock may start (datetime-local) and the battery it needs (%). */
  readonly windowEnd: string;
  readonly batteryMin: number;
  readonly storageMin: number;
  readonly rthAltitude: number;
  readonly rthMode: 0 | 1;
  readonly exitWaylineWhenRcLost: 0 | 1;
  readonly waylinePrecisionType: 0 | 1;
}

export const RTH_ALTITUDE = { min: 20, max: 1500 } as const;

export const defaultForm = (gateway = '', waylineId = ''): TaskForm => ({
  gateway,
  waylineId,
  taskType: 0,
  executeAt: '',
  windowEnd: '',
  batteryMin: 50,
  storageMin: 0,
  rthAltitude: 100,
  rthMode: 1,
  exitWaylineWhenRcLost: 1,
  waylinePrecisionType: 0,
});

/** datetime-local text → epoch ms in the operator's time zone, or null. */
export function parseLocal(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const t = new Date(text).getTime();
  return Number.isFinite(t) ? t : null;
}

const bad = (message: string): Result<never> => err(appError('invalid_task', message));

export function buildPrepare(f: TaskForm, now: number): Result<TaskPrepareRequest> {
  if (!f.gateway) return bad('Choose the dock that flies the task.');
  if (!f.waylineId) return bad('Choose a route from the library.');
  if (!Number.isInteger(f.rthAltitude) || f.rthAltitude < RTH_ALTITUDE.min || f.rthAltitude > RTH_ALTITUDE.max) {
    return bad(`rth_altitude must be a whole number of metres in [${RTH_ALTITUDE.min}, ${RTH_ALTITUDE.max}], got ${f.rthAltitude}.`);
  }
  const common = {
    gateway: f.gateway,
    waylineId: f.waylineId,
    rthAltitude: f.rthAltitude,
    rthMode: f.rthMode,
    // "the current fixed value is 0, which means return to home"
    outOfControlAction: 0 as const,
    exitWaylineWhenRcLost: f.exitWaylineWhenRcLost,
    waylinePrecisionType: f.waylinePrecisionType,
  };
  if (f.taskType === 0) return ok({ ...common, taskType: 0 });
  const at = parseLocal(f.executeAt);
  if (at === null) return bad(`execute_time: give a start date and time for a ${f.taskType === 1 ? 'timed' : 'conditional'} task.`);
  if (f.taskType === 1) return at > now ? ok({ ...common, taskType: 1, executeTime: at }) : bad('execute_time of a timed task must be in the future.');
  const end = parseLocal(f.windowEnd);
  if (end === null || end <= at) return bad('ready_conditions.end_time: give an end of the start window after its beginning.');
  if (!Number.isInteger(f.batteryMin) || f.batteryMin < 0 || f.batteryMin > 100) return bad(`ready_conditions.battery_capacity must be 0–100 %, got ${f.batteryMin}.`);
  if (!Number.isInteger(f.storageMin) || f.storageMin < 0) return bad(`executable_conditions.storage_capacity must be a whole number of MB ≥ 0, got ${f.storageMin}.`);
  return ok({
    ...common,
    taskType: 2,
    executeTime: at,
    readyConditions: { battery_capacity: f.batteryMin, begin_time: at, end_time: end },
    ...(f.storageMin > 0 ? { executableConditions: { storage_capacity: f.storageMin } } : {}),
  });
}
