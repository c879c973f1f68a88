/**
 * Readable livestream errors. Devices answer 513xxx (docs 71.error-code.md); the demo's LiveErrorCodeEnum
 * reads `result % 100000` = 13xxx, so the same 13xxx reason also arrives as 3/5/613xxx from device, dock
 * or Pilot 2 (ErrorCodeSourceEnum 3 device, 5 dock, 6 pilot).
 */
import { errorText } from '../errors';

// LiveErrorCodeEnum names for 13xxx codes the docs' 513xxx table leaves out (enums.md §5).
const DEMO_13XXX: Readonly<Record<number, string>> = {
  13001: 'Livestream failed. No aircraft connected',
  13004: 'Livestream failed. Function not supported',
  13005: 'Livestream failed. Strategy not supported',
  13006: 'Livestream failed. Pilot 2 is not on the camera view',
  13007: 'Livestream failed. No flight control',
  13009: 'Livestream failed. Requests too frequent',
};

const SOURCE: Readonly<Record<number, string>> = { 3: 'device', 5: 'dock', 6: 'Pilot 2' };

/** One readable sentence for a livestream result code, e.g. 613015 → "… Network lags … (Pilot 2, code 613015)". */
export function liveErrorText(code: number): string {
  if (code === 0) return 'Success';
  const sub = code % 100000;
  const source = SOURCE[Math.floor(code / 100000)];
  if (sub >= 13000 && sub < 14000 && source) {
    const direct = errorText(code);
    const text = direct.startsWith('Unknown') ? (DEMO_13XXX[sub] ?? errorText(500000 + sub)) : direct;
    return `${text.startsWith('Unknown') ? `Livestream error ${sub}` : text} (${source}, code ${code})`;
  }
  return `${errorText(code)} (code ${code})`;
}

// Transient reasons per the docs' own advice ("refresh and try again", "network lags", "try again later").
const RETRYABLE = new Set([13006, 13008, 13009, 13010, 13015, 13017, 13099]);

/** A start that failed for a transient reason is worth retrying with backoff. */
export const isRetryableLiveError = (code: number): boolean => [3, 5, 6].includes(Math.floor(code / 100000)) && RETRYABLE.has(code % 100000);
