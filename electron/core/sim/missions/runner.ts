/**
 * One dock's flight tasks (10.dock2/50.wayline.md): prepared tasks download their KMZ and check its MD5; an
 * executed task flies the route on the FlightModel, runs the waypoint actions, and reports flighttask_progress
 * every second (waypoint index, mission state, media count); conditional tasks raise flighttask_ready.
 */
import type { SimDeviceApi } from '../extension';
import { topics } from '../envelope';
import type { ServiceReplyData } from '../services';
import { fetchRoute, type SimRoute } from './route';

const ERR_NOT_NOW = 314000; // "Operation not supported. Check device status"
const ERR_TASK_UNKNOWN = 314001;
const ERR_WRONG_PARAMETER = 325001;
const TICK_MS = 1000;
const PREPARE_REQUIRED = ['flight_id', 'task_type', 'file', 'rth_altitude', 'out_of_control_action'] as const;

interface SimTask {
  readonly flightId: string;
  readonly taskType: number;
  readonly ready?: { battery_capacity: number; begin_time: number; end_time: number };
  route: SimRoute | number | null;
  readonly download: Promise<void>;
  readyRaised: boolean;
}

interface Active {
  readonly task: SimTask;
  media: number;
  reached: number;
  paused: boolean;
  hoverUntil: number;
  recording: boolean;
  status: 'in_progress' | 'paused' | 'ok' | 'partially_done' | 'failed' | 'canceled';
  flown: boolean;
  result: number;
  left: boolean;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const reply = (result: number): ServiceReplyData => ({ result, output: { status: result === 0 ? 'ok' : 'failed' } });

export class MissionRunner {
  private readonly tasks = new Map<string, SimTask>();
  private active: Active | null = null;
  private readonly cancelTick: () => void;

  constructor(private readonly api: SimDeviceApi) {
    this.cancelTick = api.scheduler.every(TICK_MS, () => this.tick(), 0);
  }

  stop(): void {
    this.cancelTick();
  }

  service(method: string, raw: unknown): ServiceReplyData | null {
    const d = obj(raw);
    switch (method) {
      case 'flighttask_prepare':
        return this.prepare(d);
      case 'flighttask_execute':
        return this.execute(String(d.flight_id ?? ''));
      case 'flighttask_pause':
        return this.pause(true);
      case 'flighttask_recovery':
        return this.pause(false);
      case 'flighttask_undo': {
        const ids = Array.isArray(d.flight_ids) ? d.flight_ids.map(String) : [];
        for (const id of ids) if (this.active?.task.flightId !== id) this.tasks.delete(id);
        return reply(0);
      }
      case 'flighttask_stop':
        return this.leave('canceled');
      case 'return_home':
        // On a route the dock ends the wayline and flies home; otherwise the default table answers.
        return this.active && !this.active.left ? this.leave('canceled', true) : null;
      default:
        return null;
    }
  }

  private prepare(d: Record<string, unknown>): ServiceReplyData {
    if (PREPARE_REQUIRED.some((k) => d[k] === undefined || d[k] === null)) return reply(ERR_WRONG_PARAMETER);
    const file = obj(d.file);
    const flightId = String(d.flight_id);
    const ready = d.ready_conditions ? (obj(d.ready_conditions) as unknown as SimTask['ready']) : undefined;
    const task: SimTask = {
      flightId,
      taskType: Number(d.task_type),
      ...(ready ? { ready } : {}),
      route: null,
      readyRaised: false,
      download: fetchRoute(String(file.url ?? ''), String(file.fingerprint ?? ''), this.api.home).then((r) => {
        task.route = r;
        if (typeof r === 'number') this.api.log.warn('wayline download failed', { flightId, code: r });
      }),
    };
    this.tasks.set(flightId, task);
    return reply(0);
  }

  private execute(flightId: string): ServiceReplyData {
    const task = this.tasks.get(flightId);
    if (!task) return reply(ERR_TASK_UNKNOWN);
    if (this.active && this.active.status !== 'ok' && this.active.status !== 'failed' && this.active.status !== 'canceled') return reply(ERR_NOT_NOW);
    if (this.api.snapshot().airborne) return reply(ERR_NOT_NOW);
    this.active = { task, media: 0, reached: 0, paused: false, hoverUntil: 0, recording: false, status: 'in_progress', result: 0, left: false, flown: false };
    const a = this.active;
    void task.download.then(() => {
      if (this.active !== a) return;
      if (typeof task.route === 'number' || task.route === null) {
        a.status = 'failed';
        a.result = typeof task.route === 'number' ? task.route : ERR_TASK_UNKNOWN;
        this.report(a);
        this.finish(a);
        return;
      }
      a.flown = this.api.flight.flyRoute(task.route.points, task.route.climbM);
      if (!a.flown) {
        a.status = 'failed';
        a.result = ERR_NOT_NOW;
        this.report(a);
        this.finish(a);
      }
    });
    return reply(0);
  }

  private pause(paused: boolean): ServiceReplyData {
    const a = this.active;
    if (!a || a.left || a.status === 'ok' || a.status === 'failed' || paused === a.paused) return reply(ERR_NOT_NOW);
    a.paused = paused;
    a.status = paused ? 'paused' : 'in_progress';
    this.api.flight.holdRoute(paused || a.hoverUntil > this.api.clock.now());
    this.report(a);
    return reply(0);
  }

  private leave(status: 'canceled', rth = false): ServiceReplyData {
    const a = this.active;
    if (!a || a.left) return reply(ERR_NOT_NOW);
    a.left = true;
    a.status = status;
    this.api.flight.endRoute();
    if (rth) this.publishReturnHome(a);
    this.report(a);
    return reply(0);
  }

  private tick(): void {
    this.raiseReady();
    const a = this.active;
    if (!a || typeof a.task.route !== 'object' || a.task.route === null) return;
    const route = a.task.route;
    const rs = this.api.flight.routeState();
    const now = this.api.clock.now();
    if (rs) {
      for (; a.reached < rs.index; a.reached++) this.runActions(a, route.actionsAt[a.reached] ?? [], now);
      if (a.hoverUntil > 0 && now >= a.hoverUntil) {
        a.hoverUntil = 0;
        this.api.flight.holdRoute(a.paused);
      }
    }
    // The route ended between ticks at its last waypoint: that waypoint's actions still run.
    if (!rs && this.api.flight.routeCompleted && !a.left) for (; a.reached < route.points.length; a.reached++) this.runActions(a, route.actionsAt[a.reached] ?? [], now);
    const snap = this.api.snapshot();
    if (a.flown && !snap.airborne && !rs && this.api.flight.currentPhase === 'docked') {
      if (a.status === 'in_progress' || a.status === 'paused') a.status = this.api.flight.routeCompleted ? 'ok' : 'partially_done';
      this.report(a);
      this.finish(a);
      return;
    }
    this.report(a);
  }

  private runActions(a: Active, actions: SimRoute['actionsAt'][number], now: number): void {
    for (const act of actions) {
      if (act.func === 'takePhoto' || act.func === 'panoShot' || act.func === 'orientedShoot') a.media++;
      else if (act.func === 'startRecord') a.recording = true;
      else if (act.func === 'stopRecord' && a.recording) {
        a.recording = false;
        a.media++;
      }
      else if (act.func === 'hover') {
        const s = Number(act.params.find(([k]) => k === 'hoverTime')?.[1] ?? 0);
        a.hoverUntil = Math.max(a.hoverUntil, now + s * 1000);
        this.api.flight.holdRoute(true);
      }
    }
  }

  /** flighttask_progress as in the docs' example (data.result + data.output.{ext, progress, status}). */
  private report(a: Active): void {
    const rs = this.api.flight.routeState();
    const phase = this.api.flight.currentPhase;
    const route = typeof a.task.route === 'object' ? a.task.route : null;
    const total = route?.points.length ?? 1;
    // wayline_mission_state: 5 heading to the first waypoint, 6 executing, 7 interrupted, 9 completed.
    const state = a.status === 'paused' ? 7 : rs ? (phase === 'takeoff' ? 5 : 6) : 9;
    const percent = a.status === 'ok' ? 100 : Math.min(99, Math.round((a.reached / total) * 90) + (rs ? 0 : a.left ? 0 : 5));
    const data = {
      result: a.result,
      output: {
        ext: {
          current_waypoint_index: Math.min(a.reached, total - 1),
          wayline_mission_state: state,
          media_count: a.media,
          track_id: a.task.flightId,
          flight_id: a.task.flightId,
          wayline_id: route?.waylineId ?? 0,
        },
        // current_step 25 is undocumented between 24 (trigger wayline) and 26 (pre-RTH check): use 24 / 26 / 27.
        progress: { current_step: rs ? 24 : phase === 'landing' ? 27 : 26, percent },
        status: a.status,
      },
    };
    this.api.publish('events', topics.events(this.api.gatewaySn), data, { method: 'flighttask_progress', bid: a.task.flightId });
  }

  private publishReturnHome(a: Active): void {
    const s = this.api.snapshot();
    const data = {
      flight_id: a.task.flightId,
      last_point_type: 0,
      planned_path_points: [
        { latitude: s.lat, longitude: s.lon, height: s.height },
        { latitude: this.api.home.lat, longitude: this.api.home.lon, height: s.height },
        { latitude: this.api.home.lat, longitude: this.api.home.lon, height: this.api.home.height },
      ],
    };
    this.api.publish('events', topics.events(this.api.gatewaySn), data, { method: 'return_home_info' });
  }

  /** Conditional tasks: flighttask_ready once battery and time window hold (ready_conditions). */
  private raiseReady(): void {
    const now = this.api.clock.now();
    const battery = this.api.snapshot().battery;
    const ids: string[] = [];
    for (const t of this.tasks.values()) {
      if (t.taskType !== 2 || !t.ready || t.readyRaised) continue;
      if (battery > t.ready.battery_capacity && now >= t.ready.begin_time && now < t.ready.end_time) {
        t.readyRaised = true;
        ids.push(t.flightId);
      }
    }
    if (ids.length > 0) this.api.publish('events', topics.events(this.api.gatewaySn), { flight_ids: ids }, { method: 'flighttask_ready' });
  }

  private finish(a: Active): void {
    this.tasks.delete(a.task.flightId);
    if (this.active === a) this.active = null;
  }
}
