/** Reconnect backoff: doubles, caps, jitters within its spread. */
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../renderer/src/ipc/backoff';

describe('backoffDelay', () => {
  const opts = { baseMs: 100, maxMs: 1000, jitter: 0.5 };
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 50].map((a) => backoffDelay(a, opts, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
  it('jitters down by at most the spread', () => {
    expect(backoffDelay(3, opts, () => 0)).toBe(400);
    expect(backoffDelay(3, { ...opts, jitter: 0 }, () => 0)).toBe(800);
  });
});
