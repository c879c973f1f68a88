/**
 * Pure route editor: the drawn route (shared/wpml/draft.ts, heights above the take-off point) and the operator's
 * edits as one reducer, so every edit is a tested transition. Values are clamped to what the writer and the
 * importer accept (shared/wpml/validate.ts: speed (0, max of the aircraft], heights within ±1500 m of take-off).
 */
import { DEFAULT_DRAFT, DRONE_MAX_SPEED, type DraftAction, type DraftWaypoint, type RouteDraft } from '../../../../shared/wpml';

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
  | { readonly type: 'addWaypoint'; readonly lat: number; readonly lon: number }
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
export const SECURITY_HEIGHT = { min: 1.2, max: 1500 } as const;
export const GIMBAL_PITCH = { min: -90, max: 35 } as const;
export const HOVER_S = { min: 0.1, max: 900 } as const;
/** Focal length in mm (zoom action's focalLength, equivalent 35 mm; 24–2000 covers M3T/M30T/H20). */
export const FOCAL_MM = { min: 24, max: 2000 } as const;

export const emptyEditor = (): EditorState => ({ id: null, name: 'New route', draft: DEFAULT_DRAFT, selected: null, dirty: false });

export const clamp = (v: number, min: number, max: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);
export const maxSpeedOf = (d: RouteDraft): number => DRONE_MAX_SPEED[d.droneEnumValue] ?? 15;
const round = (v: number, step: number): number => Math.round(v / step) * step;

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

function patchWaypoint(w: DraftWaypoint, p: WaypointPatch, maxSpeed: number): DraftWaypoint {
  const out: { -readonly [K in keyof DraftWaypoint]: DraftWaypoint[K] } = { ...w };
  if (p.height !== undefined) out.height = round(clamp(p.height, -HEIGHT_LIMIT_M, HEIGHT_LIMIT_M), 0.1);
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
    case 'addWaypoint': {
      const height = wps[wps.length - 1]?.height ?? DEFAULT_HEIGHT_M;
      return withWaypoints(s, [...wps, { lat: a.lat, lon: a.lon, height, actions: [] }], wps.length);
    }
    case 'moveWaypoint':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => ({ ...w, lat: a.lat, lon: a.lon }))) : s;
    case 'updateWaypoint':
      return valid(a.index) ? withWaypoints(s, mapAt(wps, a.index, (w) => patchWaypoint(w, a.patch, maxSpeedOf(s.draft)))) : s;
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

/** Why the route cannot be saved yet, or null (the core checks again: this only spares a round trip). */
export function saveProblem(s: EditorState): string | null {
  if (!s.name.trim()) return 'Give the route a name.';
  if (s.draft.waypoints.length < 2) return `A route needs at least 2 waypoints; this one has ${s.draft.waypoints.length}. Click on the map to add them.`;
  return null;
}
