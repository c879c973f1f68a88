/** Pure formatting for the inspector: value + unit, "--" for unknown (never 0), group ages. */
import { fieldMeta } from '../../../../shared/model/fields';
import type { FieldValue } from '../../../../shared/model/device';

export interface FieldLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

const DECIMALS: Readonly<Record<string, number>> = { '°': 6, m: 1, 'm/s': 1, '°C': 1, '%': 0 };

export const formatValue = (name: string, v: unknown): string => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '--';
  const { unit } = fieldMeta(name);
  if (typeof v === 'number') {
    const d = DECIMALS[unit];
    const plain = d === undefined || (Number.isInteger(v) && unit !== '°');
    const text = plain ? String(v) : v.toFixed(name.startsWith('attitude_') ? 1 : d);
    return unit ? `${text} ${unit}` : text;
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v === '' ? '--' : v;
  const json = JSON.stringify(v);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
};

/** Flattens one level of nested objects (e.g. `wireless_link.sdr_quality`) so each leaf gets its own line and unit. */
export const fieldLines = (fields: Readonly<Record<string, FieldValue>>): readonly FieldLine[] => {
  const out: FieldLine[] = [];
  for (const [k, v] of Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) out.push({ key: `${k}.${k2}`, label: `${k}.${fieldMeta(k2).label}`, value: formatValue(k2, v2) });
    } else out.push({ key: k, label: fieldMeta(k).label, value: formatValue(k, v) });
  }
  return out;
};

/** "0.4 s", "12 s", "3 min", "2 h"; "--" when never updated. */
export const formatAge = (updatedAt: number | null | undefined, now: number): string => {
  if (updatedAt === null || updatedAt === undefined) return '--';
  const s = Math.max(0, now - updatedAt) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
};
