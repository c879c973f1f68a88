/** Known methods per topic family (from the catalog) and the data check for each; schemas are built once. */
import type { z } from 'zod';
import { ARRAY_DATA_METHODS, KNOWN_METHODS, NULL_DATA_METHODS, PAYLOAD_INDEX_FIELDS, PROPERTY_FIELDS } from './catalog.generated';
import * as s from './data-schemas';
import { compileSpec, zodOf } from './field-spec';
import { issuesText } from './issues';
import type { TopicFamily } from './types';

export type DataCheck = (data: unknown) => { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly reason: string };

/** Families whose messages carry a `method` that must be in the catalog. */
export type MethodFamily = Exclude<TopicFamily, 'osd' | 'state' | 'state_reply' | 'property/set' | 'property/set_reply'>;

const fromZod =
  (schema: z.ZodType): DataCheck =>
  (data) => {
    const r = schema.safeParse(data);
    return r.success ? { ok: true, data: r.data } : { ok: false, reason: issuesText('data', data, r.error) };
  };

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Known methods the engine does not inspect yet: only the shape of `data` is checked. */
function genericCheck(key: string): DataCheck {
  const allowArray = ARRAY_DATA_METHODS.includes(key);
  const allowNull = NULL_DATA_METHODS.includes(key);
  const expected = ['object', allowArray && 'array', allowNull && 'null'].filter(Boolean).join(' | ');
  return (data) =>
    isRecord(data) || (allowArray && Array.isArray(data)) || (allowNull && (data === null || data === ''))
      ? { ok: true, data }
      : { ok: false, reason: `data: expected ${expected}, got ${kindOf(data)}` };
}

/** Specific schemas for what the engine reads now (brief + SUMMARY.md §4.3). */
const SPECIFIC: Readonly<Record<string, z.ZodType>> = {
  'status:update_topo': s.updateTopoSchema,
  'events:hms': s.hmsSchema,
  'requests:config': s.configSchema,
  'requests:airport_bind_status': s.airportBindStatusSchema,
  'requests:airport_organization_get': s.airportOrganizationGetSchema,
  'requests:airport_organization_bind': s.airportOrganizationBindSchema,
  'requests:storage_config_get': s.storageConfigGetSchema,
  'requests:flighttask_resource_get': s.flighttaskResourceGetSchema,
};

function buildRegistry(): ReadonlyMap<string, ReadonlyMap<string, DataCheck>> {
  const families = new Map<string, Map<string, DataCheck>>();
  const servicesReply = fromZod(s.servicesReplySchema);
  for (const [family, methods] of Object.entries(KNOWN_METHODS)) {
    const checks = new Map<string, DataCheck>();
    for (const method of methods as readonly string[]) {
      const key = `${family}:${method}`;
      const specific = SPECIFIC[key];
      checks.set(method, specific ? fromZod(specific) : family === 'services_reply' ? servicesReply : genericCheck(key));
    }
    families.set(family, checks);
  }
  return families;
}

const REGISTRY = buildRegistry();

/** The data check for (family, method), or undefined when the method is not in the catalog for that family. */
export function methodCheck(family: MethodFamily, method: string): DataCheck | undefined {
  return REGISTRY.get(family)?.get(method);
}

/** Known method names of a family (for tests and tooling). */
export function knownMethods(family: MethodFamily): readonly string[] {
  return [...(REGISTRY.get(family)?.keys() ?? [])];
}

const propertyCheck = compileSpec(PROPERTY_FIELDS);
const payloadCheck = compileSpec(PAYLOAD_INDEX_FIELDS);
/**
 * The zod schemas are the authority for osd/state; the compiled checks are a fast path built from
 * the same spec (zod alone runs at about half the speed, and OSD arrives at 30k+ msg/s). A message
 * the fast path refuses is only refused if zod refuses it too; test/unit/protocol/differential.test.ts
 * checks that the fast path never accepts what zod refuses.
 */
let zodSchemas: { readonly property: z.ZodType; readonly payload: z.ZodType } | null = null;
export const propertySchemas = (): { readonly property: z.ZodType; readonly payload: z.ZodType } =>
  (zodSchemas ??= { property: zodOf(PROPERTY_FIELDS), payload: zodOf(PAYLOAD_INDEX_FIELDS) });

/** The fast path alone (no zod fallback): an error path or null. For the differential test. */
export function fastPropertyCheck(data: Record<string, unknown>): string | null {
  const err = propertyCheck(data);
  if (err !== null) return err;
  for (const key in data) {
    if (!PAYLOAD_KEY.test(key)) continue;
    const perr = payloadCheck(data[key]);
    if (perr !== null) return `.${key}${perr}`;
  }
  return null;
}

export function zodAccepts(data: Record<string, unknown>): boolean {
  const { property, payload } = propertySchemas();
  if (!property.safeParse(data).success) return false;
  for (const key in data) if (PAYLOAD_KEY.test(key) && !payload.safeParse(data[key]).success) return false;
  return true;
}
/** Payload index "{type}-{sub_type}-{gimbalindex}" (enums.md §1.2), e.g. "39-0-7". */
const PAYLOAD_KEY = /^\d+-\d+-\d+$/;

/**
 * osd/state: the device kind is not in the topic, so one loose spec holds every known
 * dock/aircraft/RC field (typed, optional) plus the payload objects keyed by payload index.
 */
export const checkProperties: DataCheck = (data) => {
  if (!isRecord(data)) return { ok: false, reason: `data: expected object, got ${kindOf(data)}` };
  const err = propertyCheck(data);
  if (err !== null) return zodAccepts(data) ? { ok: true, data } : { ok: false, reason: `data${err}` };
  for (const key in data) {
    if (!PAYLOAD_KEY.test(key)) continue;
    const perr = payloadCheck(data[key]);
    if (perr !== null) return zodAccepts(data) ? { ok: true, data } : { ok: false, reason: `data.${key}${perr}` };
  }
  return { ok: true, data };
};

/** property/set, property/set_reply, state_reply and other replies: any object. */
export const checkObject: DataCheck = (data) =>
  isRecord(data) ? { ok: true, data } : { ok: false, reason: `data: expected object, got ${kindOf(data)}` };
