/** IPC channels of the missions capability (merged into the one contract in ./contract.ts). */
import type { Result } from '../util/result';
import type { PathPoint, RouteDraft } from '../wpml';

/** A stored wayline (KMZ) and its figures. */
export interface WaylineSummary {
  readonly id: string;
  readonly name: string;
  readonly droneEnumValue: number;
  readonly droneSubEnumValue: number;
  readonly droneName: string;
  readonly payloadEnumValues: readonly number[];
  readonly templateTypes: readonly string[];
  readonly distanceM: number;
  readonly durationS: number;
  readonly waypointCount: number;
  readonly favourite: boolean;
  readonly md5: string;
  readonly sizeBytes: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface WaylineDetail extends WaylineSummary {
  readonly heightMode: string;
  readonly path: readonly PathPoint[];
  /** Set when the route was drawn in Outpost (it can be edited again). */
  readonly draft: RouteDraft | null;
}

/** flighttask_prepare fields (10.dock2/50.wayline.md "Issue a mission"); the file URL and fingerprint are added by the core. */
export interface TaskPrepareRequest {
  readonly gateway: string;
  readonly waylineId: string;
  /** 0 immediate, 1 timed, 2 conditional. */
  readonly taskType: 0 | 1 | 2;
  /** ms; required for 0 and 1 (defaults to now for 0). */
  readonly executeTime?: number;
  readonly readyConditions?: { readonly battery_capacity: number; readonly begin_time: number; readonly end_time: number };
  readonly executableConditions?: { readonly storage_capacity: number };
  readonly breakPoint?: { readonly index: number; readonly state: 0 | 1; readonly progress: number; readonly wayline_id: number };
  readonly rthAltitude: number;
  /** 0 intelligent, 1 preset. */
  readonly rthMode: 0 | 1;
  /** 0 return home: the only value docks accept today. */
  readonly outOfControlAction: 0;
  readonly exitWaylineWhenRcLost: 0 | 1;
  /** 0 GPS, 1 high-precision RTK. */
  readonly waylinePrecisionType: 0 | 1;
}

export type TaskStatus = 'created' | 'sent' | 'in_progress' | 'paused' | 'ok' | 'partially_done' | 'failed' | 'canceled' | 'rejected' | 'timeout';

export interface FlightTask {
  readonly flightId: string;
  readonly gateway: string;
  readonly waylineId: string;
  readonly waylineName: string;
  readonly taskType: 0 | 1 | 2;
  readonly executeTime: number | null;
  readonly status: TaskStatus;
  readonly percent: number;
  readonly currentStep: number | null;
  readonly waypointIndex: number | null;
  readonly waylineMissionState: number | null;
  readonly mediaCount: number;
  /** Last non-zero result code and its readable text. */
  readonly errorCode: number | null;
  readonly errorText: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface TaskEvent {
  readonly id: number;
  readonly flightId: string;
  readonly method: string;
  readonly data: unknown;
  readonly receivedAt: number;
}

export type TaskControl = 'execute' | 'pause' | 'recovery' | 'undo' | 'stop' | 'return_home' | 'return_home_cancel';

export interface ReturnHomeInfo {
  readonly gateway: string;
  readonly flightId: string | null;
  readonly path: readonly { readonly latitude: number; readonly longitude: number; readonly height: number }[];
}

export interface MissionsInvokeMap {
  'missions:list': { req: void; res: readonly WaylineSummary[] };
  'missions:get': { req: { id: string }; res: Result<WaylineDetail> };
  /** A KMZ from disk (base64): validated in full, stored only when valid. */
  'missions:import': { req: { name: string; base64: string }; res: Result<WaylineSummary> };
  /** Save a route drawn on the map (new when `id` is absent). */
  'missions:saveDraft': { req: { id?: string; name: string; draft: RouteDraft }; res: Result<WaylineSummary> };
  'missions:export': { req: { id: string }; res: Result<{ name: string; base64: string }> };
  'missions:delete': { req: { id: string }; res: Result<true> };
  'missions:favourite': { req: { id: string; favourite: boolean }; res: Result<true> };
  'missions:prepare': { req: TaskPrepareRequest; res: Result<FlightTask> };
  'missions:control': { req: { gateway: string; flightId: string | null; action: TaskControl }; res: Result<FlightTask | null> };
  'missions:tasks': { req: { gateway?: string; limit?: number }; res: readonly FlightTask[] };
  'missions:taskEvents': { req: { flightId: string }; res: readonly TaskEvent[] };
}
export type MissionsSendMap = Record<never, never>;
export interface MissionsEventMap {
  /** A task changed (flighttask_progress, a control command, a timed start). */
  'missions:task': FlightTask;
  'missions:ready': { readonly gateway: string; readonly flightIds: readonly string[] };
  'missions:returnHome': ReturnHomeInfo;
  /** The stored waylines changed (import, save, delete). */
  'missions:library': readonly WaylineSummary[];
}

export const MISSIONS_INVOKE_CHANNELS = [
  'missions:list',
  'missions:get',
  'missions:import',
  'missions:saveDraft',
  'missions:export',
  'missions:delete',
  'missions:favourite',
  'missions:prepare',
  'missions:control',
  'missions:tasks',
  'missions:taskEvents',
] as const;
export const MISSIONS_SEND_CHANNELS = [] as const;
export const MISSIONS_EVENT_CHANNELS = ['missions:task', 'missions:ready', 'missions:returnHome', 'missions:library'] as const;
