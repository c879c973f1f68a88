/** The overlay maths: letterboxing, pixel ↔ normalised frame, drag areas and speeds. */
import { describe, expect, it } from 'vitest';
import { areaToPixels, dragArea, dragSpeeds, fitContain, toNormalized, toPixel } from '../../../../../renderer/src/features/live/overlayGeometry';

describe('fitContain', () => {
  it('puts bars left/right on a wide tile and top/bottom on a tall one', () => {
    expect(fitContain(320, 200, 640 / 512)).toEqual({ x: 35, y: 0, w: 250, h: 200 });
    expect(fitContain(320, 200, 16 / 9)).toEqual({ x: 0, y: 10, w: 320, h: 180 });
    expect(fitContain(0, 200, 1)).toEqual({ x: 0, y: 0, w: 0, h: 0 });
  });

  it('keeps a normalised point on the same spot of the video when the tile is resized', () => {
    for (const [w, h] of [[240, 150], [320, 200], [480, 300], [300, 400]] as const) {
      const f = fitContain(w, h, 1.25);
      const px = toPixel(f, { x: 0.7, y: 0.35 });
      expect(toNormalized(f, px.x, px.y)).toEqual({ x: 0.7, y: 0.35 });
      expect(px.x).toBeCloseTo(f.x + 0.7 * f.w, 9);
    }
  });
});

describe('pixels ↔ frame', () => {
  const f = fitContain(320, 200, 1.25);
  it('maps the letterbox bars to nothing', () => {
    expect(toNormalized(f, 10, 100)).toBeNull();
    expect(toNormalized(f, 35, 0)).toEqual({ x: 0, y: 0 });
    expect(toNormalized(f, 285, 200)).toEqual({ x: 1, y: 1 });
  });

  it('turns a drag into an area, whichever way it goes, clamped to the frame', () => {
    expect(dragArea(f, { x: 160, y: 100 }, { x: 60, y: 40 })).toEqual({ x: 0.1, y: 0.2, width: 0.4, height: 0.3 });
    expect(dragArea(f, { x: 160, y: 100 }, { x: 400, y: 300 })).toEqual({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 });
    expect(dragArea(f, { x: 5, y: 100 }, { x: 100, y: 100 })).toBeNull();
    expect(areaToPixels(f, { x: 0.1, y: 0.2, width: 0.4, height: 0.3 })).toEqual({ x: 60, y: 40, w: 100, h: 60 });
  });

  it('drag speeds: right turns right, down tilts down, limited', () => {
    expect(dragSpeeds(f, 25, 0, 1000, 30)).toEqual({ yaw_speed: 3, pitch_speed: -0 });
    expect(dragSpeeds(f, 0, 20, 200, 30)).toEqual({ yaw_speed: 0, pitch_speed: -15 });
    expect(dragSpeeds(f, 2500, 0, 100, 30).yaw_speed).toBe(30);
  });
});
