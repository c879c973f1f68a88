/** Validator for Dock 3's DRC-only camera settings: same field vocabulary and messages as the payload commands. */
import type { z } from 'zod';
import { appError, err, ok, type Result } from '../../util/result';
import { DRC_CAMERA_COMMANDS, isDrcCameraMethod, type DrcCameraCommand, type DrcCameraMethod, type DrcCameraSpec } from './drc-camera';
import { checkFields, strictSchema } from './validate';

const SCHEMAS: ReadonlyMap<DrcCameraMethod, z.ZodType> = new Map([...DRC_CAMERA_COMMANDS.values()].map((s) => [s.method, strictSchema(s.fields)]));

/** Checks a drc_camera_* command against the documented enums; returns it typed or an error naming the field and what it takes. */
export function validateDrcCameraCommand(method: string, data: unknown): Result<DrcCameraCommand> {
  if (!isDrcCameraMethod(method)) return err(appError('unknown_method', `${method} is not a Dock 3 DRC camera command`, { method }));
  const spec = DRC_CAMERA_COMMANDS.get(method) as DrcCameraSpec;
  const c = checkFields(method, spec.fields, SCHEMAS.get(method) as z.ZodType, data);
  return c.ok ? ok({ method, data: c.value } as unknown as DrcCameraCommand) : c;
}
