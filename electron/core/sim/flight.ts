/** Deterministic flight model: dock → climb → fly out → orbit the dock → return → land → charge, on repeat. */
import { headingOf, normalizeHeading, offsetToLatLon } from './geo';
import { createRng } from './rng';

export type FlightPhase = 'docked' | 'takeoff' | 'outbound' | 'orbit' | 'return' | 'landing';

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
// mode_code per enums.md §2.2: 0 idle, 4 auto take-off, 5 wayline, 9 auto RTH, 10 auto landing.
const MODE: Readonly<Record<FlightPhase, number>> = { docked: 0, takeoff: 4, outbound: 5, orbit: 5, return: 9, landing: 10 };

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

  /** Sends the aircraft home if it is flying out or orbiting. */
  returnHome(): boolean {
    if (this.phase !== 'outbound' && this.phase !== 'orbit' && this.phase !== 'takeoff') return false;
    this.enter('return');
    return true;
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
    this.phase = phase;
    this.phaseSec = 0;
  }

  private step(s: number): void {
    this.phaseSec += s;
    if (this.phase === 'docked') {
      this.hSpeed = this.vSpeed = this.roll = 0;
      this.battery = Math.min(100, this.battery + 0.4 * s);
      if (this.autoFly && this.phaseSec >= this.plan.groundSec && this.battery >= 90) this.enter('takeoff');
      return;
    }
    this.flightSec += s;
    this.battery = Math.max(0, this.battery - 0.08 * s);
    if (this.battery < 25 && (this.phase === 'orbit' || this.phase === 'outbound')) this.enter('return');
    switch (this.phase) {
      case 'takeoff':
        this.hSpeed = 0;
        this.vSpeed = CLIMB_MPS;
        this.up = Math.min(this.plan.altitudeM, this.up + CLIMB_MPS * s);
        if (this.up >= this.plan.altitudeM) this.enter('outbound');
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
