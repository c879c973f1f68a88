/** Element tree → typed model (template.kml and waylines.wpml), recording every missing or conditional element. */
import type {
  Action, ActionFunc, ActionGroup, HeadingParam, MissionConfig, ParamEntry, PayloadInfo, RawElement, Template, TurnParam, Wayline, Waypoint,
} from './model';
import { TreeReader } from './reader';
import { ENUMS, isNumeric } from './schema';
import { childrenNamed, type XNode } from './xml';

export interface DocumentHead {
  readonly author?: string;
  readonly createTime?: number;
  readonly updateTime?: number;
  readonly mission?: MissionConfig;
}

export function readHead(r: TreeReader, doc: XNode): DocumentHead {
  const author = r.text(doc, 'wpml:author');
  const createTime = r.num(doc, 'wpml:createTime');
  const updateTime = r.num(doc, 'wpml:updateTime');
  const mc = r.node(doc, 'wpml:missionConfig', true);
  const mission = mc ? readMission(r, mc) : undefined;
  return { ...(author !== undefined ? { author } : {}), ...(createTime !== undefined ? { createTime } : {}), ...(updateTime !== undefined ? { updateTime } : {}), ...(mission ? { mission } : {}) };
}

function readMission(r: TreeReader, mc: XNode): MissionConfig | undefined {
  const flyToWaylineMode = r.oneOf(mc, 'wpml:flyToWaylineMode', ENUMS.flyToWaylineMode, true);
  const finishAction = r.oneOf(mc, 'wpml:finishAction', ENUMS.finishAction, true);
  const exitOnRCLost = r.oneOf(mc, 'wpml:exitOnRCLost', ENUMS.exitOnRCLost, true);
  // Required when exitOnRCLost is executeLostAction (template-kml.md, missionConfig table).
  const executeRCLostAction = r.oneOf(mc, 'wpml:executeRCLostAction', ENUMS.executeRCLostAction, exitOnRCLost === 'executeLostAction');
  const takeOffSecurityHeight = r.num(mc, 'wpml:takeOffSecurityHeight', true);
  const globalTransitionalSpeed = r.num(mc, 'wpml:globalTransitionalSpeed', true);
  const globalRTHHeight = r.num(mc, 'wpml:globalRTHHeight');
  const refText = r.text(mc, 'wpml:takeOffRefPoint');
  const takeOffRefPoint = refText === undefined ? undefined : latLonH(r, mc, refText);
  const agl = r.num(mc, 'wpml:takeOffRefPointAGLHeight');
  const di = r.node(mc, 'wpml:droneInfo', true);
  const droneEnum = di ? r.num(di, 'wpml:droneEnumValue', true) : undefined;
  // droneSubEnumValue is required for M30 (67) per common-element.md.
  const droneSub = di ? r.num(di, 'wpml:droneSubEnumValue', droneEnum === 67) : undefined;
  const payloads: PayloadInfo[] = childrenNamed(mc, 'wpml:payloadInfo').flatMap((p) => {
    const enumValue = r.num(p, 'wpml:payloadEnumValue', true);
    const positionIndex = r.num(p, 'wpml:payloadPositionIndex', true);
    const sub = r.num(p, 'wpml:payloadSubEnumValue');
    return enumValue === undefined || positionIndex === undefined ? [] : [{ enumValue, positionIndex, ...(sub !== undefined ? { subEnumValue: sub } : {}) }];
  });
  const ar = r.node(mc, 'wpml:autoRerouteInfo');
  if (!flyToWaylineMode || !finishAction || !exitOnRCLost || takeOffSecurityHeight === undefined || globalTransitionalSpeed === undefined || droneEnum === undefined) return undefined;
  return {
    flyToWaylineMode,
    finishAction,
    exitOnRCLost,
    ...(executeRCLostAction ? { executeRCLostAction } : {}),
    takeOffSecurityHeight,
    ...(takeOffRefPoint ? { takeOffRefPoint } : {}),
    ...(agl !== undefined ? { takeOffRefPointAGLHeight: agl } : {}),
    globalTransitionalSpeed,
    ...(globalRTHHeight !== undefined ? { globalRTHHeight } : {}),
    drone: { enumValue: droneEnum, ...(droneSub !== undefined ? { subEnumValue: droneSub } : {}) },
    payloads,
    ...(ar ? { autoReroute: { missionAutoRerouteMode: r.num(ar, 'wpml:missionAutoRerouteMode', true) ?? 0, transitionalAutoRerouteMode: r.num(ar, 'wpml:transitionalAutoRerouteMode', true) ?? 0 } } : {}),
  };
}

function latLonH(r: TreeReader, at: XNode, text: string): { lat: number; lon: number; height: number } | undefined {
  const parts = text.split(',').map((s) => Number(s.trim()));
  const [lat, lon, height] = parts;
  if (parts.length !== 3 || parts.some((v) => !Number.isFinite(v)) || lat === undefined || lon === undefined || height === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    r.fail(at, 'wpml:takeOffRefPoint', `<wpml:takeOffRefPoint> "${text}" must be "latitude,longitude,height" with latitude in [-90, 90] and longitude in [-180, 180].`);
    return undefined;
  }
  return { lat, lon, height };
}

// Folder elements the template model types; everything else in a template Folder is kept raw.
const TEMPLATE_TYPED = new Set([
  'wpml:templateType', 'wpml:templateId', 'wpml:waylineCoordinateSysParam', 'wpml:autoFlightSpeed', 'wpml:globalHeight', 'wpml:gimbalPitchMode',
  'wpml:globalWaypointHeadingParam', 'wpml:globalWaypointTurnMode', 'wpml:globalUseStraightLine', 'wpml:payloadParam',
]);

export function readTemplate(r: TreeReader, f: XNode): Template | undefined {
  const templateType = r.oneOf(f, 'wpml:templateType', ENUMS.templateType, true);
  const templateId = r.num(f, 'wpml:templateId', true);
  const cs = r.node(f, 'wpml:waylineCoordinateSysParam', true);
  const heightMode = cs ? r.oneOf(cs, 'wpml:heightMode', ENUMS.heightMode, true) : undefined;
  if (cs) r.text(cs, 'wpml:coordinateMode', true);
  const autoFlightSpeed = r.num(f, 'wpml:autoFlightSpeed', true);
  const isWaypoint = templateType === 'waypoint';
  const gimbalPitchMode = r.oneOf(f, 'wpml:gimbalPitchMode', ['manual', 'usePointSetting'] as const, isWaypoint);
  const globalTurnMode = r.oneOf(f, 'wpml:globalWaypointTurnMode', ENUMS.waypointTurnMode, isWaypoint);
  const gh = r.node(f, 'wpml:globalWaypointHeadingParam');
  const pp = r.node(f, 'wpml:payloadParam');
  const globalHeight = r.num(f, 'wpml:globalHeight');
  const gusl = r.bool(f, 'wpml:globalUseStraightLine', globalTurnMode === 'toPointAndStopWithContinuityCurvature' || globalTurnMode === 'toPointAndPassWithContinuityCurvature');
  const waypoints = isWaypoint ? readPlacemarks(r, f, 'template', gimbalPitchMode === 'usePointSetting') : [];
  const extras = f.children.filter((c) => !TEMPLATE_TYPED.has(c.name) && !(isWaypoint && c.name === 'Placemark')).map(raw);
  if (!templateType || templateId === undefined || !cs || !heightMode || autoFlightSpeed === undefined) return undefined;
  const sys = {
    coordinateMode: 'WGS84' as const,
    heightMode,
    ...opt('positioningType', r.text(cs, 'wpml:positioningType')),
    ...opt('globalShootHeight', r.num(cs, 'wpml:globalShootHeight')),
    ...opt('surfaceFollowModeEnable', r.bool(cs, 'wpml:surfaceFollowModeEnable')),
    ...opt('surfaceRelativeHeight', r.num(cs, 'wpml:surfaceRelativeHeight')),
  };
  return {
    templateType,
    templateId,
    coordinateSys: sys,
    autoFlightSpeed,
    ...opt('globalHeight', globalHeight),
    ...opt('gimbalPitchMode', gimbalPitchMode),
    ...opt('globalHeading', gh ? readHeading(r, gh) : undefined),
    ...opt('globalTurnMode', globalTurnMode),
    ...opt('globalUseStraightLine', gusl),
    ...opt('payloadParam', pp ? params(pp) : undefined),
    waypoints,
    extras,
  };
}

export function readWayline(r: TreeReader, f: XNode): Wayline | undefined {
  const templateId = r.num(f, 'wpml:templateId', true);
  const waylineId = r.num(f, 'wpml:waylineId', true);
  const autoFlightSpeed = r.num(f, 'wpml:autoFlightSpeed', true);
  const executeHeightMode = r.oneOf(f, 'wpml:executeHeightMode', ENUMS.executeHeightMode, true);
  const sag = r.node(f, 'wpml:startActionGroup');
  const startActionGroup = sag ? readActionGroup(r, sag) : undefined;
  const waypoints = readPlacemarks(r, f, 'wayline', false);
  if (templateId === undefined || waylineId === undefined || autoFlightSpeed === undefined || !executeHeightMode) return undefined;
  return { templateId, waylineId, autoFlightSpeed, executeHeightMode, ...opt('startActionGroup', startActionGroup), waypoints };
}

function readPlacemarks(r: TreeReader, f: XNode, kind: 'template' | 'wayline', pitchRequired: boolean): Waypoint[] {
  const out: Waypoint[] = [];
  for (const pm of childrenNamed(f, 'Placemark')) {
    const wp = readWaypoint(r, pm, kind, pitchRequired);
    if (wp) out.push(wp);
  }
  // "monotonously and continuously increasing from 0" (template-kml.md, wpml:index).
  out.forEach((w, i) => {
    if (w.index !== i) r.issues.push({ file: r.file, element: 'wpml:index', line: null, message: `Waypoint ${i} of <Folder> (line ${f.line}) has index ${w.index}; indexes must run 0, 1, 2… in order.` });
  });
  return out;
}

function readWaypoint(r: TreeReader, pm: XNode, kind: 'template' | 'wayline', pitchRequired: boolean): Waypoint | undefined {
  const point = r.node(pm, 'Point', true);
  const coords = point ? r.text(point, 'coordinates', true) : undefined;
  const ll = coords !== undefined && point ? lonLat(r, point, coords) : undefined;
  const index = r.num(pm, 'wpml:index', true);
  const t = kind === 'template';
  const useGlobalHeight = t ? r.bool(pm, 'wpml:useGlobalHeight', true) : undefined;
  const useGlobalSpeed = t ? r.bool(pm, 'wpml:useGlobalSpeed', true) : undefined;
  const useGlobalHeadingParam = t ? r.bool(pm, 'wpml:useGlobalHeadingParam', true) : undefined;
  const useGlobalTurnParam = t ? r.bool(pm, 'wpml:useGlobalTurnParam', true) : undefined;
  const height = r.num(pm, 'wpml:height', t && useGlobalHeight === false);
  const ellipsoidHeight = r.num(pm, 'wpml:ellipsoidHeight', t && useGlobalHeight === false);
  const executeHeight = r.num(pm, 'wpml:executeHeight', !t);
  const speed = r.num(pm, 'wpml:waypointSpeed', t ? useGlobalSpeed === false : true);
  const hp = r.node(pm, 'wpml:waypointHeadingParam', t ? useGlobalHeadingParam === false : false);
  const tp = r.node(pm, 'wpml:waypointTurnParam', t ? useGlobalTurnParam === false : true);
  const turn = tp ? readTurn(r, tp) : undefined;
  const curve = turn?.mode === 'toPointAndStopWithContinuityCurvature' || turn?.mode === 'toPointAndPassWithContinuityCurvature';
  const useStraightLine = r.bool(pm, 'wpml:useStraightLine', curve && t);
  const gimbalPitchAngle = r.num(pm, 'wpml:gimbalPitchAngle', pitchRequired);
  const isRisky = r.bool(pm, 'wpml:isRisky');
  const actionGroups = childrenNamed(pm, 'wpml:actionGroup').flatMap((g) => readActionGroup(r, g) ?? []);
  if (!ll || index === undefined) return undefined;
  return {
    index,
    lat: ll.lat,
    lon: ll.lon,
    ...opt('isRisky', isRisky),
    ...opt('height', height),
    ...opt('ellipsoidHeight', ellipsoidHeight),
    ...opt('executeHeight', executeHeight),
    ...opt('useGlobalHeight', useGlobalHeight),
    ...opt('useGlobalSpeed', useGlobalSpeed),
    ...opt('useGlobalHeadingParam', useGlobalHeadingParam),
    ...opt('useGlobalTurnParam', useGlobalTurnParam),
    ...opt('speed', speed),
    ...opt('heading', hp ? readHeading(r, hp) : undefined),
    ...opt('turn', turn),
    ...opt('useStraightLine', useStraightLine),
    ...opt('gimbalPitchAngle', gimbalPitchAngle),
    actionGroups,
  };
}

function lonLat(r: TreeReader, at: XNode, text: string): { lat: number; lon: number } | undefined {
  const parts = text.trim().split(/\s*,\s*/).map(Number);
  const [lon, lat] = parts;
  if (parts.length < 2 || parts.length > 3 || lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    r.fail(at, 'coordinates', `<coordinates> "${text.trim().slice(0, 60)}" (line ${at.line}) must be "longitude,latitude" with longitude in [-180, 180] and latitude in [-90, 90].`);
    return undefined;
  }
  return { lat, lon };
}

function readHeading(r: TreeReader, n: XNode): HeadingParam | undefined {
  const mode = r.oneOf(n, 'wpml:waypointHeadingMode', ENUMS.waypointHeadingMode, true);
  const angle = r.num(n, 'wpml:waypointHeadingAngle', mode === 'smoothTransition');
  const poiPoint = r.text(n, 'wpml:waypointPoiPoint', mode === 'towardPOI');
  const pathMode = r.oneOf(n, 'wpml:waypointHeadingPathMode', ENUMS.waypointHeadingPathMode);
  const poiIndex = r.num(n, 'wpml:waypointHeadingPoiIndex');
  if (!mode) return undefined;
  return { mode, ...opt('angle', angle), ...opt('poiPoint', poiPoint), ...opt('pathMode', pathMode), ...opt('poiIndex', poiIndex) };
}

function readTurn(r: TreeReader, n: XNode): TurnParam | undefined {
  const mode = r.oneOf(n, 'wpml:waypointTurnMode', ENUMS.waypointTurnMode, true);
  const dampingDist = r.num(n, 'wpml:waypointTurnDampingDist', mode === 'coordinateTurn');
  return mode ? { mode, ...opt('dampingDist', dampingDist) } : undefined;
}

function readActionGroup(r: TreeReader, g: XNode): ActionGroup | undefined {
  const id = r.num(g, 'wpml:actionGroupId', true);
  const startIndex = r.num(g, 'wpml:actionGroupStartIndex', true);
  const endIndex = r.num(g, 'wpml:actionGroupEndIndex', true);
  r.text(g, 'wpml:actionGroupMode', true);
  const trig = r.node(g, 'wpml:actionTrigger', true);
  const type = trig ? r.oneOf(trig, 'wpml:actionTriggerType', ENUMS.actionTriggerType, true) : undefined;
  const param = trig ? r.num(trig, 'wpml:actionTriggerParam', type === 'multipleTiming' || type === 'multipleDistance') : undefined;
  if (startIndex !== undefined && endIndex !== undefined && endIndex < startIndex) {
    r.fail(g, 'wpml:actionGroupEndIndex', `<wpml:actionGroupEndIndex> ${endIndex} (line ${g.line}) must be ≥ actionGroupStartIndex ${startIndex}.`);
  }
  const actions: Action[] = [];
  for (const a of childrenNamed(g, 'wpml:action')) {
    const aid = r.num(a, 'wpml:actionId', true);
    const func = r.oneOf(a, 'wpml:actionActuatorFunc', ENUMS.actionActuatorFunc, true) as ActionFunc | undefined;
    const pn = r.node(a, 'wpml:actionActuatorFuncParam');
    const ps = pn ? params(pn) : [];
    if (aid === undefined || !func) continue;
    actions.push({ id: aid, func, params: ps });
  }
  if (id === undefined || startIndex === undefined || endIndex === undefined || !type) return undefined;
  return { id, startIndex, endIndex, mode: 'sequence', trigger: { type, ...opt('param', param) }, actions };
}

/** Leaf children as ordered (name, value) entries; `wpml:` dropped. */
function params(n: XNode): ParamEntry[] {
  return n.children.map((c) => [c.name.replace(/^wpml:/, ''), isNumeric(c.name) && c.text !== '' ? Number(c.text) : c.text] as const);
}

function raw(n: XNode): RawElement {
  return n.children.length > 0 ? { name: n.name, children: n.children.map(raw) } : { name: n.name, text: n.text };
}

/** `{ key: value }` when defined, `{}` otherwise (exactOptionalPropertyTypes-friendly). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
