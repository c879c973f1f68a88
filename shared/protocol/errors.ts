/** Result/error code → readable English text (docs' error-code page, 71.error-code.md). */
import { ERROR_TEXT } from './error-text.generated';

/** The code's first digit names its source ("ABCDEF": A = source, BC = module, DEF = error). */
function sourceOf(code: number): string {
  const first = String(Math.abs(code))[0];
  if (first === '3' || first === '5') return 'device';
  if (first === '4' || first === '6') return 'DJI Pilot 2';
  return 'unknown source';
}

/** Text for a services_reply/requests result code; 0 is success, unknown codes say so with their source. */
export function errorText(code: number): string {
  if (code === 0) return 'Success';
  const text = ERROR_TEXT.get(code);
  if (text !== undefined) return text;
  return `Unknown error ${code} (${sourceOf(code)})`;
}
