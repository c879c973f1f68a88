/** flighttask_prepare request checks (10.dock2/50.wayline.md "Issue a mission"), each naming the field and its range. */
import { z } from 'zod';
import type { TaskPrepareRequest } from '../../../shared/ipc/missions';
import { appError, err, ok, type Result } from '../../../shared/util/result';

const ms = z.number().int().min(0);
export const prepareSchema = z.object({
  gateway: z.string().min(1),
  waylineId: z.string().min(1),
  taskType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  executeTime: ms.optional(),
  readyConditions: z.object({ battery_capacity: z.number().int().min(0).max(100), begin_time: ms, end_time: ms }).optional(),
  executableConditions: z.object({ storage_capacity: z.number().int().min(0) }).optional(),
  breakPoint: z
    .object({ index: z.number().int().min(0), state: z.union([z.literal(0), z.literal(1)]), progress: z.number().min(0).max(1), wayline_id: z.number().int().min(0) })
    .optional(),
  rthAltitude: z.number().int().min(20).max(1500),
  rthMode: z.union([z.literal(0), z.literal(1)]),
  // "the current fixed value is 0, which means return to home"
  outOfControlAction: z.literal(0),
  exitWaylineWhenRcLost: z.union([z.literal(0), z.literal(1)]),
  waylinePrecisionType: z.union([z.literal(0), z.literal(1)]),
});

export function checkPrepare(req: unknown, now: number): Result<TaskPrepareRequest> {
  const r = prepareSchema.safeParse(req);
  if (!r.success) {
    const i = r.error.issues[0];
    return err(appError('invalid_task', `${i?.path.join('.') || 'request'}: ${i?.message ?? 'invalid'}`));
  }
  const v = r.data as TaskPrepareRequest;
  if (v.taskType === 1 && v.executeTime === undefined) return err(appError('invalid_task', 'executeTime is required for a timed task (task_type 1).'));
  if (v.taskType === 1 && (v.executeTime ?? 0) <= now) return err(appError('invalid_task', 'executeTime of a timed task must be in the future.'));
  if (v.taskType === 2 && !v.readyConditions) return err(appError('invalid_task', 'readyConditions are required for a conditional task (task_type 2).'));
  if (v.readyConditions && v.readyConditions.end_time <= v.readyConditions.begin_time) {
    return err(appError('invalid_task', 'readyConditions.end_time must be after begin_time.'));
  }
  return ok(v);
}

/** The wire `data` of flighttask_prepare. */
export function prepareData(v: TaskPrepareRequest, flightId: string, file: { url: string; fingerprint: string }, now: number): Record<string, unknown> {
  return {
    flight_id: flightId,
    execute_time: v.executeTime ?? now,
    task_type: v.taskType,
    // Only 0 (waypoint) is documented for flighttask_prepare (SUMMARY.md §5).
    wayline_type: 0,
    file,
    ...(v.readyConditions ? { ready_conditions: v.readyConditions } : {}),
    ...(v.executableConditions ? { executable_conditions: v.executableConditions } : {}),
    ...(v.breakPoint ? { break_point: v.breakPoint } : {}),
    rth_altitude: v.rthAltitude,
    rth_mode: v.rthMode,
    out_of_control_action: v.outOfControlAction,
    exit_wayline_when_rc_lost: v.exitWaylineWhenRcLost,
    wayline_precision_type: v.waylinePrecisionType,
  };
}
