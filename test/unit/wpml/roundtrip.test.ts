/** Export follows the docs and Outpost's own importer reads it back unchanged. */
import { describe, expect, it } from 'vitest';
import { draftToWpml, DEFAULT_DRAFT, type RouteDraft } from '../../../shared/wpml/draft';
import { parseKmz } from '../../../shared/wpml/parse';
import { routeStats } from '../../../shared/wpml/stats';
import { writeKmz } from '../../../shared/wpml/write';
import type { ExecuteHeightMode, HeightMode, WpmlFile } from '../../../shared/wpml/model';
import { DOCS_TEMPLATE, DOCS_WAYLINES, docsKmz, kmzOf, withCoordinates } from './fixtures';

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

  /**
   * The docs example in every template heightMode with the executeHeightMode DJI pairs with it (EGM96 and AGL
   * routes fly WGS84 heights; realTimeFollowSurface is a mapping template of an M3E/M3T/M3M on both sides).
   */
  const inMode = (heightMode: HeightMode, exec: ExecuteHeightMode): Uint8Array => {
    let t = withCoordinates(DOCS_TEMPLATE).replace('<wpml:heightMode>EGM96</wpml:heightMode>', `<wpml:heightMode>${heightMode}</wpml:heightMode>`);
    let w = withCoordinates(DOCS_WAYLINES).replace('<wpml:executeHeightMode>WGS84</wpml:executeHeightMode>', `<wpml:executeHeightMode>${exec}</wpml:executeHeightMode>`);
    if (heightMode === 'realTimeFollowSurface') {
      const m3e = (x: string): string =>
        x.replace('<wpml:droneEnumValue>67</wpml:droneEnumValue>', '<wpml:droneEnumValue>77</wpml:droneEnumValue>').replace('<wpml:payloadEnumValue>52</wpml:payloadEnumValue>', '<wpml:payloadEnumValue>66</wpml:payloadEnumValue>');
      t = m3e(t).replace('<wpml:templateType>waypoint</wpml:templateType>', '<wpml:templateType>mapping2d</wpml:templateType>');
      w = m3e(w);
    }
    return kmzOf(t, w);
  };
  const modes: readonly (readonly [HeightMode, ExecuteHeightMode])[] = [
    ['EGM96', 'WGS84'],
    ['relativeToStartPoint', 'relativeToStartPoint'],
    ['aboveGroundLevel', 'WGS84'],
    ['realTimeFollowSurface', 'realTimeFollowSurface'],
  ];
  it.each(modes)('heightMode %s / executeHeightMode %s: import → export → import is equal and keeps both modes', (heightMode, exec) => {
    const first: WpmlFile = parse(inMode(heightMode, exec));
    expect(first.templates[0]?.coordinateSys.heightMode).toBe(heightMode);
    expect(first.waylines[0]?.executeHeightMode).toBe(exec);
    const again = parse(writeKmz(first));
    expect(again).toEqual(first);
    expect(routeStats(again).heightMode).toBe(exec);
  });

  it.each(['relativeToStartPoint', 'EGM96'] as const)('an authored route in %s: export → import → export is byte-stable', (heightMode) => {
    const file = draftToWpml({ ...DRAFT, heightMode }, 1_700_000_000_000);
    const kmz = writeKmz(file);
    const back = parse(kmz);
    expect(back).toEqual(file);
    expect(back.templates[0]?.coordinateSys.heightMode).toBe(heightMode);
    expect(back.waylines[0]?.executeHeightMode).toBe(heightMode === 'EGM96' ? 'WGS84' : 'relativeToStartPoint');
    expect(writeKmz(back)).toEqual(kmz);
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
