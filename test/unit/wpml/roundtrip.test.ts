/** Export follows the docs and Outpost's own importer reads it back unchanged. */
import { describe, expect, it } from 'vitest';
import { draftToWpml, DEFAULT_DRAFT, type RouteDraft } from '../../../shared/wpml/draft';
import { parseKmz } from '../../../shared/wpml/parse';
import { routeStats } from '../../../shared/wpml/stats';
import { writeKmz } from '../../../shared/wpml/write';
import { docsKmz } from './fixtures';

const parse = (b: Uint8Array) => {
  const r = parseKmz(b);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.file;
};

const DRAFT: RouteDraft = {
  ...DEFAULT_DRAFT,
  waypoints: [
    { lat: 22.5, lon: 113.9, height: 60, actions: [{ kind: 'takePhoto' }] },
    { lat: 22.501, lon: 113.9, height: 80, speed: 6, heading: 90, turnMode: 'coordinateTurn', gimbalPitch: -45, actions: [{ kind: 'gimbalRotate', pitch: -30 }, { kind: 'hover', seconds: 3 }] },
    { lat: 22.501, lon: 113.901, height: 80, turnMode: 'toPointAndPassWithContinuityCurvature', actions: [{ kind: 'startRecord' }, { kind: 'zoom', focalLength: 48 }] },
    { lat: 22.5, lon: 113.901, height: 50, actions: [{ kind: 'stopRecord' }] },
  ],
};

describe('WPML round trip', () => {
  it('docs example: import → export → import is equal', () => {
    const first = parse(docsKmz());
    const again = parse(writeKmz(first));
    expect(again).toEqual(first);
  });

  it('an authored 4-waypoint route: export → import gives the same model, and export is byte-stable', () => {
    const file = draftToWpml(DRAFT, 1_700_000_000_000);
    const kmz = writeKmz(file);
    expect(parse(kmz)).toEqual(file);
    expect(writeKmz(parse(kmz))).toEqual(kmz);
  });

  it('computes distance, duration and waypoint count', () => {
    const s = routeStats(draftToWpml(DRAFT, 0));
    expect(s.waypointCount).toBe(4);
    // 111 m north (+20 m up), ~103 m east, ~111 m south (-30 m): ≈ 331 m.
    expect(s.distanceM).toBeGreaterThan(320);
    expect(s.distanceM).toBeLessThan(345);
    expect(s.durationS).toBeGreaterThan(30);
  });
});
