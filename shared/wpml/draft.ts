/**
 * The route the operator draws on the map (heights in its height mode) ↔ a full WpmlFile.
 * One waypoint template + its wayline, as DJI Pilot 2 / FlightHub 2 write them.
 */
import { EXECUTE_MODE_OF, egm96ToEllipsoid, type DraftHeightMode } from './heights';
import type { Action, ActionGroup, FinishAction, ExitOnRcLost, ParamEntry, RcLostAction, TurnMode, Waypoint, WpmlFile } from './model';

export type DraftAction =
  | { readonly kind: 'takePhoto' }
  | { readonly kind: 'startRecord' }
  | { readonly kind: 'stopRecord' }
  | { readonly kind: 'hover'; readonly seconds: number }
  | { readonly kind: 'gimbalRotate'; readonly pitch: number }
  | { readonly kind: 'zoom'; readonly focalLength: number };

export interface DraftWaypoint {
  readonly lat: number;
  readonly lon: number;
  /** Metres in the route's height mode: above the take-off point, or EGM96 altitude (above mean sea level). */
  readonly height: number;
  /** m/s; the route speed when absent. */
  readonly speed?: number;
  /** Fixed yaw (°, -180…180); follows the route when absent. */
  readonly heading?: number;
  readonly turnMode?: TurnMode;
  readonly gimbalPitch?: number;
  readonly actions: readonly DraftAction[];
}

export interface RouteDraft {
  readonly droneEnumValue: number;
  readonly droneSubEnumValue: number;
  readonly payloadEnumValue: number;
  readonly speed: number;
  /** template.kml heightMode; absent in drafts saved before there was a choice, which are relativeToStartPoint. */
  readonly heightMode?: DraftHeightMode;
  readonly takeOffSecurityHeight: number;
  readonly finishAction: FinishAction;
  readonly exitOnRCLost: ExitOnRcLost;
  readonly executeRCLostAction: RcLostAction;
  readonly waypoints: readonly DraftWaypoint[];
}

/** Matrice 3TD on a Dock 2: the simulator's aircraft. */
export const DEFAULT_DRAFT: RouteDraft = {
  droneEnumValue: 91,
  droneSubEnumValue: 1,
  payloadEnumValue: 81,
  speed: 10,
  heightMode: 'relativeToStartPoint',
  takeOffSecurityHeight: 20,
  finishAction: 'goHome',
  exitOnRCLost: 'executeLostAction',
  executeRCLostAction: 'goBack',
  waypoints: [],
};

export const draftHeightMode = (d: Pick<RouteDraft, 'heightMode'>): DraftHeightMode => d.heightMode ?? 'relativeToStartPoint';

/** centimetres: the WGS84 height written for an EGM96 altitude (the geoid grid is not finer than that). */
const cm = (v: number): number => Math.round(v * 100) / 100;

const DEFAULT_TURN: TurnMode = 'toPointAndStopWithDiscontinuityCurvature';

function action(a: DraftAction, id: number): Action {
  const pos: ParamEntry = ['payloadPositionIndex', 0];
  switch (a.kind) {
    case 'takePhoto':
      return { id, func: 'takePhoto', params: [pos, ['fileSuffix', ''], ['useGlobalPayloadLensIndex', 1]] };
    case 'startRecord':
      return { id, func: 'startRecord', params: [pos, ['fileSuffix', ''], ['useGlobalPayloadLensIndex', 1]] };
    case 'stopRecord':
      return { id, func: 'stopRecord', params: [pos] };
    case 'hover':
      return { id, func: 'hover', params: [['hoverTime', a.seconds]] };
    case 'zoom':
      return { id, func: 'zoom', params: [pos, ['focalLength', a.focalLength]] };
    case 'gimbalRotate':
      return {
        id,
        func: 'gimbalRotate',
        params: [
          pos, ['gimbalHeadingYawBase', 'north'], ['gimbalRotateMode', 'absoluteAngle'],
          ['gimbalPitchRotateEnable', 1], ['gimbalPitchRotateAngle', a.pitch], ['gimbalRollRotateEnable', 0], ['gimbalRollRotateAngle', 0],
          ['gimbalYawRotateEnable', 0], ['gimbalYawRotateAngle', 0], ['gimbalRotateTimeEnable', 0], ['gimbalRotateTime', 0],
        ],
      };
  }
}

function groups(w: DraftWaypoint, index: number): ActionGroup[] {
  if (w.actions.length === 0) return [];
  return [{ id: index, startIndex: index, endIndex: index, mode: 'sequence', trigger: { type: 'reachPoint' }, actions: w.actions.map(action) }];
}

export function draftToWpml(d: RouteDraft, now: number): WpmlFile {
  const heightMode = draftHeightMode(d);
  // template.kml: height in the height mode, ellipsoidHeight the same place as a WGS84 height; relative routes have
  // no absolute reference, so (as DJI Pilot 2 does) both carry the height above take-off. waylines.wpml: the height
  // the aircraft flies in executeHeightMode (WGS84 for EGM96 routes: dji-wpml overview, route conversion).
  const ellipsoid = (w: DraftWaypoint): number => (heightMode === 'EGM96' ? cm(egm96ToEllipsoid(w.lat, w.lon, w.height)) : w.height);
  const common = (w: DraftWaypoint, i: number): Pick<Waypoint, 'index' | 'lat' | 'lon' | 'actionGroups'> => ({ index: i, lat: w.lat, lon: w.lon, actionGroups: groups(w, i) });
  const heading = (w: DraftWaypoint): Waypoint['heading'] =>
    w.heading === undefined ? { mode: 'followWayline', pathMode: 'followBadArc' } : { mode: 'smoothTransition', angle: w.heading, pathMode: 'followBadArc' };
  const curve = (m: TurnMode): boolean => m === 'toPointAndStopWithContinuityCurvature' || m === 'toPointAndPassWithContinuityCurvature';
  const templateWps: Waypoint[] = d.waypoints.map((w, i) => {
    const turn = w.turnMode ?? DEFAULT_TURN;
    return {
      ...common(w, i),
      height: w.height,
      ellipsoidHeight: ellipsoid(w),
      useGlobalHeight: false,
      useGlobalSpeed: w.speed === undefined,
      useGlobalHeadingParam: false,
      useGlobalTurnParam: false,
      ...(w.speed !== undefined ? { speed: w.speed } : {}),
      heading: heading(w),
      turn: { mode: turn, ...(turn === 'coordinateTurn' ? { dampingDist: 0.2 } : {}) },
      ...(curve(turn) ? { useStraightLine: true } : {}),
      gimbalPitchAngle: w.gimbalPitch ?? 0,
    };
  });
  const waylineWps: Waypoint[] = d.waypoints.map((w, i) => {
    const turn = w.turnMode ?? DEFAULT_TURN;
    return {
      ...common(w, i),
      executeHeight: ellipsoid(w),
      speed: w.speed ?? d.speed,
      heading: heading(w),
      turn: { mode: turn, dampingDist: turn === 'coordinateTurn' ? 0.2 : 0 },
      ...(curve(turn) ? { useStraightLine: true } : {}),
    };
  });
  const mission = {
    flyToWaylineMode: 'safely' as const,
    finishAction: d.finishAction,
    exitOnRCLost: d.exitOnRCLost,
    ...(d.exitOnRCLost === 'executeLostAction' ? { executeRCLostAction: d.executeRCLostAction } : {}),
    takeOffSecurityHeight: d.takeOffSecurityHeight,
    globalTransitionalSpeed: Math.min(15, d.speed),
    drone: { enumValue: d.droneEnumValue, subEnumValue: d.droneSubEnumValue },
    payloads: [{ enumValue: d.payloadEnumValue, positionIndex: 0 }],
  };
  return {
    author: 'Outpost',
    createTime: now,
    updateTime: now,
    mission,
    templates: [
      {
        templateType: 'waypoint',
        templateId: 0,
        coordinateSys: { coordinateMode: 'WGS84', heightMode, positioningType: 'GPS' },
        autoFlightSpeed: d.speed,
        gimbalPitchMode: 'usePointSetting',
        globalHeading: { mode: 'followWayline', pathMode: 'followBadArc' },
        globalTurnMode: DEFAULT_TURN,
        globalUseStraightLine: false,
        waypoints: templateWps,
        extras: [],
      },
    ],
    waylines: [{ templateId: 0, waylineId: 0, autoFlightSpeed: d.speed, executeHeightMode: EXECUTE_MODE_OF[heightMode], waypoints: waylineWps }],
    resources: [],
  };
}
