/** Readable livestream errors: the docs' 513xxx table, the same 13xxx reason from dock/Pilot (5xxxxx/6xxxxx), and which are transient. */
import { describe, expect, it } from 'vitest';
import { isRetryableLiveError, liveErrorText } from '../../../shared/protocol/live';

describe('liveErrorText', () => {
  it('decodes the docs 513xxx codes', () => {
    expect(liveErrorText(513015)).toBe('Livestream error. Network lags. Please refresh and retry (dock, code 513015)');
    expect(liveErrorText(513003)).toBe('Camera livestream in progress. Do not start livestream again (dock, code 513003)');
  });
  it('decodes a Pilot 2 613xxx with the same reason', () => {
    expect(liveErrorText(613015)).toBe('Livestream error. Network lags. Please refresh and retry (Pilot 2, code 613015)');
    expect(liveErrorText(613009)).toBe('Livestream failed. Requests too frequent (Pilot 2, code 613009)');
  });
  it('still says something for codes nobody documents', () => {
    expect(liveErrorText(613777)).toBe('Livestream error 13777 (Pilot 2, code 613777)');
    expect(liveErrorText(0)).toBe('Success');
  });
});

describe('isRetryableLiveError', () => {
  it('retries transient reasons only', () => {
    for (const c of [513006, 513010, 513015, 513099, 613015, 613009]) expect(isRetryableLiveError(c), String(c)).toBe(true);
    for (const c of [513002, 513003, 513005, 513013, 513014, 314000, 325001]) expect(isRetryableLiveError(c), String(c)).toBe(false);
  });
});
