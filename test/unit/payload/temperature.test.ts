/** Temperatures as the operator reads them on the IR overlay. */
import { describe, expect, it } from 'vitest';
import { formatTemp } from '../../../renderer/src/features/payload/temperature';

describe('formatTemp', () => {
  it('shows °C or °F, unknown as --', () => {
    expect(formatTemp(36.6, 'C')).toBe('36.6 °C');
    expect(formatTemp(100, 'F')).toBe('212.0 °F');
    expect(formatTemp(undefined, 'C')).toBe('--');
  });
});
