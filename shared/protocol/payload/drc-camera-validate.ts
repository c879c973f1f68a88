/** Validator for Dock 3's DRC-only camera settings: same field vocabulary and messages as the payload commands. */
import { z } from 'zod';
import { appError, err, ok, type Result } from '../../util/result';
import { ruleText } from './fields';
import { DRC_CAMERA_COMMANDS, isDrcCameraMethod, type DrcCameraCommand, type DrcCameraMethod, type DrcCameraSpec } from './drc-camera';
import { fieldSchema } from './validate';

const SCHEMAS: ReadonlyMap<DrcCameraMethod, z.ZodType> = new Map(
  [...DRC_CAMERA_COMMANDS.values()].map((s) => [s.method, z.strictObject(Object.fromEntries(Object.entries(s.fields).map(([k, r]) => [k, fieldSchema(r)])))]),
);

const show = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Checks a drc_camera_* command against the documented enums; returns it typed or an error naming the field and what it takes. */
export function validateDrcCameraCommand(method: string, data: unknown): Result<DrcCameraCommand> {
  if (!isDrcCameraMethod(method)) return err(appError('unknown_method', `${method} is not a Dock 3 DRC camera command`, { method }));
  const spec = DRC_CAMERA_COMMANDS.get(method) as DrcCameraSpec;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return err(appError('invalid_data', `${method}: data must be an object`, { method }));
  const rec = data as Record<string, unknown>;
  const r = (SCHEMAS.get(method) as z.ZodType).safeParse(rec);
  if (r.success) return ok({ method, data: rec } as unknown as DrcCameraCommand);
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    return err(appError('unknown_field', `${method}: unknown field "${key}" (fields: ${Object.keys(spec.fields).join(', ')})`, { field: key, method }));
  }
  const field = String(issue.path[0] ?? '?');
  const rule = spec.fields[field];
  return err(appError('out_of_range', `${method}: ${field} must be ${rule ? ruleText(rule) : 'valid'} (got ${show(rec[field])})`, { field, method }));
}
