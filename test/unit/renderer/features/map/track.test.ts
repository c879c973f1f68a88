/** The bounded track buffer behind each aircraft's trail. */
import { describe, expect, it } from 'vitest';
import { TrackBuffer } from '../../../../../renderer/src/features/map/track';

const fix = (i: number) => ({ lon: 8 + i / 1000, lat: 47, height: 500 + i });

describe('TrackBuffer', () => {
  it('keeps the last N points and skips exact repeats', () => {
    const t = new TrackBuffer(3);
    expect(t.push(fix(1))).toBe(true);
    expect(t.push(fix(1))).toBe(false);
    for (const i of [2, 3, 4]) t.push(fix(i));
    expect(t.snapshot()).toEqual([fix(2), fix(3), fix(4)]);
  });

  it('puts seeded history before live points, oldest first, and maps a null height to 0', () => {
    const t = new TrackBuffer(10);
    t.push(fix(5));
    t.seed([
      { t: 1, latitude: 47, longitude: 8.001, height: 501 },
      { t: 2, latitude: 47, longitude: 8.002, height: null },
    ]);
    expect(t.snapshot()).toEqual([fix(1), { lon: 8.002, lat: 47, height: 0 }, fix(5)]);
  });
});
