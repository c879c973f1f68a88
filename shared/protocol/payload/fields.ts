/** Field rules of the payload commands: one vocabulary for ranges, enums and bools, read by the validators. */

export type FieldRule =
  | { readonly kind: 'payload_index' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly int?: boolean; readonly unit?: string }
  | { readonly kind: 'enum_int'; readonly values: Readonly<Record<number, string>> }
  | { readonly kind: 'enum_string'; readonly values: Readonly<Record<string, string>> };

/** `{type}-{sub_type}-{gimbal_index}`, e.g. "39-0-7" (enums.md §1.2). */
export const PAYLOAD_INDEX_RE = /^\d+-\d+-\d+$/;

export const payloadIndex: FieldRule = { kind: 'payload_index' };
export const bool: FieldRule = { kind: 'bool' };
/** Normalised screen coordinate, upper-left corner is (0, 0) (camera_aim / ir_metering_* field tables). */
export const unit01: FieldRule = { kind: 'number', min: 0, max: 1 };

export const num = (min?: number, max?: number, unit?: string): FieldRule => ({
  kind: 'number',
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
  ...(unit ? { unit } : {}),
});
export const int = (min?: number, max?: number): FieldRule => ({ kind: 'number', int: true, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
export const enumInt = (values: Readonly<Record<number, string>>): FieldRule => ({ kind: 'enum_int', values });
export const enumString = (values: Readonly<Record<string, string>>): FieldRule => ({ kind: 'enum_string', values });

/** Lenses (camera_aim etc.): "ir" infrared, "wide" wide-angle, "zoom" zoom. */
export const LENSES_ALL = { ir: 'infrared', wide: 'wide-angle', zoom: 'zoom' } as const;
/** Exposure/focus commands only take the visible lenses. */
export const LENSES_VISIBLE = { wide: 'wide-angle', zoom: 'zoom' } as const;

export const CAMERA_MODES = { 0: 'photo', 1: 'video', 2: 'smart low-light', 3: 'panorama' } as const;
export const EXPOSURE_MODES = { 1: 'auto', 2: 'shutter priority', 3: 'aperture priority', 4: 'manual' } as const;
export const FOCUS_MODES = { 0: 'MF', 1: 'AFS', 2: 'AFC' } as const;
export const GIMBAL_RESET_MODES = { 0: 'recenter', 1: 'down', 2: 'recenter yaw', 3: 'pitch down' } as const;
export const IR_METERING_MODES = { 0: 'off', 1: 'spot', 2: 'area' } as const;

/** camera_exposure_set `exposure_value`: 1 = -5.0 EV … 16 = 0 EV … 31 = +5.0 EV in 1/3 steps, 255 = fixed. */
export const EXPOSURE_VALUES: Readonly<Record<number, string>> = (() => {
  const out: Record<number, string> = { 255: 'fixed' };
  for (let i = 1; i <= 31; i++) {
    const ev = (i - 16) / 3;
    out[i] = `${ev > 0 ? '+' : ''}${(Math.round(ev * 10) / 10).toFixed(1)} EV`;
  }
  return out;
})();

/** Human text of a rule, for error messages: "0–1", "one of 0 (off), 1 (spot)…", "true or false". */
export function ruleText(r: FieldRule): string {
  switch (r.kind) {
    case 'payload_index':
      return 'a payload index like "39-0-7"';
    case 'bool':
      return 'true or false';
    case 'number': {
      const u = r.unit ? ` ${r.unit}` : '';
      const kind = r.int ? 'an integer' : 'a number';
      if (r.min !== undefined && r.max !== undefined) return `${kind} in ${r.min}–${r.max}${u}`;
      if (r.min !== undefined) return `${kind} ≥ ${r.min}${u}`;
      if (r.max !== undefined) return `${kind} ≤ ${r.max}${u}`;
      return kind;
    }
    case 'enum_int':
    case 'enum_string':
      return `one of ${Object.entries(r.values)
        .map(([k, v]) => (r.kind === 'enum_string' ? `"${k}" (${v})` : `${k} (${v})`))
        .join(', ')}`;
  }
}
