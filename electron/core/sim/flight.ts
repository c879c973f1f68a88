/** Deterministic flight model: dock → climb → fly out → orbit the dock → return → land → charge, on repeat. */
import { headingOf, normalizeHeading, offsetToLatLon } from './geo';
import { createRng } from './rng';

export type FlightPhase = 'docked' | 'takeoff' | 'outbound' | 'orbit' | 'wayline' | 'return' | 'landing' | 'manual';

/** A velocity command in the aircraft's body frame (DRC sticks): m/s forward/right/up, °/s clockwise. */
export interface ManualCommand {
  readonly forward: number;
  readonly right: number;
  readonly up: number;
  readonly yawRate: number;
}

/** A wayline point for `flyRoute`: metres east/north of home, metres above the take-off point, leg speed. */
export interface RoutePoint {
  readonly east: number;
  readonly north: number;
  readonly up: number;
  readonly speedMps: number;
}

export interface RouteState {
  /** The waypoint being flown to (= number reached so far). */
  readonly index: number;
  readonly total: number;
  readonly hold: boolean;
}

export interface Home {
  readonly lat: number;
  readonly lon: number;
  /** Ellipsoid height of the take-off point, metres. */
  readonly height: number;
}

export interface FlightPlan {
  readonly radiusM: number;
  readonly altitudeM: number;
  readonly speedMps: number;
  readonly clockwise: boolean;
  /** Bearing (rad) where the aircraft joins the orbit. */
  readonly entryBearing: number;
  readonly orbitSec: number;
  readonly groundSec: number;
}

export interface FlightSnapshot {
  readonly phase: FlightPhase;
  readonly lat: number;
  readonly lon: number;
  /** Relative to the take-off point (DJI `elevation`). */
  readonly elevation: number;
  /** Ellipsoid height (DJI `height`) = take-off height + elevation. */
  readonly height: number;
  readonly heading: number;
  readonly pitch: number;
  readonly roll: number;
  readonly horizontalSpeed: number;
  readonly verticalSpeed: number;
  readonly homeDistance: number;
  readonly battery: number;
  /** Aircraft mode_code (enums.md §2.2). */
  readonly modeCode: number;
  readonly airborne: boolean;
  readonly flightSec: number;
}

const CLIMB_MPS = 5;
const DESCENT_MPS = 3;
const MAX_STEP_S = 0.5;
// mode_code per enums.md §2.2: 0 idle, 4 auto take-off, 5 wayline, 9 auto RTH, 10 auto landing, 17 live flight controls (DRC).
const MODE: Readonly<Record<FlightPhase, number>> = { docked: 0, takeoff: 4, outbound: 5, orbit: 5, wayline: 5, return: 9, landing: 10, manual: 17 };
/** Manual-flight response: acceleration limits (m/s²) so stopping the sticks brakes, then holds. */
const MANUAL_ACCEL_H = 4;
const MANUAL_ACCEL_V = 3;
/** A climb/descent command this strong (m/s, about a fifth of the throttle) takes over from a return home. */
const TAKEOVER_UP_MPS = 1;

/** A plan drawn from the seed: 200–400 m orbit at 60–100 m, ~10 m/s. */
export function planFromSeed(seed: number): FlightPlan {
  const r = createRng(seed);
  return {
    radiusM: Math.round(r.range(200, 400)),
    altitudeM: Math.round(r.range(60, 100)),
    speedMps: Math.round(r.range(8, 12) * 10) / 10,
    clockwise: r.next() < 0.5,
    entryBearing: r.range(0, 2 * Math.PI),
    orbitSec: Math.round(r.range(240, 420)),
    groundSec: Math.round(r.range(10, 40)),
  };
}

export class FlightModel {
  private phase: FlightPhase = 'docked';
  private east = 0;
  private north = 0;
  private up = 0;
  private heading = 0;
  private hSpeed = 0;
  private vSpeed = 0;
  private roll = 0;
  private angle = 0;
  private phaseSec = 0;
  private flightSec = 0;
  private battery: number;
  private lastMs: number | undefined;
  private route: readonly RoutePoint[] | null = null;
  private routeIndex = 0;
  private routeHold = false;
  private routeClimb = 0;
  /** The last route was flown to its final waypoint (not cut short by RTH, stop or low battery). */
  routeCompleted = false;
  private manualCmd: ManualCommand | null = null;
  private vEast = 0;
  private vNorth = 0;
  /** Take off by itself after `groundSec` on the ground with ≥ 90 % battery. */
  autoFly: boolean;

  constructor(
    private readonly home: Home,
    readonly plan: FlightPlan,
    opts: { battery?: number; autoFly?: boolean } = {},
  ) {
    this.battery = opts.battery ?? 100;
    this.autoFly = opts.autoFly ?? true;
  }

  /** Integrates up to `nowMs` (the first call only sets the time base). */
  advanceTo(nowMs: number): void {
    if (this.lastMs === undefined || nowMs < this.lastMs) {
      this.lastMs = nowMs;
      return;
    }
    let dt = (nowMs - this.lastMs) / 1000;
    this.lastMs = nowMs;
    while (dt > 0) {
      const s = Math.min(dt, MAX_STEP_S);
      this.step(s);
      dt -= s;
    }
  }

  /** Starts a flight now if the aircraft is on the ground. */
  launch(): boolean {
    if (this.phase !== 'docked') return false;
    this.enter('takeoff');
    return true;
  }

  /** Sends the aircraft home if it is flying out, orbiting, or flown by hand (DRC). */
  returnHome(): boolean {
    if (this.phase !== 'outbound' && this.phase !== 'orbit' && this.phase !== 'takeoff' && this.phase !== 'manual') return false;
    this.enter('return');
    return true;
  }

  /**
   * return_home_cancel: the aircraft stops where it is and hovers (dock2 50.wayline.md "Cancel return"); in a
   * DRC session the sticks fly it from there. The landing at the end of a return is not cancelled.
   */
  cancelReturn(): boolean {
    if (this.phase !== 'return') return false;
    this.hSpeed = this.vSpeed = this.vEast = this.vNorth = 0;
    this.enter('manual');
    return true;
  }

  /** Flying home by itself (RTH or the landing that ends it). */
  get homing(): boolean {
    return this.phase === 'return' || this.phase === 'landing';
  }

  /**
   * DRC: fly by a velocity command instead of the automatic plan (the one public hook the DRC
   * simulator needs). Null hands control back: an aircraft in the air then returns home.
   * While homing, centred sticks (the DRC stream never stops) leave the return alone; throttle
   * takes over, as on a dock ("Throttle added to the joystick" ends the return: device_exit_homing_notify
   * reason 0, dock2 50.wayline.md).
   */
  setManual(cmd: ManualCommand | null): void {
    if (cmd === null && this.manualCmd !== null && this.phase === 'manual') this.enter(this.up > 0 ? 'return' : 'docked');
    if (cmd !== null && this.homing && Math.abs(cmd.up) >= TAKEOVER_UP_MPS) this.enter('manual');
    this.manualCmd = cmd;
  }

  /** Flies `points` in order (taking off first, up to `climbM`, when on the ground), then returns home. */
  flyRoute(points: readonly RoutePoint[], climbM: number): boolean {
    if (points.length === 0 || this.phase === 'return' || this.phase === 'landing') return false;
    this.route = points;
    this.routeIndex = 0;
    this.routeHold = false;
    this.routeClimb = climbM;
    this.routeCompleted = false;
    this.enter(this.phase === 'docked' ? 'takeoff' : 'wayline');
    return true;
  }

  /** Hover in place on the route (pause, hover action) or continue. */
  holdRoute(hold: boolean): void {
    this.routeHold = hold;
  }

  /** Leaves the route and returns home. */
  endRoute(): void {
    this.route = null;
    if (this.phase === 'wayline' || this.phase === 'takeoff') this.enter('return');
  }

  routeState(): RouteState | null {
    return this.route ? { index: this.routeIndex, total: this.route.length, hold: this.routeHold } : null;
  }

  get currentPhase(): FlightPhase {
    return this.phase;
  }

  snapshot(): FlightSnapshot {
    const p = offsetToLatLon(this.home, this.east, this.north);
    const climbing = this.vSpeed;
    return {
      phase: this.phase,
      lat: p.lat,
      lon: p.lon,
      elevation: round(this.up, 2),
      height: round(this.home.height + this.up, 2),
      heading: Math.round(this.heading),
      pitch: round(this.hSpeed > 0 ? -Math.min(15, this.hSpeed * 1.2) : 0, 1),
      roll: round(this.roll, 1),
      horizontalSpeed: round(this.hSpeed, 2),
      verticalSpeed: round(climbing, 2),
      homeDistance: round(Math.hypot(this.east, this.north), 1),
      battery: Math.round(this.battery),
      modeCode: MODE[this.phase],
      airborne: this.phase !== 'docked',
      flightSec: Math.round(this.flightSec),
    };
  }

  private enter(phase: FlightPhase): void {
    // Any way home (RTH, low battery, landing) ends a route.
    if (phase === 'return' || phase === 'landing' || phase === 'docked') this.route = null;
    this.phase = phase;
    this.phaseSec = 0;
  }

  private step(s: number): void {
    this.phaseSec += s;
    if (this.manualCmd !== null && !this.homing) return this.stepManual(s, this.manualCmd);
    if (this.phase === 'docked') {
      this.hSpeed = this.vSpeed = this.roll = 0;
      this.battery = Math.min(100, this.battery + 0.4 * s);
      if (this.autoFly && this.phaseSec >= this.plan.groundSec && this.battery >= 90) this.enter('takeoff');
      return;
    }
    this.flightSec += s;
    this.battery = Math.max(0, this.battery - 0.08 * s);
    if (this.battery < 25 && (this.phase === 'orbit' || this.phase === 'outbound' || this.phase === 'wayline')) this.enter('return');
    switch (this.phase) {
      case 'takeoff':
        this.hSpeed = 0;
        this.vSpeed = CLIMB_MPS;
        this.up = Math.min(this.route ? this.routeClimb : this.plan.altitudeM, this.up + CLIMB_MPS * s);
        if (this.up >= (this.route ? this.routeClimb : this.plan.altitudeM)) this.enter(this.route ? 'wayline' : 'outbound');
        return;
      case 'wayline':
        this.flyRouteStep(s);
        return;
      case 'outbound': {
        const b = this.plan.entryBearing;
        const arrived = this.flyToward(Math.sin(b) * this.plan.radiusM, Math.cos(b) * this.plan.radiusM, s);
        if (arrived) {
          this.angle = b;
          this.enter('orbit');
        }
        return;
      }
      case 'orbit':
        this.orbit(s);
        if (this.phaseSec >= this.plan.orbitSec) this.enter('return');
        return;
      case 'return':
        if (this.flyToward(0, 0, s)) this.enter('landing');
        return;
      case 'landing':
        this.hSpeed = 0;
        this.vSpeed = -DESCENT_MPS;
        this.up = Math.max(0, this.up - DESCENT_MPS * s);
        if (this.up <= 0) {
          this.vSpeed = 0;
          this.enter('docked');
        }
        return;
    }
  }

  /** Body-frame velocity command → world velocity, approached at limited acceleration. */
  private stepManual(s: number, c: ManualCommand): void {
    if (this.phase === 'docked' && c.up <= 0) {
      this.hSpeed = this.vSpeed = this.vEast = this.vNorth = 0;
      return;
    }
    if (this.phase !== 'manual') this.enter('manual');
    this.flightSec += s;
    this.battery = Math.max(0, this.battery - 0.08 * s);
    this.heading = normalizeHeading(this.heading + c.yawRate * s);
    const h = (this.heading * Math.PI) / 180;
    const wantE = Math.sin(h) * c.forward + Math.cos(h) * c.right;
    const wantN = Math.cos(h) * c.forward - Math.sin(h) * c.right;
    const approach = (v: number, want: number, a: number): number => (Math.abs(want - v) <= a * s ? want : v + Math.sign(want - v) * a * s);
    this.vEast = approach(this.vEast, wantE, MANUAL_ACCEL_H);
    this.vNorth = approach(this.vNorth, wantN, MANUAL_ACCEL_H);
    this.vSpeed = approach(this.vSpeed, c.up, MANUAL_ACCEL_V);
    this.east += this.vEast * s;
    this.north += this.vNorth * s;
    this.up = Math.max(0, this.up + this.vSpeed * s);
    if (this.up === 0 && this.vSpeed < 0) this.vSpeed = 0;
    this.hSpeed = Math.hypot(this.vEast, this.vNorth);
    this.roll = 0;
  }

  /** World-frame velocity (m/s east, north, up) for DRC OSD pushes. */
  get velocity(): { readonly east: number; readonly north: number; readonly up: number } {
    return { east: this.vEast, north: this.vNorth, up: this.vSpeed };
  }

  /** Straight-line leg at plan speed; true once the target is reached. */
  private flyToward(e: number, n: number, s: number): boolean {
    const de = e - this.east;
    const dn = n - this.north;
    const dist = Math.hypot(de, dn);
    const stepM = this.plan.speedMps * s;
    this.vSpeed = 0;
    this.roll = 0;
    if (dist <= stepM) {
      this.east = e;
      this.north = n;
      this.hSpeed = this.plan.speedMps; // still moving into the next leg
      return true;
    }
    this.heading = headingOf(de, dn);
    this.east += (de / dist) * stepM;
    this.north += (dn / dist) * stepM;
    this.hSpeed = this.plan.speedMps;
    return false;
  }

  /** One step along the route: a straight 3D leg to the next point at its speed; hold = hover. */
  private flyRouteStep(s: number): void {
    const target = this.route?.[this.routeIndex];
    if (!this.route || !target) {
      this.routeCompleted = this.route !== null;
      this.route = null;
      this.enter('return');
      return;
    }
    this.roll = 0;
    if (this.routeHold) {
      this.hSpeed = this.vSpeed = 0;
      return;
    }
    const de = target.east - this.east;
    const dn = target.north - this.north;
    const du = target.up - this.up;
    const dist = Math.hypot(de, dn, du);
    const stepM = target.speedMps * s;
    if (dist <= stepM) {
      this.east = target.east;
      this.north = target.north;
      this.up = target.up;
      this.routeIndex++;
      return;
    }
    if (Math.hypot(de, dn) > 0.5) this.heading = headingOf(de, dn);
    this.east += (de / dist) * stepM;
    this.north += (dn / dist) * stepM;
    this.up += (du / dist) * stepM;
    this.hSpeed = (Math.hypot(de, dn) / dist) * target.speedMps;
    this.vSpeed = (du / dist) * target.speedMps;
  }

  private orbit(s: number): void {
    const dir = this.plan.clockwise ? 1 : -1;
    this.angle += (dir * this.plan.speedMps * s) / this.plan.radiusM;
    this.east = Math.sin(this.angle) * this.plan.radiusM;
    this.north = Math.cos(this.angle) * this.plan.radiusM;
    // Heading is tangent to the circle: bearing ± 90°; bank from v²/(r·g).
    this.heading = normalizeHeading((this.angle * 180) / Math.PI + dir * 90);
    this.roll = dir * Math.atan((this.plan.speedMps ** 2) / (this.plan.radiusM * 9.81)) * (180 / Math.PI);
    this.hSpeed = this.plan.speedMps;
    this.vSpeed = 0;
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
