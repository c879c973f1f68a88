/** The route's height mode in the editor: switching keeps every waypoint in place, the choices follow the docs, the preview and the notes per mode. */
import { describe, expect, it } from 'vitest';
import { draftToWpml, egm96ToEllipsoid, geoidHeight, parseKmz, writeKmz } from '../../../shared/wpml';
import { editorReducer, emptyEditor, heightModeOptions, type EditorAction, type EditorState } from '../../../renderer/src/features/missions/editor';
import { executeHeightNote, heightModeNote, waypointHeightText } from '../../../renderer/src/features/missions/format';
import { draftPositions, heightAboveTakeOff, pathPositions, type TakeOff } from '../../../renderer/src/features/missions/geometry';

const run = (...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, emptyEditor());
// A dock near Zurich at 450 m ellipsoid height: about 402.6 m above sea level (the geoid is ~47.4 m up there).
const takeOff: TakeOff = { lat: 47.4, lon: 8.5, height: 450, dockSn: 'DOCK1' };
const add = (lat: number, lon: number, t: TakeOff | null = takeOff): EditorAction => ({ type: 'addWaypoint', lat, lon, takeOff: t });
const toEgm = (t: TakeOff | null = takeOff): EditorAction => ({ type: 'setHeightMode', mode: 'EGM96', takeOff: t });
const toRelative = (t: TakeOff | null = takeOff): EditorAction => ({ type: 'setHeightMode', mode: 'relativeToStartPoint', takeOff: t });

describe('height mode in the route editor', () => {
  it('switching re-expresses each height so the waypoint stays where it is (to the decimetre), and back', () => {
    const rel = run(add(47.401, 8.501), add(47.402, 8.502), { type: 'updateWaypoint', index: 1, patch: { height: 55 } });
    const egm = editorReducer(rel, toEgm());
    expect(egm.draft.heightMode).toBe('EGM96');
    expect(egm.dirty).toBe(true);
    egm.draft.waypoints.forEach((w, i) => {
      const before = draftPositions(rel.draft, takeOff)[i]!.height;
      expect(Math.abs(egm96ToEllipsoid(w.lat, w.lon, w.height) - before)).toBeLessThanOrEqual(0.05);
      expect(Math.round(w.height * 10) / 10).toBe(w.height);
    });
    expect(egm.draft.waypoints[0]!.height).toBeCloseTo(450 + 30 - geoidHeight(47.401, 8.501), 0);
    const back = editorReducer(egm, toRelative());
    expect(back.draft.waypoints.map((w) => w.height)).toEqual([30, 55]);
  });

  it('without a take-off point only an empty route switches; the same mode is no change', () => {
    const rel = run(add(47.401, 8.501));
    expect(editorReducer(rel, toEgm(null))).toBe(rel);
    expect(editorReducer(rel, toRelative())).toBe(rel);
    expect(run(toEgm(null)).draft.heightMode).toBe('EGM96');
  });

  it('modes the docs do not allow for a drawn route are refused by the reducer and disabled with their reason', () => {
    const s = run(add(47.401, 8.501));
    expect(editorReducer(s, { type: 'setHeightMode', mode: 'aboveGroundLevel' as 'EGM96', takeOff })).toBe(s);
    const opts = heightModeOptions(s.draft, takeOff);
    expect(opts.map((o) => [o.value, o.disabled])).toEqual([
      ['relativeToStartPoint', false],
      ['EGM96', false],
      ['aboveGroundLevel', true],
      ['realTimeFollowSurface', true],
    ]);
    expect(opts[2]!.reason).toMatch(/terrain data.*FlightHub 2/);
    expect(opts[3]!.reason).toMatch(/mapping templates/);
    // Drawn waypoints and no dock position: the other mode cannot be reached without moving the route.
    const noDock = heightModeOptions(s.draft, null);
    expect(noDock[0]).toMatchObject({ disabled: false, reason: null });
    expect(noDock[1]!.reason).toMatch(/No take-off point known/);
  });

  it('an EGM96 route starts at take-off altitude + 30 m, clamps altitudes to −500…7000 m, and writes WGS84 heights the importer reads', () => {
    let s = run(toEgm(), add(47.401, 8.501), add(47.402, 8.502));
    const first = s.draft.waypoints[0]!.height;
    expect(heightAboveTakeOff(s.draft, s.draft.waypoints[0]!, takeOff)).toBeCloseTo(30, 0);
    expect(s.draft.waypoints[1]!.height).toBe(first);
    s = editorReducer(s, { type: 'updateWaypoint', index: 1, patch: { height: 9000 } });
    expect(s.draft.waypoints[1]!.height).toBe(7000);
    // The relative mode keeps its own ±1500 m limit.
    expect(run(add(47.401, 8.501), { type: 'updateWaypoint', index: 0, patch: { height: 9000 } }).draft.waypoints[0]!.height).toBe(1500);
    const parsed = parseKmz(writeKmz(draftToWpml(s.draft, 0)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.file.waylines[0]!.executeHeightMode).toBe('WGS84');
    expect(parsed.value.file.waylines[0]!.waypoints[0]!.executeHeight).toBeCloseTo(egm96ToEllipsoid(47.401, 8.501, first), 2);
  });
});

describe('3D preview per height mode', () => {
  const wp = { lat: 47.401, lon: 8.501, height: 420, actions: [] };

  it('EGM96 waypoints are drawn at their absolute ellipsoid height, with or without a dock; relative ones above the dock', () => {
    const egm = { ...emptyEditor().draft, heightMode: 'EGM96' as const, waypoints: [wp] };
    const want = 420 + geoidHeight(47.401, 8.501);
    expect(draftPositions(egm, takeOff)[0]!.height).toBeCloseTo(want, 6);
    expect(draftPositions(egm, null)[0]!.height).toBeCloseTo(want, 6);
    expect(heightAboveTakeOff(egm, wp, takeOff)).toBeCloseTo(want - 450, 6);
    expect(heightAboveTakeOff(egm, wp, null)).toBeNull();
    const rel = { ...egm, heightMode: 'relativeToStartPoint' as const, waypoints: [{ ...wp, height: 30 }] };
    expect(draftPositions(rel, takeOff)[0]!.height).toBe(480);
  });

  it('stored paths by executeHeightMode: WGS84 as written; relative and follow-surface from the take-off point (no terrain offline)', () => {
    const path = [{ lat: 47.401, lon: 8.501, height: 30 }];
    expect(pathPositions(path, 'WGS84', takeOff)[0]!.height).toBe(30);
    expect(pathPositions(path, 'relativeToStartPoint', takeOff)[0]!.height).toBe(480);
    expect(pathPositions(path, 'realTimeFollowSurface', takeOff)[0]!.height).toBe(480);
  });

  it('the notes say what heights mean and that the take-off height stands for the ground', () => {
    expect(heightModeNote('relativeToStartPoint', takeOff)).toMatch(/above the take-off point: the dock, at 450\.0 m ellipsoid height.*take-off point's height as the ground/);
    expect(heightModeNote('relativeToStartPoint', null)).toMatch(/No dock position known/);
    const egm = heightModeNote('EGM96', takeOff);
    expect(egm).toMatch(/altitudes above mean sea level \(EGM96\).*WGS84 ellipsoid heights \(geoid \+47\.\d m here\)/);
    expect(egm).toMatch(/The dock is at 402\.\d m altitude \(450\.0 m ellipsoid height\)/);
    expect(egm).toMatch(/take-off point's height as the ground/);
    expect(executeHeightNote('WGS84')).toMatch(/as written/);
    expect(executeHeightNote('realTimeFollowSurface')).toMatch(/take-off point's height as the ground/);
    expect(waypointHeightText('relativeToStartPoint', 30, 30)).toBe('30 m');
    expect(waypointHeightText('EGM96', 432.6, 30.04)).toBe('432.6 m ASL (+30.0)');
    expect(waypointHeightText('EGM96', 432.6, null)).toBe('432.6 m ASL');
  });
});
