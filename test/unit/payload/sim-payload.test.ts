/** Simulator payload maths: look-at angles, the rangefinder's ground hit, the synthetic thermal scene, gimbal slew. */
import { describe, expect, it } from 'vitest';
import { anglesTo, Gimbal, groundHit } from '../../../electron/core/sim/payload/gimbal';
import { areaStats, GLOBAL, temperatureAt } from '../../../electron/core/sim/payload/thermal-field';

const at = { lat: 46, lon: 7, height: 600 };

describe('look-at maths', () => {
  it('points north-east and down at a target below', () => {
    const a = anglesTo(at, { lat: 46 + 100 / 111_195, lon: 7 + 100 / (111_195 * Math.cos((46 * Math.PI) / 180)), height: 500 });
    expect(a.yaw).toBeCloseTo(45, 0);
    expect(a.pitch).toBeCloseTo((-Math.atan2(100, Math.SQRT2 * 100) * 180) / Math.PI, 0);
  });

  it('limits pitch to the gimbal range and finds the ground the laser hits', () => {
    expect(anglesTo(at, { ...at, height: 100 }).pitch).toBe(-90);
    expect(anglesTo(at, { lat: 46.0001, lon: 7, height: 5000 }).pitch).toBe(35);
    const hit = groundHit(at, { yaw: 90, pitch: -45 }, 500)!;
    expect(hit.distance).toBeCloseTo(100 * Math.SQRT2, 3);
    expect(anglesTo(at, hit).yaw).toBeCloseTo(90, 3);
    expect(groundHit(at, { yaw: 0, pitch: 10 }, 500)).toBeNull();
  });

  it('slews at 90°/s the short way round', () => {
    const g = new Gimbal({ yaw: 170, pitch: 0 }, 0);
    expect(g.advance({ yaw: -170, pitch: -90 }, 100)).toEqual({ yaw: 179, pitch: -9 });
    expect(g.advance({ yaw: -170, pitch: -90 }, 2000)).toEqual({ yaw: -170, pitch: -90 });
  });
});

describe('synthetic thermal scene', () => {
  it('is deterministic, with a hot spot and a cold spot', () => {
    expect(temperatureAt(0.7, 0.35)).toBe(66.4);
    expect(temperatureAt(0.25, 0.7)).toBeLessThan(10);
    expect(GLOBAL.max).toBeGreaterThan(60);
    expect(GLOBAL.min).toBeLessThan(10);
  });

  it('area stats: the extremes are inside the area and match the scene', () => {
    const s = areaStats(0.55, 0.2, 0.3, 0.3);
    for (const p of [s.min, s.max]) {
      expect(temperatureAt(p.x, p.y)).toBe(p.temperature);
      expect(p.x).toBeGreaterThanOrEqual(0.55);
      expect(p.x).toBeLessThanOrEqual(0.85);
    }
    expect(s.min.temperature).toBeLessThan(s.aver);
    expect(s.aver).toBeLessThan(s.max.temperature);
  });
});
