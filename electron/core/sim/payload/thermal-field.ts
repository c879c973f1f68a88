/**
 * A deterministic synthetic thermal scene over the normalised IR frame (x right, y down, 0–1; upper-left origin as
 * in ir_metering_point_set): ambient 20 °C with a vertical gradient, a hot spot (~65 °C) and a cold spot (~5 °C).
 * The simulator reports metering values from it, so tests can predict them.
 */

export interface Sample {
  readonly x: number;
  readonly y: number;
  readonly temperature: number;
}

const HOT = { x: 0.7, y: 0.35, amp: 45, sigma: 0.08 };
const COLD = { x: 0.25, y: 0.7, amp: -15, sigma: 0.1 };

const blob = (b: typeof HOT, x: number, y: number): number => b.amp * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.sigma ** 2));

/** Temperature (°C, one decimal like the aircraft reports) at a normalised point of the IR frame. */
export function temperatureAt(x: number, y: number): number {
  return round1(20 + 4 * y + blob(HOT, x, y) + blob(COLD, x, y));
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Average, coldest and hottest point of an area, sampled on a 41 × 41 grid including the edges. */
export function areaStats(x: number, y: number, width: number, height: number): { aver: number; min: Sample; max: Sample } {
  const n = 40;
  let sum = 0;
  let min: Sample = { x, y, temperature: Infinity };
  let max: Sample = { x, y, temperature: -Infinity };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const px = round4(x + (width * i) / n);
      const py = round4(y + (height * j) / n);
      const t = temperatureAt(px, py);
      sum += t;
      if (t < min.temperature) min = { x: px, y: py, temperature: t };
      if (t > max.temperature) max = { x: px, y: py, temperature: t };
    }
  }
  return { aver: round1(sum / (n + 1) ** 2), min, max };
}

/** The whole frame's extremes (thermal_global_temperature_min / _max). */
export const GLOBAL = (() => {
  const s = areaStats(0, 0, 1, 1);
  return { min: s.min.temperature, max: s.max.temperature };
})();
