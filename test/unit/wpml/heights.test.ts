/** Height modes: the EGM96 geoid, which heightMode/executeHeightMode each aircraft and template allow, and what the route writer puts in each file. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT, draftToWpml, type RouteDraft } from '../../../shared/wpml/draft';
import {
  authoringProblem, egm96ToEllipsoid, ellipsoidToEgm96, executeHeightModeProblem, geoidHeight, heightModeProblem,
} from '../../../shared/wpml/heights';
import type { WpmlIssue } from '../../../shared/wpml/model';
import { parseKmz } from '../../../shared/wpml/parse';
import { writeKmz } from '../../../shared/wpml/write';
import { DOCS_TEMPLATE, DOCS_WAYLINES, kmzOf, withCoordinates } from './fixtures';

const M30 = { enumValue: 67, subEnumValue: 0 };
const M3E = { enumValue: 77, subEnumValue: 0 };
const M3TD = { enumValue: 91, subEnumValue: 1 };
const issuesOf = (r: { ok: boolean; error?: { details?: unknown } }): WpmlIssue[] => ((r.error?.details as { issues?: WpmlIssue[] }) ?? {}).issues ?? [];

describe('EGM96 geoid', () => {
  // NGA's EGM96 test points (the reference Fortran's input and output): the 15′ grid interpolates within 0.1 m.
  it.each([
    [38.628155, 269.779155, -31.628],
    [-14.621217, 305.021114, -2.969],
    [46.874319, 102.448729, -43.575],
    [-23.617446, 133.874712, 15.871],
    [38.625473, 359.9995, 50.066],
    [-0.466744, 0.0023, 17.329],
  ])('N at %f, %f is %f m', (lat, lon, n) => {
    expect(Math.abs(geoidHeight(lat, lon) - n)).toBeLessThan(0.1);
  });

  it('EGM96 altitude ↔ ellipsoid height are inverse, offset by N (longitude -180…180 or 0…360 alike)', () => {
    const n = geoidHeight(47.4, 8.5);
    expect(egm96ToEllipsoid(47.4, 8.5, 400)).toBeCloseTo(400 + n, 9);
    expect(ellipsoidToEgm96(47.4, 8.5, egm96ToEllipsoid(47.4, 8.5, 400))).toBeCloseTo(400, 9);
    expect(geoidHeight(38.628155, 269.779155 - 360)).toBeCloseTo(geoidHeight(38.628155, 269.779155), 9);
  });
});

describe('which height modes the docs allow', () => {
  it('template heightMode: realTimeFollowSurface only on mapping templates of M3E/M3T/M3M; the others everywhere', () => {
    for (const m of ['EGM96', 'relativeToStartPoint', 'aboveGroundLevel'] as const) expect(heightModeProblem(m, 'waypoint', M30)).toBeNull();
    expect(heightModeProblem('realTimeFollowSurface', 'mapping2d', M3E)).toBeNull();
    expect(heightModeProblem('realTimeFollowSurface', 'mappingStrip', { enumValue: 77, subEnumValue: 2 })).toBeNull();
    expect(heightModeProblem('realTimeFollowSurface', 'waypoint', M3E)).toMatch(/only to mapping templates/);
    expect(heightModeProblem('realTimeFollowSurface', 'mapping3d', M3TD)).toMatch(/M3E\/M3T\/M3M/);
    // Mavic 3TA (77-3) is not in the docs' list.
    expect(heightModeProblem('realTimeFollowSurface', 'mapping2d', { enumValue: 77, subEnumValue: 3 })).toMatch(/M3E\/M3T\/M3M/);
  });

  it('executeHeightMode: realTimeFollowSurface only on M3E/M3T/M3M', () => {
    expect(executeHeightModeProblem('WGS84', M30)).toBeNull();
    expect(executeHeightModeProblem('relativeToStartPoint', M3TD)).toBeNull();
    expect(executeHeightModeProblem('realTimeFollowSurface', { enumValue: 77, subEnumValue: 1 })).toBeNull();
    expect(executeHeightModeProblem('realTimeFollowSurface', M3TD)).toMatch(/M3E\/M3T\/M3M/);
  });

  it('the route editor writes relativeToStartPoint and EGM96; AGL needs terrain data (FlightHub 2), follow-surface is for mapping', () => {
    expect(authoringProblem('relativeToStartPoint', M3TD)).toBeNull();
    expect(authoringProblem('EGM96', M3TD)).toBeNull();
    expect(authoringProblem('aboveGroundLevel', M3TD)).toMatch(/terrain data.*FlightHub 2/);
    expect(authoringProblem('realTimeFollowSurface', M3E)).toMatch(/mapping templates/);
  });

  const mutate = (edits: readonly (readonly [string, string, 'template' | 'waylines'])[]) => {
    let t = withCoordinates(DOCS_TEMPLATE);
    let w = withCoordinates(DOCS_WAYLINES);
    for (const [from, to, file] of edits) {
      if (file === 'template') t = t.split(from).join(to);
      else w = w.split(from).join(to);
    }
    return parseKmz(kmzOf(t, w));
  };

  it('the importer refuses a follow-surface waypoint template and a follow-surface wayline on an M30, naming the element', () => {
    const r = mutate([
      ['<wpml:heightMode>EGM96</wpml:heightMode>', '<wpml:heightMode>realTimeFollowSurface</wpml:heightMode>', 'template'],
      ['<wpml:executeHeightMode>WGS84</wpml:executeHeightMode>', '<wpml:executeHeightMode>realTimeFollowSurface</wpml:executeHeightMode>', 'waylines'],
    ]);
    expect(r.ok).toBe(false);
    const byElement = new Map(issuesOf(r).map((i) => [i.element, i]));
    expect(byElement.get('wpml:heightMode')?.file).toBe('template.kml');
    expect(byElement.get('wpml:heightMode')?.message).toMatch(/only to mapping templates/);
    expect(byElement.get('wpml:executeHeightMode')?.file).toBe('waylines.wpml');
    expect(byElement.get('wpml:executeHeightMode')?.message).toMatch(/M3E\/M3T\/M3M/);
  });
});

describe('the route writer per height mode', () => {
  const wps = [
    { lat: 47.4, lon: 8.5, height: 480, actions: [] },
    { lat: 47.401, lon: 8.5, height: 495.5, actions: [] },
  ];

  it('relativeToStartPoint: executed as relativeToStartPoint, every height the height above take-off', () => {
    const f = draftToWpml({ ...DEFAULT_DRAFT, waypoints: wps.map((w) => ({ ...w, height: 30 })) }, 0);
    expect(f.templates[0]?.coordinateSys.heightMode).toBe('relativeToStartPoint');
    expect(f.waylines[0]?.executeHeightMode).toBe('relativeToStartPoint');
    expect(f.templates[0]?.waypoints.map((w) => [w.height, w.ellipsoidHeight])).toEqual([[30, 30], [30, 30]]);
    expect(f.waylines[0]?.waypoints.map((w) => w.executeHeight)).toEqual([30, 30]);
  });

  it('a draft saved before the choice existed (no heightMode) is relativeToStartPoint', () => {
    const { heightMode: _omit, ...old } = DEFAULT_DRAFT;
    const f = draftToWpml({ ...old, waypoints: wps } as RouteDraft, 0);
    expect([f.templates[0]?.coordinateSys.heightMode, f.waylines[0]?.executeHeightMode]).toEqual(['relativeToStartPoint', 'relativeToStartPoint']);
  });

  it('EGM96: template keeps the altitude in height and its WGS84 twin in ellipsoidHeight; the wayline flies WGS84', () => {
    const f = draftToWpml({ ...DEFAULT_DRAFT, heightMode: 'EGM96', waypoints: wps }, 0);
    expect(f.templates[0]?.coordinateSys.heightMode).toBe('EGM96');
    expect(f.waylines[0]?.executeHeightMode).toBe('WGS84');
    f.templates[0]?.waypoints.forEach((w, i) => {
      const src = wps[i]!;
      expect(w.height).toBe(src.height);
      // Zurich: the geoid is ~47 m above the ellipsoid.
      expect(w.ellipsoidHeight! - src.height).toBeCloseTo(geoidHeight(src.lat, src.lon), 1);
      expect(w.ellipsoidHeight! - src.height).toBeGreaterThan(46);
      expect(f.waylines[0]?.waypoints[i]?.executeHeight).toBe(w.ellipsoidHeight);
      // Written to the centimetre.
      expect(Math.round(w.ellipsoidHeight! * 100) / 100).toBe(w.ellipsoidHeight);
    });
    const back = parseKmz(writeKmz(f));
    expect(back.ok && back.value.file).toEqual(f);
  });
});
