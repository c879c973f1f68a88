/**
 * Pure route editor: the drawn route (shared/wpml/draft.ts, heights in its height mode) and the operator's edits
 * as one reducer, so every edit is a tested transition. Values are clamped to what the writer and the importer
 * accept (shared/wpml/validate.ts: speed (0, max of the aircraft], heights within ±1500 m of take-off).
 */
import {
  authoringProblem, DEFAULT_DRAFT, draftHeightMode, DRONE_MAX_SPEED, ellipsoidToEgm96,
  type DraftAction, type DraftHeightMode, type DraftWaypoint, type HeightMode, type RouteDraft,
} from '../../../../shared/wpml';
import { waypointEllipsoidHeight, type GeoPoint } from './geometry';

export interface EditorState {
  /** Library id once saved; null for a new route. */
  readonly id: string | null;
  readonly name: string;
  readonly draft: RouteDraft;
  readonly selected: number | null;
  readonly dirty: boolean;
}

export type GlobalPatch = Partial<Pick<RouteDraft, 'speed' | 'takeOffSecurityHeight' | 'finishAction' | 'exitOnRCLost' | 'executeRCLostAction'>>;
/** `null` clears an optional per-waypoint value (back to the route's setting). */
export type WaypointPatch = {
  readonly height?: number;
  readonly speed?: number | null;
  readonly heading?: number | null;
  readonly turnMode?: DraftWaypoint['turnMode'] | null;
  readonly gimbalPitch?: number | null;
};

export type EditorAction =
  | { readonly type: 'new' }
  | { readonly type: 'load'; readonly id: string; readonly name: string; readonly draft: RouteDraft }
  | { readonly type: 'rename'; readonly name: string }
  | { readonly type: 'setGlobal'; readonly patch: GlobalPatch }
  /** `takeOff` (the dock, ellipsoid height) converts the drawn heights so the route stays where it is; without it only an empty route can switch. */
  | { readonly type: 'setHeightMode'; readonly mode: DraftHeightMode; readonly takeOff: GeoPoint | null }
  /** `takeOff` gives an EGM96 route's first waypoint its default altitude (take-off altitude + DEFAULT_HEIGHT_M). */
  | { readonly type: 'addWaypoint'; readonly lat: number; readonly lon: number; readonly takeOff?: GeoPoint | null }
  | { readonly type: 'moveWaypoint'; readonly index: number; readonly lat: number; readonly lon: number }
  | { readonly type: 'updateWaypoint'; readonly index: number; readonly patch: WaypointPatch }
  | { readonly type: 'removeWaypoint'; readonly index: number }
  | { readonly type: 'select'; readonly index: number | null }
  | { readonly type: 'addAction'; readonly index: number; readonly action: DraftAction }
  | { readonly type: 'updateAction'; readonly index: number; readonly at: number; readonly action: DraftAction }
  | { readonly type: 'removeAction'; readonly index: number; readonly at: number }
  | { readonly type: 'saved'; readonly id: string };

export const DEFAULT_HEIGHT_M = 30;
export const HEIGHT_LIMIT_M = 1500;
/** EGM96 altitudes: from below the lowest shore on land (Dead Sea, −430 m) to the 7,000 m ceiling of M30/M300/M350. */
export const ALTITUDE_M = { min: -500, max: 7000 } as const;
export const heightRangeOf = (mode: DraftHeightMode): { readonly min: number; readonly max: number } =>
  mode === 'EGM96' ? ALTITUDE_M : { min: -HEIGHT_LIMIT_M, max: HEIGHT_LIMIT_M };
export const SECURITY_HEIGHT = { min: 1.2, max: 1500 } as const;
export const GIMBAL_PITCH = { min: -90, max: 35 } as const;
export const HOVER_S = { min: 0.1, max: 900 } as const;
/** Focal length in mm (zoom action's focalLength, equivalent 35 mm; 24–2000 covers M3T/M30T/H20). */
export const FOCAL_MM = { min: 24, max: 2000 } as const;

export const emptyEditor = (): EditorState => ({ id: null, name: 'New route', draft: DEFAULT_DRAFT, selected: null, dirty: false });

export const clamp = (v: number, min: number, max: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);
export const maxSpeedOf = (d: RouteDraft): number => DRONE_MAX_SPEED[d.droneEnumValue] ?? 15;
/** Decimetres, without binary noise (Math.round(v / 0.1) * 0.1 gives 55.300000000000004). */
const round1 = (v: number): number => Math.round(v * 10) / 10;

function clampAction(a: DraftAction): DraftAction {
  switch (a.kind) {
    case 'hover':
      return { kind: 'hover', seconds: clamp(a.seconds, HOVER_S.min, HOVER_S.max) };
    case 'gimbalRotate':
      return { kind: 'gimbalRotate', pitch: clamp(a.pitch, GIMBAL_PITCH.min, GIMBAL_PITCH.max) };
    case 'zoom':
      return { kind: 'zoom', focalLength: clamp(a.focalLength, FOCAL_MM.min, FOCAL_MM.max) };
    default:
      return a;
  }
}

function patchWaypoint(w: DraftWaypoint, p: WaypointPatch, maxSpeed: number, mode: DraftHeightMode): DraftWaypoint {
  const out: { -readonly [K in keyof DraftWaypoint]: DraftWaypoint[K] } = { ...w };
  const r = heightRangeOf(mode);
  if (p.height !== undefined) out.height = round1(clamp(p.height, r.min, r.max));
  const opt = <K extends 'speed' | 'heading' | 'turnMode' | 'gimbalPitch'>(k: K, v: DraftWaypoint[K] | null | undefined): void => {
    if (v === undefined) return;
    if (v === null) delete out[k];
    else out[k] = v;
  };
  opt('speed', p.speed === undefined || p.speed === null ? p.speed : clamp(p.speed, 0.1, maxSpeed));
  opt('heading', p.heading === undefined || p.heading === null ? p.heading : clamp(p.heading, -180, 180));
  opt('turnMode', p.turnMode);
  opt('gimbalPitch', p.gimbalPitch === undefined || p.gimbalPitch === null ? p.gimbalPitch : clamp(p.gimbalPitch, GIMBAL_PITCH.min, GIMBAL_PITCH.max));
  return out;
}

const withWaypoints = (s: EditorState, waypoints: readonly DraftWaypoint[], selected = s.selected): EditorState => ({
  ...s,
  draft: { ...s.draft, waypoints },
  selected: selected !== null && selected < waypoints.length ? selected : waypoints.length > 0 && selected !== null ? waypoints.length - 1 : null,
  dirty: true,
});

const mapAt = (list: readonly DraftWaypoint[], i: number, f: (w: DraftWaypoint) => DraftWaypoint): readonly DraftWaypoint[] =>
  list.map((w, j) => (j === i ? f(w) : w));

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  const wps = s.draft.waypoints;
  const valid = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < wps.length;
  switch (a.type) {
    case 'new':
      return emptyEditor();
    case 'load':
      return { id: a.id, name: a.name, draft: a.draft, selected: null, dirty: false };
    case 'rename':
      return { ...s, name: a.name.slice(0, 120), dirty: true };
    case 'setGlobal': {
      const p = a.patch;
      const d = s.draft;
      return {
        ...s,
        dirty: true,
        draft: {
          ...d,
          ...p,
          speed: p.speed === undefined ? d.speed : clamp(p.speed, 0.1, maxSpeedOf(d)),
          takeOffSecurityHeight: p.takeOffSecurityHeight === undefined ? d.takeOffSecurityHeight : clamp(p.takeOffSecurityHeight, SECURITY_HEIGHT.min, SECURITY_HEIGHT.max),
        },
      };
    }
    case 'setHeightMode':
      return setHeightMode(s, a.mode, a.takeOff);
    case 'addWaypoint':
      return withWaypoints(s, [...wps, { lat: a.lat, lon: a.lon, height: nextWaypointHeight(s.draft, a.takeOff ?? null), actions: [] }], wps.length);
    case 'moveWaypoint':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => ({ ...w, lat: a.lat, lon: a.lon }))) : s;
    case 'updateWaypoint':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => patchWaypoint(w, a.patch, maxSpeedOf(s.draft), draftHeightMode(s.draft)))) : s;
    case 'removeWaypoint':
      if (!valid(a.index)) return s;
      return withWaypoints(s, wps.filter((_, j) => j !== a.index), s.selected === null ? null : s.selected > a.index ? s.selected - 1 : s.selected);
    case 'select':
      return { ...s, selected: a.index !== null && valid(a.index) ? a.index : null };
    case 'addAction':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => ({ ...w, actions: [...w.actions, clampAction(a.action)] }))) : s;
    case 'updateAction':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => ({ ...w, actions: w.actions.map((x, k) => (k === a.at ? clampAction(a.action) : x)) }))) : s;
    case 'removeAction':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => ({ ...w, actions: w.actions.filter((_, k) => k !== a.at) }))) : s;
    case 'saved':
      return { ...s, id: a.id, dirty: false };
  }
}

/** The height a new waypoint gets: the last one's, else DEFAULT_HEIGHT_M above take-off (as an altitude in EGM96 when the take-off point is known). */
export function nextWaypointHeight(d: RouteDraft, takeOff: GeoPoint | null): number {
  const last = d.waypoints[d.waypoints.length - 1];
  if (last) return last.height;
  return draftHeightMode(d) === 'EGM96' && takeOff ? round1(ellipsoidToEgm96(takeOff.lat, takeOff.lon, takeOff.height + DEFAULT_HEIGHT_M)) : DEFAULT_HEIGHT_M;
}

/** Switches the height mode and re-expresses every height in it, so each waypoint keeps its place in the sky. */
function setHeightMode(s: EditorState, mode: DraftHeightMode, takeOff: GeoPoint | null): EditorState {
  if (mode === draftHeightMode(s.draft) || authoringProblem(mode, droneOf(s.draft)) !== null) return s;
  // Heights above take-off and altitudes are only comparable through the take-off point's own height.
  if (s.draft.waypoints.length > 0 && !takeOff) return s;
  const r = heightRangeOf(mode);
  const waypoints = s.draft.waypoints.map((w) => {
    const ellipsoid = waypointEllipsoidHeight(s.draft, w, takeOff);
    const h = mode === 'EGM96' ? ellipsoidToEgm96(w.lat, w.lon, ellipsoid) : ellipsoid - (takeOff?.height ?? 0);
    return { ...w, height: round1(clamp(h, r.min, r.max)) };
  });
  return { ...s, dirty: true, draft: { ...s.draft, heightMode: mode, waypoints } };
}

const droneOf = (d: RouteDraft): { enumValue: number; subEnumValue: number } => ({ enumValue: d.droneEnumValue, subEnumValue: d.droneSubEnumValue });

export interface HeightModeOption {
  readonly value: HeightMode;
  readonly label: string;
  readonly disabled: boolean;
  /** Why it cannot be chosen now (the docs' restriction, or no take-off point to convert the drawn heights). */
  readonly reason: string | null;
}

const HEIGHT_MODE_LABELS: Readonly<Record<HeightMode, string>> = {
  relativeToStartPoint: 'Above the take-off point',
  EGM96: 'Altitude above sea level (EGM96)',
  aboveGroundLevel: 'Above ground level (AGL)',
  realTimeFollowSurface: 'Real-time terrain follow',
};

/** Every WPML heightMode, with whether this route (its aircraft, its drawn waypoints, the take-off point) can switch to it. */
export function heightModeOptions(d: RouteDraft, takeOff: GeoPoint | null): HeightModeOption[] {
  const current = draftHeightMode(d);
  return (Object.keys(HEIGHT_MODE_LABELS) as HeightMode[]).map((value) => {
    const docs = authoringProblem(value, droneOf(d));
    const reason =
      docs ?? (value !== current && d.waypoints.length > 0 && !takeOff ? 'No take-off point known: drawn heights cannot be converted. Choose a dock with a position, or clear the route.' : null);
    const label = HEIGHT_MODE_LABELS[value] + (docs ? ' (not for drawn routes)' : '');
    return { value, label, disabled: reason !== null, reason };
  });
}

/** Why the route cannot be saved yet, or null (the core checks again: this only spares a round trip). */
export function saveProblem(s: EditorState): string | null {
  if (!s.name.trim()) return 'Give the route a name.';
  if (s.draft.waypoints.length < 2) return `A route needs at least 2 waypoints; this one has ${s.draft.waypoints.length}. Click on the map to add them.`;
  return null;
}
