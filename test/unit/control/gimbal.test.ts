/** Gimbal buttons: drag on press, repeat while held (one in flight at most), stop on release. Fake time. */
import { describe, expect, it } from 'vitest';
import { GIMBAL_PITCH_SPEED, GIMBAL_REPEAT_MS, gimbalDirection, GimbalRepeat } from '../../../shared/control';

describe('gimbalDirection', () => {
  it('up is +1, down is −1, neither or both is 0', () => {
    expect(gimbalDirection(true, false)).toBe(1);
    expect(gimbalDirection(false, true)).toBe(-1);
    expect(gimbalDirection(false, false)).toBe(0);
    expect(gimbalDirection(true, true)).toBe(0);
  });
});

describe('GimbalRepeat', () => {
  it('sends the pitch speed at once, repeats it every repeatMs while held, and 0 once on release', () => {
    const g = new GimbalRepeat(15, 300);
    const sent: [number, number][] = [];
    for (let t = 0; t <= 1000; t += 40) {
      const v = g.update(1, t, false);
      if (v !== null) sent.push([t, v]);
    }
    expect(sent).toEqual([[0, 15], [320, 15], [640, 15], [960, 15]]);
    expect(g.update(0, 1040, false)).toBe(0);
    // Nothing more while nothing is held.
    expect(g.update(0, 1080, false)).toBeNull();
    expect(g.update(0, 5000, false)).toBeNull();
  });

  it('down is a negative speed; changing direction sends at once', () => {
    const g = new GimbalRepeat(15, 300);
    expect(g.update(-1, 0, false)).toBe(-15);
    expect(g.update(-1, 40, false)).toBeNull();
    expect(g.update(1, 80, false)).toBe(15);
  });

  it('never sends while the previous command is unanswered; the stop waits for the answer', () => {
    const g = new GimbalRepeat(15, 300);
    expect(g.update(1, 0, false)).toBe(15);
    expect(g.update(1, 400, true)).toBeNull(); // due, but busy
    expect(g.update(1, 440, false)).toBe(15);
    expect(g.update(0, 480, true)).toBeNull(); // released while busy
    expect(g.update(0, 520, true)).toBeNull();
    expect(g.update(0, 560, false)).toBe(0); // answered: now the stop
    expect(g.update(0, 600, false)).toBeNull();
  });

  it('a quick tap still moves and then stops the gimbal', () => {
    const g = new GimbalRepeat(15, 300);
    expect([g.update(1, 0, false), g.update(0, 40, false)]).toEqual([15, 0]);
  });

  it('after a refusal it stops repeating until release, and sends no stop for a gimbal that never moved', () => {
    const g = new GimbalRepeat(15, 300);
    expect(g.update(1, 0, false)).toBe(15);
    g.refuse();
    expect(g.update(1, 400, false)).toBeNull();
    expect(g.update(1, 800, false)).toBeNull();
    expect(g.update(0, 840, false)).toBeNull();
    // The next press works again.
    expect(g.update(1, 900, false)).toBe(15);
  });

  it('defaults: a modest speed, repeated a few times a second', () => {
    const g = new GimbalRepeat();
    expect(g.speed).toBe(GIMBAL_PITCH_SPEED);
    expect(g.repeatMs).toBe(GIMBAL_REPEAT_MS);
    expect(GIMBAL_PITCH_SPEED).toBeGreaterThan(0);
    expect(GIMBAL_PITCH_SPEED).toBeLessThanOrEqual(30);
    expect(GIMBAL_REPEAT_MS).toBeGreaterThanOrEqual(200);
    expect(GIMBAL_REPEAT_MS).toBeLessThanOrEqual(500);
  });
});
