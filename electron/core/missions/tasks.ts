/**
 * Flight tasks: flighttask_prepare with a signed KMZ URL and its MD5, then execute (at once for immediate tasks,
 * at execute_time for timed ones, on flighttask_ready for conditional ones), control commands, and the device's
 * progress / ready / return-home events (10.dock2/50.wayline.md). Every event is stored with its task.
 */
import { randomUUID } from 'node:crypto';
import type { FlightTask, ReturnHomeInfo, TaskControl, TaskPrepareRequest } from '../../../shared/ipc/missions';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { EventBus } from '../ipc/bus';
import type { ServiceCaller } from '../services/caller';
import type { Clock, TimerHandle } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { WaylineLibrary } from './library';
import { checkPrepare, prepareData } from './prepare';
import { isFinal, progressOf } from './progress';
import type { MissionStore } from './store';

export interface TaskDeps {
  readonly store: MissionStore;
  readonly library: WaylineLibrary;
  readonly caller: ServiceCaller;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly log: Logger;
  readonly counters: Counters;
  /** Absolute signed URL of a wayline's KMZ, or null when the HTTP server is not up. */
  readonly urlOf: (waylineId: string) => string | null;
}

const CONTROL: Readonly<Record<TaskControl, string>> = {
  execute: 'flighttask_execute',
  pause: 'flighttask_pause',
  recovery: 'flighttask_recovery',
  undo: 'flighttask_undo',
  stop: 'flighttask_stop',
  return_home: 'return_home',
  return_home_cancel: 'return_home_cancel',
};
// A setTimeout longer than 2^31-1 ms fires at once; far-off timed tasks re-arm in steps.
const MAX_TIMER_MS = 2_000_000_000;

export class TaskManager {
  private readonly timers = new Map<string, TimerHandle>();
  constructor(private readonly d: TaskDeps) {}

  async prepare(req: TaskPrepareRequest): Promise<Result<FlightTask>> {
    const now = this.d.clock.now();
    const v = checkPrepare(req, now);
    if (!v.ok) return v;
    const w = this.d.library.get(v.value.waylineId);
    if (!w.ok) return w;
    const url = this.d.urlOf(w.value.id);
    if (!url) return err(appError('http_down', 'The HTTP server is not running, so the dock cannot download the wayline.'));
    const flightId = randomUUID();
    const data = prepareData(v.value, flightId, { url, fingerprint: w.value.md5 }, now);
    this.d.store.insertTask({ flightId, gateway: v.value.gateway, waylineId: w.value.id, waylineName: w.value.name, taskType: v.value.taskType, executeTime: data.execute_time as number, prepare: data, at: now });
    this.d.store.addEvent(flightId, 'flighttask_prepare', data, now);
    // The demo sets bid = flight_id on prepare/execute (SUMMARY.md §4.4).
    const r = await this.d.caller.call(v.value.gateway, 'flighttask_prepare', data, { bid: flightId, timeoutMs: 15_000 });
    if (!r.ok) {
      const code = (r.error.details as { result?: number } | undefined)?.result ?? null;
      this.update(flightId, { status: 'rejected', errorCode: code });
      return err(r.error);
    }
    let task = this.update(flightId, { status: 'sent' });
    if (v.value.taskType === 0) {
      const ex = await this.control(v.value.gateway, flightId, 'execute');
      if (!ex.ok) return ex;
      task = ex.value ?? task;
    } else if (v.value.taskType === 1) {
      this.schedule(v.value.gateway, flightId, data.execute_time as number);
    }
    return task ? ok(task) : err(appError('store_failed', `Task ${flightId} vanished from the store.`));
  }

  async control(gateway: string, flightId: string | null, action: TaskControl): Promise<Result<FlightTask | null>> {
    const method = CONTROL[action];
    if (!method) return err(appError('invalid_action', `Unknown task action "${String(action)}".`));
    const needsId = action === 'execute' || action === 'undo' || action === 'stop';
    if (needsId && !flightId) return err(appError('invalid_task', `${action} needs a flight id.`));
    const data = action === 'execute' ? { flight_id: flightId } : action === 'undo' ? { flight_ids: [flightId] } : action === 'stop' ? { flight_id: flightId, reason: 0 } : {};
    if (flightId) this.d.store.addEvent(flightId, method, data, this.d.clock.now());
    const r = await this.d.caller.call(gateway, method, data, { ...(flightId && action === 'execute' ? { bid: flightId } : {}), timeoutMs: 15_000 });
    if (!r.ok) {
      this.d.counters.inc(`missions.${action}_failed`);
      if (flightId) {
        const code = (r.error.details as { result?: number } | undefined)?.result ?? null;
        this.update(flightId, action === 'execute' ? { status: 'failed', errorCode: code } : { errorCode: code });
      }
      return err(r.error);
    }
    if (!flightId) return ok(null);
    if (action === 'undo') {
      this.unschedule(flightId);
      return ok(this.update(flightId, { status: 'canceled' }));
    }
    if (action === 'execute') return ok(this.update(flightId, { status: 'in_progress' }));
    return ok(this.d.store.task(flightId));
  }

  /** Device events for tasks (after the core replied to need_reply). */
  onEvent(gateway: string, method: string, data: unknown): void {
    const now = this.d.clock.now();
    if (method === 'flighttask_progress') {
      const p = progressOf(data);
      if (!p.flightId || !this.d.store.task(p.flightId)) return void this.d.counters.inc('missions.progress_unknown_task');
      this.d.store.addEvent(p.flightId, method, data, now);
      this.update(p.flightId, p.patch);
    } else if (method === 'flighttask_ready') {
      const ids = Array.isArray((data as { flight_ids?: unknown })?.flight_ids) ? ((data as { flight_ids: unknown[] }).flight_ids.filter((x) => typeof x === 'string') as string[]) : [];
      this.d.bus.emit('missions:ready', { gateway, flightIds: ids });
      for (const id of ids) {
        const t = this.d.store.task(id);
        if (!t) continue;
        this.d.store.addEvent(id, method, data, now);
        // A conditional task runs when the dock says its ready_conditions hold.
        if (t.taskType === 2 && t.status === 'sent') void this.control(gateway, id, 'execute');
      }
    } else if (method === 'return_home_info') {
      const d = (data ?? {}) as { flight_id?: unknown; planned_path_points?: unknown };
      const flightId = typeof d.flight_id === 'string' ? d.flight_id : null;
      const path = Array.isArray(d.planned_path_points) ? (d.planned_path_points as ReturnHomeInfo['path']).filter((p) => typeof p?.latitude === 'number') : [];
      if (flightId && this.d.store.task(flightId)) this.d.store.addEvent(flightId, method, data, now);
      this.d.bus.emit('missions:returnHome', { gateway, flightId, path });
    }
  }

  /** flighttask_resource_get: a fresh signed URL and the fingerprint. */
  resource(flightId: string): { result: number; output: unknown } {
    const t = this.d.store.task(flightId);
    const w = t ? this.d.library.get(t.waylineId) : null;
    const url = w?.ok ? this.d.urlOf(w.value.id) : null;
    if (!t || !w?.ok || !url) return { result: 1, output: { status: 'failed', message: `Outpost has no wayline for flight ${flightId}.` } };
    return { result: 0, output: { file: { url, fingerprint: w.value.md5 } } };
  }

  /** flighttask_progress_get: the latest known state of a task. */
  progress(flightId: string): { result: number; output: unknown } {
    const t = this.d.store.task(flightId);
    if (!t) return { result: 1, output: { status: 'failed', message: `Outpost knows no flight ${flightId}.` } };
    return { result: 0, output: { flight_id: t.flightId, progress: { current_step: t.currentStep ?? 0, percent: t.percent }, status: t.status } };
  }

  stop(): void {
    for (const t of this.timers.values()) this.d.clock.clearTimeout(t);
    this.timers.clear();
  }

  private schedule(gateway: string, flightId: string, at: number): void {
    const wait = at - this.d.clock.now();
    const handle = this.d.clock.setTimeout(() => {
      this.timers.delete(flightId);
      if (wait > MAX_TIMER_MS) return this.schedule(gateway, flightId, at);
      const t = this.d.store.task(flightId);
      if (t && t.status === 'sent') void this.control(gateway, flightId, 'execute');
    }, Math.max(0, Math.min(wait, MAX_TIMER_MS)));
    this.timers.set(flightId, handle);
  }

  private unschedule(flightId: string): void {
    const t = this.timers.get(flightId);
    if (t !== undefined) this.d.clock.clearTimeout(t);
    this.timers.delete(flightId);
  }

  private update(flightId: string, patch: Parameters<MissionStore['updateTask']>[1]): FlightTask | null {
    const before = this.d.store.task(flightId);
    // A finished task keeps its final state; late progress events are stored but do not reopen it.
    const p = before && isFinal(before.status) && patch.status && !isFinal(patch.status) ? { ...patch, status: undefined } : patch;
    const t = this.d.store.updateTask(flightId, p, this.d.clock.now());
    if (t) this.d.bus.emit('missions:task', t);
    if (t && isFinal(t.status)) this.unschedule(flightId);
    return t;
  }
}
