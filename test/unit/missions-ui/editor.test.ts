/** The route editor's reducer: every edit of the map-drawn route is a pure transition with clamped values. */
import { describe, expect, it } from 'vitest';
import { draftToWpml, parseKmz, writeKmz } from '../../../shared/wpml';
import { DEFAULT_HEIGHT_M, editorReducer, emptyEditor, saveProblem, type EditorAction, type EditorState } from '../../../renderer/src/features/missions/editor';

const run = (...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, emptyEditor());
const add = (lat: number, lon: number): EditorAction => ({ type: 'addWaypoint', lat, lon });

describe('route editor reducer', () => {
  it('adds waypoints at the clicked place, selects the new one, and carries the last height forward', () => {
    const s = run(add(46, 7), { type: 'updateWaypoint', index: 0, patch: { height: 55 } }, add(46.001, 7.001));
    expect(s.draft.waypoints).toHaveLength(2);
    expect(s.draft.waypoints[0]).toMatchObject({ lat: 46, lon: 7, height: 55 });
    expect(s.draft.waypoints[1]).toMatchObject({ lat: 46.001, lon: 7.001, height: 55, actions: [] });
    expect(s.selected).toBe(1);
    expect(s.dirty).toBe(true);
    expect(run(add(1, 2)).draft.waypoints[0]!.height).toBe(DEFAULT_HEIGHT_M);
  });

  it('moves a dragged waypoint and ignores indexes that do not exist', () => {
    const s = run(add(46, 7), add(46.001, 7), { type: 'moveWaypoint', index: 1, lat: 46.002, lon: 7.003 });
    expect(s.draft.waypoints[1]).toMatchObject({ lat: 46.002, lon: 7.003 });
    expect(editorReducer(s, { type: 'moveWaypoint', index: 5, lat: 0, lon: 0 })).toBe(s);
    expect(editorReducer(s, { type: 'updateWaypoint', index: -1, patch: { height: 1 } })).toBe(s);
  });

  it('sets and clears per-waypoint speed, heading, turn mode and gimbal pitch, clamped to their ranges', () => {
    let s = run(add(46, 7), { type: 'updateWaypoint', index: 0, patch: { speed: 99, heading: 270, turnMode: 'coordinateTurn', gimbalPitch: -120, height: 2000 } });
    // Matrice 3TD (droneEnumValue 91) tops out at 21 m/s; heading -180…180; pitch -90…35; height ±1500 m.
    expect(s.draft.waypoints[0]).toMatchObject({ speed: 21, heading: 180, turnMode: 'coordinateTurn', gimbalPitch: -90, height: 1500 });
    s = editorReducer(s, { type: 'updateWaypoint', index: 0, patch: { speed: null, heading: null, turnMode: null, gimbalPitch: null } });
    const w = s.draft.waypoints[0]!;
    expect('speed' in w || 'heading' in w || 'turnMode' in w || 'gimbalPitch' in w).toBe(false);
  });

  it('adds, updates and removes actions, clamping their parameters', () => {
    let s = run(add(46, 7), { type: 'addAction', index: 0, action: { kind: 'takePhoto' } }, { type: 'addAction', index: 0, action: { kind: 'hover', seconds: 5000 } });
    expect(s.draft.waypoints[0]!.actions).toEqual([{ kind: 'takePhoto' }, { kind: 'hover', seconds: 900 }]);
    s = editorReducer(s, { type: 'updateAction', index: 0, at: 1, action: { kind: 'gimbalRotate', pitch: 50 } });
    expect(s.draft.waypoints[0]!.actions[1]).toEqual({ kind: 'gimbalRotate', pitch: 35 });
    s = editorReducer(s, { type: 'addAction', index: 0, action: { kind: 'zoom', focalLength: 1 } });
    expect(s.draft.waypoints[0]!.actions[2]).toEqual({ kind: 'zoom', focalLength: 24 });
    s = editorReducer(s, { type: 'removeAction', index: 0, at: 0 });
    expect(s.draft.waypoints[0]!.actions.map((a) => a.kind)).toEqual(['gimbalRotate', 'zoom']);
  });

  it('removing a waypoint keeps the selection on a waypoint that still exists', () => {
    const three = run(add(1, 1), add(2, 2), add(3, 3));
    expect(editorReducer(three, { type: 'removeWaypoint', index: 2 }).selected).toBe(1);
    const sel0 = editorReducer(three, { type: 'select', index: 2 });
    expect(editorReducer(sel0, { type: 'removeWaypoint', index: 0 }).selected).toBe(1);
    const one = run(add(1, 1));
    expect(editorReducer(one, { type: 'removeWaypoint', index: 0 }).selected).toBeNull();
  });

  it('global settings: speed and take-off security height are clamped, actions are set as given', () => {
    const s = run({ type: 'setGlobal', patch: { speed: 0, takeOffSecurityHeight: 5000, finishAction: 'autoLand', exitOnRCLost: 'goContinue' } });
    expect(s.draft).toMatchObject({ speed: 0.1, takeOffSecurityHeight: 1500, finishAction: 'autoLand', exitOnRCLost: 'goContinue' });
  });

  it('load, saved and new: a stored route is clean after loading and after saving', () => {
    const drawn = run(add(46, 7), add(46.001, 7));
    const loaded = editorReducer(emptyEditor(), { type: 'load', id: 'w1', name: 'Fence', draft: drawn.draft });
    expect(loaded).toMatchObject({ id: 'w1', name: 'Fence', dirty: false, selected: null });
    const edited = editorReducer(loaded, { type: 'rename', name: 'Fence north' });
    expect(edited.dirty).toBe(true);
    expect(editorReducer(edited, { type: 'saved', id: 'w1' }).dirty).toBe(false);
    expect(editorReducer(edited, { type: 'new' })).toEqual(emptyEditor());
  });

  it('says why a route cannot be saved, and an edited route writes a KMZ that Outpost imports', () => {
    expect(saveProblem(run(add(46, 7)))).toMatch(/at least 2 waypoints; this one has 1/);
    expect(saveProblem(run(add(46, 7), add(46.001, 7), { type: 'rename', name: '  ' }))).toMatch(/name/);
    const s = run(
      add(46, 7),
      add(46.0005, 7.0005),
      { type: 'updateWaypoint', index: 1, patch: { speed: 4, heading: 90, turnMode: 'toPointAndPassWithContinuityCurvature', gimbalPitch: -30 } },
      ...(['takePhoto', 'startRecord', 'stopRecord'] as const).map((kind): EditorAction => ({ type: 'addAction', index: 1, action: { kind } })),
      { type: 'addAction', index: 0, action: { kind: 'hover', seconds: 3 } },
    );
    expect(saveProblem(s)).toBeNull();
    const parsed = parseKmz(writeKmz(draftToWpml(s.draft, 0)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const wp = parsed.value.file.waylines[0]!.waypoints[1]!;
    expect(wp).toMatchObject({ speed: 4, executeHeight: DEFAULT_HEIGHT_M, turn: { mode: 'toPointAndPassWithContinuityCurvature' } });
    expect(wp.actionGroups[0]!.actions.map((a) => a.func)).toEqual(['takePhoto', 'startRecord', 'stopRecord']);
  });
});
