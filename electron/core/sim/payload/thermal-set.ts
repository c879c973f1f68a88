/**
 * property/set on the payload-index object (`{"81-0-0": {"thermal_current_palette_style": 1}}`, aircraft properties
 * pages "Device Property Set"): answered per leaf, `{"81-0-0": {"thermal_…": {"result": 0}}}`; 0 success, 1 failed.
 */
import { validateThermal } from '../../../../shared/protocol/payload';
import type { PayloadSimState } from './state';

export function applyThermalSet(s: PayloadSimState, payloadIndex: string, data: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const value = data[payloadIndex];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = validateThermal(value, s.thermal);
  const result = v.ok ? 0 : 1;
  if (v.ok) Object.assign(s.thermal, v.value);
  return { [payloadIndex]: Object.fromEntries(Object.keys(value).map((k) => [k, { result }])) };
}
