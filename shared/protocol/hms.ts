/** Readable HMS alert text: DJI's Copy Key splicing and placeholder rules (feature-set/dock-feature-set/hms). */
import { HMS_TEXT } from './hms-text.generated';

export interface HmsTextOptions {
  /** The alert's `in_the_sky` (1 = the aircraft is flying). */
  readonly inTheSky: boolean;
  /** `device_type` "{domain}-{type}-{sub_type}"; domain 3 = dock alerts (dock_tip_ keys). */
  readonly deviceType?: string;
  readonly args?: { readonly component_index?: number; readonly sensor_index?: number };
  /** For the fallback text. */
  readonly level?: number;
  readonly module?: number;
}

/** "0x16100083" in upper-case hex (hms.json mixes cases). */
function normaliseCode(code: string): string {
  const m = /^0x([0-9a-f]+)$/i.exec(code.trim());
  return m ? `0x${m[1]!.toUpperCase()}` : code.trim();
}

/**
 * Copy Key: dock alerts `dock_tip_{code}`; aircraft `fpv_tip_{code}`, or `fpv_tip_{code}_in_the_sky`
 * while flying when that variant exists (the docs: in_the_sky 1 + flying → `_in_the_sky` key).
 */
export function hmsCopyKeys(code: string, opts: HmsTextOptions): readonly string[] {
  const c = normaliseCode(code);
  const dock = opts.deviceType?.startsWith('3-') ?? false;
  if (dock) return [`dock_tip_${c}`, `fpv_tip_${c}`];
  return opts.inTheSky ? [`fpv_tip_${c}_in_the_sky`, `fpv_tip_${c}`, `dock_tip_${c}`] : [`fpv_tip_${c}`, `dock_tip_${c}`];
}

const SIDE = ['left', 'right'] as const;
const ROD = ['front', 'back', 'left', 'right'] as const;

/** Substitute the placeholders DJI documents (hms feature page, "Alarm copy replacement"). */
function fill(text: string, code: string, args: HmsTextOptions['args']): string {
  const sensor = args?.sensor_index;
  const component = args?.component_index;
  const n = (v: number | undefined) => (v === undefined ? '?' : String(v + 1));
  const side = sensor === undefined ? '?' : sensor === 0 ? SIDE[0] : SIDE[1];
  let out = text
    .replace(/%alarmid/g, normaliseCode(code))
    .replace(/%component_index/g, n(component))
    .replace(/%battery_index/g, side)
    .replace(/%dock_cover_index/g, side)
    .replace(/%charging_rod_index/g, sensor === undefined ? '?' : (ROD[sensor] ?? String(sensor)))
    .replace(/%index/g, n(sensor));
  // hms.json also has printf-style slots (%1$s, %s, %d) that the docs don't describe; on dock
  // cover texts they hold the cover side (left/right) as the demo's dock_cover_index does.
  if (/%(\d\$)?[sd]/.test(out)) {
    const slot = /cover/i.test(out) ? side : n(sensor);
    out = out.replace(/%(\d\$)?[sd]/g, slot);
  }
  return out;
}

/** English alert text for an HMS code; a clear fallback when the code is not in DJI's table. */
export function hmsText(code: string, opts: HmsTextOptions): string {
  for (const key of hmsCopyKeys(code, opts)) {
    const text = HMS_TEXT[key];
    if (text !== undefined) return fill(text, code, opts.args);
  }
  const level = opts.level === undefined ? '' : `, level ${opts.level}`;
  const module = opts.module === undefined ? '' : `, module ${opts.module}`;
  return `Unknown HMS alert ${normaliseCode(code)}${level}${module}`;
}
