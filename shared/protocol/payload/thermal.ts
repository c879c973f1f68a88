/**
 * Thermal settings of a payload-index object, written through property/set (aircraft properties pages:
 * `{type-subtype-gimbalindex}.thermal_*`, accessMode rw) and read back from the aircraft OSD.
 */
import { appError, err, ok, type Result } from '../../util/result';
import { enumInt, int, ruleText, type FieldRule } from './fields';
import type { ThermalSettings } from './types';

/** thermal_current_palette_style (m30/m3d/m4d properties pages). */
export const PALETTES: Readonly<Record<number, string>> = {
  0: 'white hot',
  1: 'black hot',
  2: 'red tint',
  3: 'medical',
  5: 'rainbow 1',
  6: 'ironbow',
  8: 'arctic',
  11: 'lava',
  12: 'hot iron',
  13: 'rainbow 2',
};
/** thermal_gain_mode: 1 low gain measures 0–500 °C, 2 high gain −20–150 °C. */
export const GAIN_MODES: Readonly<Record<number, string>> = { 0: 'auto', 1: 'low gain (0–500 °C)', 2: 'high gain (−20–150 °C)' };

const RULES: Readonly<Record<keyof ThermalSettings, FieldRule>> = {
  thermal_current_palette_style: enumInt(PALETTES),
  thermal_gain_mode: enumInt(GAIN_MODES),
  thermal_isotherm_state: enumInt({ 0: 'off', 1: 'on' }),
  thermal_isotherm_upper_limit: int(),
  thermal_isotherm_lower_limit: int(),
};

export const THERMAL_KEYS = Object.keys(RULES) as readonly (keyof ThermalSettings)[];

const fits = (r: FieldRule, v: unknown): boolean => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (r.kind === 'enum_int') return Object.hasOwn(r.values, String(v));
  return r.kind === 'number' && (!r.int || Number.isInteger(v));
};

/** Validates a thermal update; `current` (from OSD) lets a lone upper/lower limit be checked against the other. */
export function validateThermal(update: unknown, current: ThermalSettings = {}): Result<ThermalSettings> {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return err(appError('invalid_data', 'thermal settings must be an object'));
  const rec = update as Record<string, unknown>;
  const keys = Object.keys(rec);
  if (keys.length === 0) return err(appError('invalid_data', 'thermal settings: nothing to set'));
  for (const k of keys) {
    const rule = RULES[k as keyof ThermalSettings];
    if (!rule) return err(appError('unknown_field', `unknown thermal setting "${k}" (settable: ${THERMAL_KEYS.join(', ')})`, { field: k }));
    if (!fits(rule, rec[k])) return err(appError('out_of_range', `${k} must be ${ruleText(rule)} (got ${JSON.stringify(rec[k])})`, { field: k }));
  }
  const upper = (rec.thermal_isotherm_upper_limit ?? current.thermal_isotherm_upper_limit) as number | undefined;
  const lower = (rec.thermal_isotherm_lower_limit ?? current.thermal_isotherm_lower_limit) as number | undefined;
  if (upper !== undefined && lower !== undefined && lower >= upper) {
    return err(appError('out_of_range', `thermal_isotherm_lower_limit must be below thermal_isotherm_upper_limit (${lower} °C ≥ ${upper} °C)`, { field: 'thermal_isotherm_lower_limit' }));
  }
  return ok(rec as ThermalSettings);
}
