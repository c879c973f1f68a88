/** SQL of the missions capability: waylines, flight tasks and their event history (migration 0005). */
import type { FlightTask, TaskEvent, TaskStatus, WaylineDetail, WaylineSummary } from '../../../shared/ipc/missions';
import { errorText } from '../../../shared/protocol/errors';
import type { RouteDraft } from '../../../shared/wpml';
import type { Db } from '../store/db';
import { fromJson } from '../store/json';
import { MISSIONS_SCHEMA } from '../store/migrations/0005_missions';

export type WaylineRow = Omit<WaylineDetail, 'droneName'>;

interface WRow {
  id: string; name: string; drone_enum: number; drone_sub_enum: number; payload_enums: string; template_types: string;
  distance_m: number; duration_s: number; waypoint_count: number; height_mode: string; path: string; draft: string | null;
  favourite: number; md5: string; size_bytes: number; created_at: number; updated_at: number;
}

interface TRow {
  flight_id: string; gateway_sn: string; wayline_id: string; wayline_name: string; task_type: number; execute_time: number | null;
  prepare: string; status: string; percent: number; current_step: number | null; waypoint_index: number | null;
  mission_state: number | null; media_count: number; error_code: number | null; created_at: number; updated_at: number;
}

export interface TaskPatch {
  readonly status?: TaskStatus;
  readonly percent?: number;
  readonly currentStep?: number | null;
  readonly waypointIndex?: number | null;
  readonly waylineMissionState?: number | null;
  readonly mediaCount?: number;
  readonly errorCode?: number | null;
}

export class MissionStore {
  constructor(private readonly db: Db) {
    // Idempotent: the tables exist even before the lead lists 0005 in the migration index.
    db.exec(MISSIONS_SCHEMA);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  insertWayline(w: WaylineRow): void {
    this.db
      .prepare(
        `INSERT INTO waylines (id, name, drone_enum, drone_sub_enum, payload_enums, template_types, distance_m, duration_s, waypoint_count,
          height_mode, path, draft, favourite, md5, size_bytes, created_at, updated_at)
         VALUES (@id, @name, @drone_enum, @drone_sub_enum, @payload_enums, @template_types, @distance_m, @duration_s, @waypoint_count,
          @height_mode, @path, @draft, @favourite, @md5, @size_bytes, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, drone_enum = excluded.drone_enum, drone_sub_enum = excluded.drone_sub_enum,
          payload_enums = excluded.payload_enums, template_types = excluded.template_types, distance_m = excluded.distance_m,
          duration_s = excluded.duration_s, waypoint_count = excluded.waypoint_count, height_mode = excluded.height_mode, path = excluded.path,
          draft = excluded.draft, md5 = excluded.md5, size_bytes = excluded.size_bytes, updated_at = excluded.updated_at`,
      )
      .run({
        id: w.id, name: w.name, drone_enum: w.droneEnumValue, drone_sub_enum: w.droneSubEnumValue, payload_enums: JSON.stringify(w.payloadEnumValues),
        template_types: w.templateTypes.join(','), distance_m: w.distanceM, duration_s: w.durationS, waypoint_count: w.waypointCount,
        height_mode: w.heightMode, path: JSON.stringify(w.path), draft: w.draft ? JSON.stringify(w.draft) : null, favourite: w.favourite ? 1 : 0,
        md5: w.md5, size_bytes: w.sizeBytes, created_at: w.createdAt, updated_at: w.updatedAt,
      });
  }

  wayline(id: string): WaylineRow | null {
    const r = this.db.prepare('SELECT * FROM waylines WHERE id = ?').get(id) as WRow | undefined;
    return r ? toWayline(r) : null;
  }

  waylines(): WaylineRow[] {
    return (this.db.prepare('SELECT * FROM waylines ORDER BY favourite DESC, updated_at DESC').all() as WRow[]).map(toWayline);
  }

  deleteWayline(id: string): boolean {
    return this.db.prepare('DELETE FROM waylines WHERE id = ?').run(id).changes > 0;
  }

  setFavourite(id: string, favourite: boolean): boolean {
    return this.db.prepare('UPDATE waylines SET favourite = ? WHERE id = ?').run(favourite ? 1 : 0, id).changes > 0;
  }

  insertTask(t: { flightId: string; gateway: string; waylineId: string; waylineName: string; taskType: number; executeTime: number | null; prepare: unknown; at: number }): void {
    this.db
      .prepare(
        `INSERT INTO flight_tasks (flight_id, gateway_sn, wayline_id, wayline_name, task_type, execute_time, prepare, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'created', ?, ?)`,
      )
      .run(t.flightId, t.gateway, t.waylineId, t.waylineName, t.taskType, t.executeTime, JSON.stringify(t.prepare), t.at, t.at);
  }

  updateTask(flightId: string, p: TaskPatch, at: number): FlightTask | null {
    const sets: string[] = ['updated_at = @at'];
    const cols: Record<string, unknown> = { at, id: flightId };
    const put = (col: string, v: unknown): void => {
      if (v === undefined) return;
      sets.push(`${col} = @${col}`);
      cols[col] = v;
    };
    put('status', p.status);
    put('percent', p.percent);
    put('current_step', p.currentStep);
    put('waypoint_index', p.waypointIndex);
    put('mission_state', p.waylineMissionState);
    put('media_count', p.mediaCount);
    put('error_code', p.errorCode);
    this.db.prepare(`UPDATE flight_tasks SET ${sets.join(', ')} WHERE flight_id = @id`).run(cols);
    return this.task(flightId);
  }

  task(flightId: string): FlightTask | null {
    const r = this.db.prepare('SELECT * FROM flight_tasks WHERE flight_id = ?').get(flightId) as TRow | undefined;
    return r ? toTask(r) : null;
  }

  prepareData(flightId: string): unknown {
    const r = this.db.prepare('SELECT prepare FROM flight_tasks WHERE flight_id = ?').get(flightId) as { prepare: string } | undefined;
    return r ? fromJson(r.prepare) : null;
  }

  tasks(q: { gateway?: string; limit?: number }): FlightTask[] {
    const limit = Math.max(1, Math.min(1000, q.limit ?? 100));
    const rows = q.gateway
      ? (this.db.prepare('SELECT * FROM flight_tasks WHERE gateway_sn = ? ORDER BY created_at DESC LIMIT ?').all(q.gateway, limit) as TRow[])
      : (this.db.prepare('SELECT * FROM flight_tasks ORDER BY created_at DESC LIMIT ?').all(limit) as TRow[]);
    return rows.map(toTask);
  }

  addEvent(flightId: string, method: string, data: unknown, at: number): void {
    this.db.prepare('INSERT INTO flight_task_events (flight_id, method, data, received_at) VALUES (?, ?, ?, ?)').run(flightId, method, JSON.stringify(data ?? null), at);
  }

  events(flightId: string): TaskEvent[] {
    const rows = this.db.prepare('SELECT * FROM flight_task_events WHERE flight_id = ? ORDER BY id').all(flightId) as { id: number; flight_id: string; method: string; data: string; received_at: number }[];
    return rows.map((r) => ({ id: r.id, flightId: r.flight_id, method: r.method, data: fromJson(r.data), receivedAt: r.received_at }));
  }
}

function toWayline(r: WRow): WaylineRow {
  return {
    id: r.id, name: r.name, droneEnumValue: r.drone_enum, droneSubEnumValue: r.drone_sub_enum,
    payloadEnumValues: (fromJson(r.payload_enums) as number[] | null) ?? [], templateTypes: r.template_types ? r.template_types.split(',') : [],
    distanceM: r.distance_m, durationS: r.duration_s, waypointCount: r.waypoint_count, favourite: r.favourite === 1, md5: r.md5,
    sizeBytes: r.size_bytes, createdAt: r.created_at, updatedAt: r.updated_at, heightMode: r.height_mode,
    path: (fromJson(r.path) as WaylineDetail['path'] | null) ?? [], draft: (fromJson(r.draft) as RouteDraft | null) ?? null,
  };
}

function toTask(r: TRow): FlightTask {
  return {
    flightId: r.flight_id, gateway: r.gateway_sn, waylineId: r.wayline_id, waylineName: r.wayline_name, taskType: r.task_type as 0 | 1 | 2,
    executeTime: r.execute_time, status: r.status as TaskStatus, percent: r.percent, currentStep: r.current_step, waypointIndex: r.waypoint_index,
    waylineMissionState: r.mission_state, mediaCount: r.media_count, errorCode: r.error_code,
    errorText: r.error_code ? errorText(r.error_code) : null, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const toSummary = (w: WaylineRow, droneName: string): WaylineSummary => ({
  id: w.id, name: w.name, droneEnumValue: w.droneEnumValue, droneSubEnumValue: w.droneSubEnumValue, droneName,
  payloadEnumValues: w.payloadEnumValues, templateTypes: w.templateTypes, distanceM: w.distanceM, durationS: w.durationS,
  waypointCount: w.waypointCount, favourite: w.favourite, md5: w.md5, sizeBytes: w.sizeBytes, createdAt: w.createdAt, updatedAt: w.updatedAt,
});
