/** DJI WPML: typed model, safe KMZ reader, validator and writer (pure; no Node, no DOM). */
export * from './model';
export { parseKmz, parseWpml, TEMPLATE_ENTRY, WAYLINES_ENTRY, RES_PREFIX, type ParsedKmz } from './parse';
export { writeKmz, writeTemplateKml, writeWaylinesWpml } from './write';
export { readZip, writeZip, ZIP_LIMITS, type ZipLimits } from './zip';
export { XML_LIMITS } from './xml';
export { droneName, payloadName, DRONE_MAX_SPEED } from './validate';
export { draftToWpml, DEFAULT_DRAFT, type RouteDraft, type DraftWaypoint, type DraftAction } from './draft';
export { routeStats, distance3d, type RouteStats, type PathPoint } from './stats';
