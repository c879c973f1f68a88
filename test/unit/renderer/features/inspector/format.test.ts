/** Inspector formatting: units from shared/model/fields, "--" for unknown (never 0), ages. */
import { describe, expect, it } from 'vitest';
import { fieldLines, formatAge, formatValue } from '../../../../../renderer/src/features/inspector/format';

describe('inspector format', () => {
  it('adds the unit for known fields', () => {
    expect(formatValue('height', 583.24)).toBe('583.2 m');
    expect(formatValue('latitude', 47.41117472)).toBe('47.411175 °');
    expect(formatValue('attitude_head', -167)).toBe('-167.0 °'); // angles keep one decimal
    expect(formatValue('horizontal_speed', 9.87)).toBe('9.9 m/s');
    expect(formatValue('capacity_percent', 88)).toBe('88 %');
    expect(formatValue('temperature', 21.46)).toBe('21.5 °C');
  });

  it('shows unknown as "--", never 0', () => {
    for (const v of [null, undefined, Number.NaN, '']) expect(formatValue('height', v)).toBe('--');
    expect(formatValue('height', 0)).toBe('0 m'); // a real zero stays a zero
  });

  it('flattens one level of nested objects, each leaf with its own unit', () => {
    expect(fieldLines({ wireless_link: { sdr_quality: 4 }, wind_speed: 3.21 })).toEqual([
      { key: 'wind_speed', label: 'Wind speed', value: '3.2 m/s' },
      { key: 'wireless_link.sdr_quality', label: 'wireless_link.SDR quality', value: '4' },
    ]);
  });

  it('formats ages', () => {
    expect(formatAge(null, 1000)).toBe('--');
    expect(formatAge(600, 1000)).toBe('0.4 s');
    expect(formatAge(0, 45_000)).toBe('45 s');
    expect(formatAge(0, 600_000)).toBe('10 min');
  });
});
