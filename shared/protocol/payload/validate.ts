/**
 * Validators for the payload commands, built once from the command table (zod). An out-of-range value is refused
 * with a message naming the field and its documented range, so it never reaches the aircraft.
 */
import { z } from 'zod';
import { appError, err, ok, type Result } from '../../util/result';
import { PAYLOAD_INDEX_RE, ruleText, type FieldRule } from './fields';
import { isPayloadMethod, PAYLOAD_COMMANDS, ZOOM_RANGE, type CommandSpec } from './table';
import type { PayloadCommand, PayloadMethod } from './types';

/** Limits the device reports about itself (aircraft OSD `cameras[]`), narrower than the docs' tables. */
export interface DeviceLimits {
  /** zoom_min_focus_value – zoom_max_focus_value of the addressed camera. */
  readonly focus?: { readonly min: number; readonly max: number };
}

/** The zod schema of one field rule. */
function fieldSchema(rule: FieldRule): z.ZodType {
  switch (rule.kind) {
    case 'payload_index':
      return z.string().regex(PAYLOAD_INDEX_RE);
    case 'bool':
      return z.boolean();
    case 'number': {
      let s = z.number().finite();
      if (rule.int) s = s.int();
      if (rule.min !== undefined) s = s.min(rule.min);
      if (rule.max !== undefined) s = s.max(rule.max);
      return s;
    }
    case 'enum_int':
      return z.number().refine((v) => Object.hasOwn(rule.values, String(v)));
    case 'enum_string':
      return z.string().refine((v) => Object.hasOwn(rule.values, v));
  }
}

/** One command's schema: exactly its fields, each by its rule (shared with drc-camera-validate.ts). */
export const strictSchema = (fields: Readonly<Record<string, FieldRule>>): z.ZodType =>
  z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, r]) => [k, fieldSchema(r)])));

const SCHEMAS: ReadonlyMap<PayloadMethod, z.ZodType> = new Map([...PAYLOAD_COMMANDS.values()].map((s) => [s.method, strictSchema(s.fields)]));

const show = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

const refuse = (method: string, field: string, text: string, got: unknown) =>
  err(appError('out_of_range', `${method}: ${field} must be ${text} (got ${show(got)})`, { field, method }));

/**
 * `data` checked against a command's schema: an object with exactly its fields, each in its documented range;
 * else an error naming the first field at fault and what it takes (shared with drc-camera-validate.ts).
 */
export function checkFields(method: string, fields: Readonly<Record<string, FieldRule>>, schema: z.ZodType, data: unknown): Result<Record<string, unknown>> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return err(appError('invalid_data', `${method}: data must be an object`, { method }));
  const rec = data as Record<string, unknown>;
  const r = schema.safeParse(rec);
  if (r.success) return ok(rec);
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    return err(appError('unknown_field', `${method}: unknown field "${key}" (fields: ${Object.keys(fields).join(', ')})`, { field: key, method }));
  }
  const field = String(issue.path[0] ?? '?');
  const rule = fields[field];
  return refuse(method, field, rule ? ruleText(rule) : 'valid', rec[field]);
}

/** Checks a command against the documented ranges and the device's own limits; returns it typed or a clear error. */
export function validatePayloadCommand(method: string, data: unknown, limits: DeviceLimits = {}): Result<PayloadCommand> {
  if (!isPayloadMethod(method)) return err(appError('unknown_method', `${method} is not a payload command`, { method }));
  const spec = PAYLOAD_COMMANDS.get(method) as CommandSpec;
  const c = checkFields(method, spec.fields, SCHEMAS.get(method) as z.ZodType, data);
  return c.ok ? crossChecks(method, c.value, limits) : c;
}

/** Rules the field tables state in prose or that depend on the device. */
function crossChecks(method: PayloadMethod, d: Record<string, unknown>, limits: DeviceLimits): Result<PayloadCommand> {
  const n = (k: string): number => d[k] as number;
  if (method === 'camera_focal_length_set' && d.camera_type === 'ir' && n('zoom_factor') > ZOOM_RANGE.ir.max) {
    return refuse(method, 'zoom_factor', `a number in ${ZOOM_RANGE.ir.min}–${ZOOM_RANGE.ir.max} × for the infrared lens`, d.zoom_factor);
  }
  if (method === 'ir_metering_area_set' || method === 'camera_frame_zoom') {
    // x, y are the upper-left corner: the area must stay inside the frame.
    if (n('x') + n('width') > 1) return refuse(method, 'width', `≤ 1 − x = ${round(1 - n('x'))} (the area must stay inside the frame)`, d.width);
    if (n('y') + n('height') > 1) return refuse(method, 'height', `≤ 1 − y = ${round(1 - n('y'))} (the area must stay inside the frame)`, d.height);
  }
  if (method === 'camera_focus_value_set' && limits.focus) {
    const { min, max } = limits.focus;
    if (n('focus_value') < min || n('focus_value') > max) return refuse(method, 'focus_value', `an integer in ${min}–${max} (this camera's range)`, d.focus_value);
  }
  return ok({ method, data: d } as unknown as PayloadCommand);
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;
