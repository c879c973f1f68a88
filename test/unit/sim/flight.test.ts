import { describe, expect, it } from 'vitest';
import { FlightModel, planFromSeed, type FlightPhase, type FlightSnapshot } from '../../../electron/core/sim/flight';

const HOME = { lat: 47.4, lon: 8.5, height: 500 };

function run(seed: number, seconds: number, stepMs = 1000): FlightSnapshot[] {
  const m = new FlightModel(HOME, planFromSeed(seed), { battery: 100 });
  m.advanceTo(0);
  const out: FlightSnapshot[] = [];
  for (let t = stepMs; t <= seconds * 1000; t += stepMs) {
    m.advanceTo(t);
    out.push(m.snapshot());
  }
  return out;
}

const metresFromHome = (s: FlightSnapshot) =>
  Math.hypot((s.lat - HOME.lat) * 111_320, (s.lon - HOME.lon) * 111_320 * Math.cos((HOME.lat * Math.PI) / 180));

describe('FlightModel', () => {
  it('draws a plan in the documented envelope from the seed, the same plan for the same seed', () => {
    for (let seed = 1; seed < 50; seed++) {
      const p = planFromSeed(seed);
      expect(p.radiusM).toBeGreaterThanOrEqual(200);
      expect(p.radiusM).toBeLessThanOrEqual(400);
      expect(p.altitudeM).toBeGreaterThanOrEqual(60);
      expect(p.altitudeM).toBeLessThanOrEqual(100);
      expect(p.speedMps).toBeGreaterThanOrEqual(8);
      expect(p.speedMps).toBeLessThanOrEqual(12);
    }
    expect(planFromSeed(7)).toEqual(planFromSeed(7));
    expect(planFromSeed(7)).not.toEqual(planFromSeed(8));
  });

  it('is deterministic: same seed and times give the same track', () => {
    expect(run(42, 600)).toEqual(run(42, 600));
  });

  it('cycles docked → takeoff → outbound → orbit → return → landing → docked with matching mode_code', () => {
    const track = run(3, 1500);
    const phases: FlightPhase[] = [];
    for (const s of track) if (phases.at(-1) !== s.phase) phases.push(s.phase);
    expect(phases.slice(0, 7)).toEqual(['docked', 'takeoff', 'outbound', 'orbit', 'return', 'landing', 'docked']);
    const mode = (p: FlightPhase) => new Set(track.filter((s) => s.phase === p).map((s) => s.modeCode));
    expect(mode('docked')).toEqual(new Set([0]));
    expect(mode('takeoff')).toEqual(new Set([4]));
    expect(mode('orbit')).toEqual(new Set([5]));
    expect(mode('return')).toEqual(new Set([9]));
    expect(mode('landing')).toEqual(new Set([10]));
    expect(track.filter((s) => s.phase === 'docked').every((s) => !s.airborne && s.elevation === 0)).toBe(true);
  });

  it('orbits the dock at the planned radius and altitude, heading along the track', () => {
    const plan = planFromSeed(11);
    const orbit = run(11, 900).filter((s) => s.phase === 'orbit');
    expect(orbit.length).toBeGreaterThan(100);
    for (const s of orbit) {
      expect(Math.abs(metresFromHome(s) - plan.radiusM)).toBeLessThan(3);
      expect(s.elevation).toBe(plan.altitudeM);
      expect(s.height).toBeCloseTo(HOME.height + plan.altitudeM, 1);
      expect(s.horizontalSpeed).toBe(plan.speedMps);
    }
    // Heading of consecutive samples matches the direction of travel.
    for (let i = 1; i < orbit.length; i += 25) {
      const [a, b] = [orbit[i - 1]!, orbit[i]!];
      const east = (b.lon - a.lon) * Math.cos((HOME.lat * Math.PI) / 180);
      const track = (Math.atan2(east, b.lat - a.lat) * 180) / Math.PI;
      expect(Math.abs(((b.heading - track + 540) % 360) - 180)).toBeLessThan(5);
    }
  });

  it('drains the battery in flight, charges it in the dock, and returns home on request', () => {
    const m = new FlightModel(HOME, planFromSeed(5), { battery: 95, autoFly: false });
    m.advanceTo(0);
    m.advanceTo(600_000);
    expect(m.snapshot().phase).toBe('docked');
    expect(m.snapshot().battery).toBe(100);
    expect(m.returnHome()).toBe(false);
    expect(m.launch()).toBe(true);
    m.advanceTo(700_000);
    const flying = m.snapshot();
    expect(flying.airborne).toBe(true);
    expect(flying.battery).toBeLessThan(100);
    expect(m.returnHome()).toBe(true);
    expect(m.snapshot().modeCode).toBe(9);
    m.advanceTo(1_000_000);
    expect(m.snapshot().phase).toBe('docked');
    expect(m.snapshot().homeDistance).toBe(0);
  });

  it('returns home from manual (DRC) flight; centred sticks leave the return alone, throttle takes over', () => {
    const m = new FlightModel(HOME, planFromSeed(5), { battery: 100, autoFly: false });
    m.advanceTo(0);
    m.setManual({ forward: 0, right: 0, up: 5, yawRate: 0 });
    m.advanceTo(10_000);
    m.setManual({ forward: 10, right: 0, up: 0, yawRate: 0 });
    m.advanceTo(30_000);
    expect(m.snapshot()).toMatchObject({ phase: 'manual', modeCode: 17, airborne: true });
    expect(m.snapshot().homeDistance).toBeGreaterThan(100);
    expect(m.returnHome()).toBe(true);
    expect(m.snapshot().modeCode).toBe(9);
    // The DRC stream keeps sending centred sticks: the aircraft keeps flying home.
    m.setManual({ forward: 0, right: 0, up: 0, yawRate: 0 });
    const away = m.snapshot().homeDistance;
    m.advanceTo(35_000);
    expect(m.snapshot().phase).toBe('return');
    expect(m.snapshot().homeDistance).toBeLessThan(away);
    // Throttle ends the return: the pilot flies again.
    m.setManual({ forward: 0, right: 0, up: 2, yawRate: 0 });
    expect(m.snapshot()).toMatchObject({ phase: 'manual', modeCode: 17 });
    m.advanceTo(36_000);
    expect(m.snapshot().verticalSpeed).toBeGreaterThan(0);
    // Sent home again and left alone, it lands at home and stays on the ground under centred sticks.
    expect(m.returnHome()).toBe(true);
    m.setManual({ forward: 0, right: 0, up: 0, yawRate: 0 });
    m.advanceTo(200_000);
    expect(m.snapshot()).toMatchObject({ phase: 'docked', airborne: false, homeDistance: 0, elevation: 0 });
  });

  it('cancelling a return hovers where it is; under DRC sticks the pilot flies on from there; not while landing', () => {
    const m = new FlightModel(HOME, planFromSeed(5), { battery: 100, autoFly: false });
    m.advanceTo(0);
    expect(m.cancelReturn()).toBe(false); // on the ground: nothing to cancel
    m.setManual({ forward: 0, right: 0, up: 5, yawRate: 0 });
    m.advanceTo(10_000);
    m.setManual({ forward: 10, right: 0, up: 0, yawRate: 0 });
    m.advanceTo(30_000);
    expect(m.returnHome()).toBe(true);
    m.setManual({ forward: 0, right: 0, up: 0, yawRate: 0 });
    m.advanceTo(33_000);
    expect(m.cancelReturn()).toBe(true);
    expect(m.snapshot()).toMatchObject({ phase: 'manual', modeCode: 17, airborne: true });
    const at = m.snapshot();
    m.advanceTo(40_000);
    // Centred sticks: it stays put (speeds settle to zero), no longer closing on home.
    expect(m.snapshot().homeDistance).toBeCloseTo(at.homeDistance, 0);
    expect(m.snapshot().horizontalSpeed).toBe(0);
    m.setManual({ forward: 5, right: 0, up: 0, yawRate: 0 });
    m.advanceTo(45_000);
    expect(m.snapshot().homeDistance).not.toBeCloseTo(at.homeDistance, 0);
    // Home and landing: the landing is not cancelled.
    expect(m.returnHome()).toBe(true);
    m.setManual({ forward: 0, right: 0, up: 0, yawRate: 0 });
    for (let t = 46_000; m.snapshot().phase === 'return' && t < 400_000; t += 500) m.advanceTo(t);
    expect(m.snapshot().phase).toBe('landing');
    expect(m.cancelReturn()).toBe(false);
  });
});
