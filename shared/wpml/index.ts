/** DJI WPML: typed model, safe KMZ reader, validator and writer (pure; no Node, no DOM). */
export * from './model';
export { parseKmz, parseWpml, TEMPLATE_ENTRY, WAYLINES_ENTRY, RES_PREFIX, type ParsedKmz } from './parse';
export { writeKmz, writeTemplateKml, writeWaylinesWpml } from './write';
export { readZip, writeZip, ZIP_LIMITS, type ZipLimits } from './zip';
export { XML_LIMITS } from './xml';
export { droneName, payloadName, DRONE_MAX_SPEED, HEIGHT_RANGE } from './validate';
export { draftToWpml, draftHeightMode, DEFAULT_DRAFT, type RouteDraft, type DraftWaypoint, type DraftAction } from './draft';
export {
  DRAFT_HEIGHT_MODES, EXECUTE_MODE_OF, authoringProblem, egm96ToEllipsoid, ellipsoidToEgm96, executeHeightModeProblem, geoidHeight, heightModeProblem, isDraftHeightMode,
  type DraftHeightMode,
} from './heights';
export { routeStats, distance3d, type RouteStats, type PathPoint } from './stats';
