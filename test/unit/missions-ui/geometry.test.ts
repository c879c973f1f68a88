/** The 3D route preview's geometry: heights above the take-off point drawn at the dock's ellipsoid height + height. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT, type RouteDraft } from '../../../shared/wpml';
import type { DeviceSnapshot } from '../../../shared/model/device';
import { draftFigures, draftPositions, groundDistance, offset, pathPositions, takeOffOf } from '../../../renderer/src/features/missions/geometry';
import { routeViewOf, waypointIndexOf } from '../../../renderer/src/features/missions/routeView';
import { emptyEditor } from '../../../renderer/src/features/missions/editor';
import type { MissionsState } from '../../../renderer/src/features/missions/store';

const dock = (fields: Record<string, number>): DeviceSnapshot =>
  ({ sn: 'DOCK1', deviceClass: 'dock', online: true, gateway: null, children: [], groups: { position: { fields, updatedAt: 0 } } }) as unknown as DeviceSnapshot;
const devices = { DOCK1: dock({ latitude: 46, longitude: 7, height: 512.5 }) };
const home = { lat: 46, lon: 7 };
const draft: RouteDraft = {
  ...DEFAULT_DRAFT,
  speed: 5,
  waypoints: [0, 1, 2].map((i) => ({ ...offset(home, 0, i * 100), height: 20 + i * 10, actions: [] })),
};

describe('route geometry', () => {
  it('the take-off point is the dock position with its ellipsoid height; unknown or 0/0 is no take-off point', () => {
    expect(takeOffOf({ devices }, 'DOCK1')).toEqual({ lat: 46, lon: 7, height: 512.5, dockSn: 'DOCK1' });
    expect(takeOffOf({ devices }, null)).toBeNull();
    expect(takeOffOf({ devices: { DOCK1: dock({ latitude: 0, longitude: 0, height: 0 }) } }, 'DOCK1')).toBeNull();
  });

  it('drawn waypoints sit at take-off ellipsoid height + their height above take-off', () => {
    const t = takeOffOf({ devices }, 'DOCK1');
    expect(draftPositions(draft, t).map((p) => p.height)).toEqual([532.5, 542.5, 552.5]);
    expect(draftPositions(draft, null).map((p) => p.height)).toEqual([20, 30, 40]);
  });

  it('stored paths: relative heights are lifted to the take-off point, WGS84 heights are drawn as written', () => {
    const t = takeOffOf({ devices }, 'DOCK1');
    const path = [{ lat: 46, lon: 7, height: 30 }];
    expect(pathPositions(path, 'relativeToStartPoint', t)[0]!.height).toBe(542.5);
    expect(pathPositions(path, 'WGS84', t)[0]!.height).toBe(30);
  });

  it('offset/groundDistance agree, and the figures match the stored estimate: 200 m of legs at 5 m/s plus stops', () => {
    expect(groundDistance(home, offset(home, 60, 80))).toBeCloseTo(100, 1);
    const f = draftFigures(draft);
    expect(f.distanceM).toBeGreaterThan(200);
    expect(f.distanceM).toBeLessThan(202);
    // 40 s of flight + a 2 s stop at each of the 3 "toPointAndStop" waypoints.
    expect(f.durationS).toBe(46);
    expect(draftFigures(DEFAULT_DRAFT)).toEqual({ distanceM: 0, durationS: 0 });
  });
});

describe('what the route layer shows', () => {
  const base: MissionsState = {
    open: true, view: 'editor', library: [], shown: null, editor: { ...emptyEditor(), draft, selected: 1 }, drawing: true, dockSn: 'DOCK1', tasks: {}, watching: null, message: null,
  };

  it('nothing while the panel is closed; the draft, editable, while editing', () => {
    expect(routeViewOf({ ...base, open: false }, devices)).toBeNull();
    const v = routeViewOf(base, devices)!;
    expect(v).toMatchObject({ editable: true, selected: 1, current: null, groundHeight: 512.5 });
    expect(v.points).toHaveLength(3);
  });

  it("a followed task highlights its current waypoint on its route, measured from the task's dock", () => {
    const shown = { id: 'w1', heightMode: 'relativeToStartPoint', path: [{ lat: 46, lon: 7, height: 10 }, { lat: 46.001, lon: 7, height: 10 }] } as unknown as MissionsState['shown'];
    const t = { flightId: 'f1', gateway: 'DOCK1', waylineId: 'w1', waypointIndex: 1 } as MissionsState['tasks'][string];
    const v = routeViewOf({ ...base, view: 'task', dockSn: null, shown, tasks: { f1: t }, watching: 'f1' }, devices)!;
    expect(v).toMatchObject({ editable: false, current: 1, groundHeight: 512.5 });
    expect(v.points[0]!.height).toBe(522.5);
    expect(routeViewOf({ ...base, view: 'task', shown: null }, devices)).toBeNull();
  });

  it('only drawn-waypoint entity ids are draggable waypoints', () => {
    expect([waypointIndexOf('mission:wp:3'), waypointIndexOf('mission:route-wp:3'), waypointIndexOf('mission:wp:x'), waypointIndexOf(null)]).toEqual([3, null, null, null]);
  });
});
