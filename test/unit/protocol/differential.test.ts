/**
 * The zod schema is the authority for osd/state data; the compiled fast path must agree with it:
 * on every docs example and on thousands of type-flipped mutations of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastPropertyCheck, zodAccepts } from '../../../shared/protocol/method-registry';

const ROOT = join(__dirname, '../../fixtures/dji-docs');
interface Fixture { topic: string; message: { data?: unknown } }
const samples: Record<string, unknown>[] = [];
for (const dir of ['en', 'cn']) {
  for (const f of readdirSync(join(ROOT, dir))) {
    for (const fx of JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as Fixture[]) {
      const d = fx.message.data;
      if (/\/(osd|state)$/.test(fx.topic) && d && typeof d === 'object' && !Array.isArray(d)) samples.push(d as Record<string, unknown>);
    }
  }
}

/** Deterministic PRNG so a failure reproduces. */
function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed / 2 ** 32);
}

const FLIPS: readonly unknown[] = ['text', 42, 3.5, true, false, 0, 1, [], {}, [1, 'a'], { x: 1 }, null];

/** Replace one random leaf (at any depth) with a value of some other kind. */
function mutate(v: unknown, r: () => number): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0 || r() < 0.2) return FLIPS[Math.floor(r() * FLIPS.length)];
    const i = Math.floor(r() * v.length);
    return v.map((x, k) => (k === i ? mutate(x, r) : x));
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0 || r() < 0.1) return FLIPS[Math.floor(r() * FLIPS.length)];
    const k = keys[Math.floor(r() * keys.length)]!;
    return { ...(v as Record<string, unknown>), [k]: mutate((v as Record<string, unknown>)[k], r) };
  }
  return FLIPS[Math.floor(r() * FLIPS.length)];
}

describe('osd/state: fast path vs zod', () => {
  it('has the docs examples to work on', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
  });

  it('agrees on every docs example (all valid)', () => {
    for (const d of samples) {
      expect(fastPropertyCheck(d)).toBeNull();
      expect(zodAccepts(d)).toBe(true);
    }
  });

  it('agrees on 5,000 type-flipped mutations, and never accepts what zod refuses', () => {
    const r = rng(20261121);
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const d = mutate(samples[i % samples.length], r);
      if (!d || typeof d !== 'object' || Array.isArray(d)) continue;
      const fastOk = fastPropertyCheck(d as Record<string, unknown>) === null;
      const zodOk = zodAccepts(d as Record<string, unknown>);
      if (!zodOk) refused++;
      expect({ i, fastOk }).toEqual({ i, fastOk: zodOk });
    }
    expect(refused).toBeGreaterThan(500); // the mutations really do produce invalid data
  });
});
