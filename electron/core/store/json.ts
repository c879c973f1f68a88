/** JSON encoding for stored columns, as a value: a cyclic or BigInt payload must not throw mid-write. */
import { appError, err, ok, type Result } from '../../../shared/util/result';

export function toJson(v: unknown): Result<string> {
  try {
    const s = JSON.stringify(v);
    // JSON.stringify returns undefined for undefined/functions/symbols.
    return typeof s === 'string' ? ok(s) : err(appError('unserializable', `Cannot store a ${typeof v} as JSON.`));
  } catch (e) {
    return err(appError('unserializable', `Cannot store value as JSON: ${(e as Error).message}`));
  }
}

/** Parses a column we wrote ourselves; a damaged cell yields null rather than an exception. */
export function fromJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}
