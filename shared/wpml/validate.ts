/** Checks across elements: product table, speed limits per aircraft, height modes, action parameters, action-group ranges. */
import { PRODUCTS, productByKey } from '../protocol/products';
import { executeHeightModeProblem, heightModeProblem } from './heights';
import type { ActionGroup, MissionConfig, Waypoint, WpmlFile, WpmlIssue } from './model';
import { ACTION_REQUIRED } from './schema';

/** Top speed per droneEnumValue (m/s; DJI spec sheets). WPML allows "(0, maximum flight speed of this drone]". */
export const DRONE_MAX_SPEED: Readonly<Record<number, number>> = { 60: 23, 89: 23, 67: 23, 77: 15, 91: 21, 99: 21, 100: 21, 103: 25 };
const DEFAULT_MAX_SPEED = 15;
/** payloadEnumValue 65534 is "PSDK payload device" (common-element.md). */
const PSDK_PAYLOAD = 65534;
/** Relative/ellipsoid heights a wayline may ask for; the aircraft's own limit is 1,500 m above take-off. */
export const HEIGHT_RANGE = { min: -1500, max: 10_000 } as const;

export function droneName(m: MissionConfig['drone']): string | null {
  return productByKey(`0-${m.enumValue}-${m.subEnumValue ?? 0}`)?.name ?? null;
}

export function payloadName(enumValue: number): string | null {
  if (enumValue === PSDK_PAYLOAD) return 'PSDK payload';
  for (const p of PRODUCTS.values()) if (p.domain === 1 && p.key.split('-')[1] === String(enumValue)) return p.name;
  return null;
}

export function validateFile(f: WpmlFile): WpmlIssue[] {
  const out: WpmlIssue[] = [];
  const add = (file: string, element: string, message: string): void => void out.push({ file, element, line: null, message });
  const m = f.mission;
  if (droneName(m.drone) === null) {
    add('waylines.wpml', 'wpml:droneEnumValue', `Drone ${m.drone.enumValue}-${m.drone.subEnumValue ?? 0} (droneEnumValue-droneSubEnumValue) is not in the product table.`);
  }
  for (const p of m.payloads) {
    if (payloadName(p.enumValue) === null) add('waylines.wpml', 'wpml:payloadEnumValue', `Payload ${p.enumValue} (payloadEnumValue) is not in the product table.`);
  }
  const maxSpeed = DRONE_MAX_SPEED[m.drone.enumValue] ?? DEFAULT_MAX_SPEED;
  const speed = (file: string, element: string, v: number | undefined, where: string): void => {
    if (v !== undefined && (v <= 0 || v > maxSpeed)) add(file, element, `${where}: ${element} ${v} m/s is outside (0, ${maxSpeed}] for this aircraft.`);
  };
  for (const t of f.templates) {
    const hm = heightModeProblem(t.coordinateSys.heightMode, t.templateType, m.drone);
    if (hm) add('template.kml', 'wpml:heightMode', `Template ${t.templateId}: ${hm}`);
    speed('template.kml', 'wpml:autoFlightSpeed', t.autoFlightSpeed, `Template ${t.templateId}`);
    checkWaypoints('template.kml', t.waypoints, out, speed, maxSpeed);
  }
  const templateIds = new Set(f.templates.map((t) => t.templateId));
  const waylineIds = new Set<number>();
  for (const w of f.waylines) {
    if (waylineIds.has(w.waylineId)) add('waylines.wpml', 'wpml:waylineId', `waylineId ${w.waylineId} is used twice; it must be unique in the file.`);
    waylineIds.add(w.waylineId);
    if (f.templates.length > 0 && !templateIds.has(w.templateId)) add('waylines.wpml', 'wpml:templateId', `Wayline ${w.waylineId} refers to templateId ${w.templateId}, which template.kml does not define.`);
    const ehm = executeHeightModeProblem(w.executeHeightMode, m.drone);
    if (ehm) add('waylines.wpml', 'wpml:executeHeightMode', `Wayline ${w.waylineId}: ${ehm}`);
    speed('waylines.wpml', 'wpml:autoFlightSpeed', w.autoFlightSpeed, `Wayline ${w.waylineId}`);
    if (w.waypoints.length < 2) add('waylines.wpml', 'Placemark', `Wayline ${w.waylineId} has ${w.waypoints.length} waypoint(s); a route needs at least 2.`);
    checkWaypoints('waylines.wpml', w.waypoints, out, speed, maxSpeed);
    if (w.startActionGroup) checkGroup('waylines.wpml', w.startActionGroup, w.waypoints.length, out);
  }
  if (f.waylines.length === 0) add('waylines.wpml', 'Folder', 'waylines.wpml has no <Folder>: nothing to execute.');
  return out;
}

function checkWaypoints(file: string, wps: readonly Waypoint[], out: WpmlIssue[], speed: (file: string, el: string, v: number | undefined, where: string) => void, _max: number): void {
  for (const w of wps) {
    speed(file, 'wpml:waypointSpeed', w.speed, `Waypoint ${w.index}`);
    for (const [el, v] of [['wpml:height', w.height], ['wpml:ellipsoidHeight', w.ellipsoidHeight], ['wpml:executeHeight', w.executeHeight]] as const) {
      if (v !== undefined && (v < HEIGHT_RANGE.min || v > HEIGHT_RANGE.max)) {
        out.push({ file, element: el, line: null, message: `Waypoint ${w.index}: ${el} ${v} m is outside [${HEIGHT_RANGE.min}, ${HEIGHT_RANGE.max}].` });
      }
    }
    for (const g of w.actionGroups) checkGroup(file, g, wps.length, out);
  }
}

function checkGroup(file: string, g: ActionGroup, count: number, out: WpmlIssue[]): void {
  if (g.endIndex >= count && count > 0) {
    out.push({ file, element: 'wpml:actionGroupEndIndex', line: null, message: `Action group ${g.id} ends at waypoint ${g.endIndex}, but the route has ${count} waypoints.` });
  }
  const ids = new Set<number>();
  for (const a of g.actions) {
    // "Action ID must be unique" (flighttask_progress break_reason 1595).
    if (ids.has(a.id)) out.push({ file, element: 'wpml:actionId', line: null, message: `Action group ${g.id}: actionId ${a.id} is used twice.` });
    ids.add(a.id);
    const have = new Set(a.params.map(([k]) => k));
    for (const need of ACTION_REQUIRED[a.func] ?? []) {
      if (!have.has(need)) out.push({ file, element: `wpml:${need}`, line: null, message: `Action ${a.id} (${a.func}) in group ${g.id} needs <wpml:${need}>.` });
    }
    if (a.func === 'gimbalEvenlyRotate' && g.trigger.type !== 'betweenAdjacentPoints') {
      out.push({ file, element: 'wpml:actionTriggerType', line: null, message: `Action group ${g.id}: gimbalEvenlyRotate needs the trigger betweenAdjacentPoints.` });
    }
  }
}
