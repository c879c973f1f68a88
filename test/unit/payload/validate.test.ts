/** Every payload command is checked against the documented ranges and enums before it is sent. */
import { describe, expect, it } from 'vitest';
import { PAYLOAD_COMMANDS, PAYLOAD_METHODS, validatePayloadCommand, validateThermal, type FieldRule } from '../../../shared/protocol/payload';
import { samples } from './samples';

const valid = new Map(samples('81-0-0').map((c) => [c.method, c.data as unknown as Record<string, unknown>]));

/** A value just outside the rule, and the words the message must contain. */
function badValue(rule: FieldRule): { value: unknown; says: string } {
  switch (rule.kind) {
    case 'payload_index':
      return { value: '81/0/0', says: 'a payload index like "39-0-7"' };
    case 'bool':
      return { value: 1, says: 'true or false' };
    case 'number':
      if (rule.max !== undefined) return { value: rule.max + 0.5, says: `in ${rule.min}–${rule.max}` };
      if (rule.int) return { value: 1.5, says: 'an integer' };
      return { value: 'fast', says: 'a number' };
    case 'enum_int':
      return { value: 99, says: 'one of' };
    case 'enum_string':
      return { value: 'thermal', says: 'one of' };
  }
}

describe('validatePayloadCommand', () => {
  it('accepts the documented example of every method', () => {
    expect([...valid.keys()].sort()).toEqual([...PAYLOAD_METHODS].sort());
    for (const [method, data] of valid) expect(validatePayloadCommand(method, data), method).toEqual({ ok: true, value: { method, data } });
  });

  for (const method of PAYLOAD_METHODS) {
    const spec = PAYLOAD_COMMANDS.get(method)!;
    it(`${method}: refuses each field out of range or missing, naming the field and its range`, () => {
      const data = valid.get(method)!;
      for (const [field, rule] of Object.entries(spec.fields)) {
        const { value, says } = badValue(rule);
        const r = validatePayloadCommand(method, { ...data, [field]: value });
        expect(r.ok, `${method}.${field}=${String(value)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('out_of_range');
          expect(r.error.message).toContain(`${method}: ${field} must be`);
          expect(r.error.message).toContain(says);
        }
        const { [field]: _dropped, ...missing } = data;
        const m = validatePayloadCommand(method, missing);
        expect(m.ok).toBe(false);
        if (!m.ok) expect(m.error.message).toContain('(got nothing)');
      }
      const extra = validatePayloadCommand(method, { ...data, speed: 1 });
      expect(extra).toMatchObject({ ok: false, error: { code: 'unknown_field' } });
    });
  }

  it('zoom: 2–200 on the visible lenses, 2–20 on the infrared lens', () => {
    const zoom = (camera_type: string, zoom_factor: number) => validatePayloadCommand('camera_focal_length_set', { payload_index: '81-0-0', camera_type, zoom_factor });
    expect(zoom('zoom', 200).ok).toBe(true);
    expect(zoom('ir', 20).ok).toBe(true);
    expect(zoom('zoom', 1.9)).toMatchObject({ ok: false, error: { message: 'camera_focal_length_set: zoom_factor must be a number in 2–200 × (got 1.9)' } });
    expect(zoom('ir', 20.5)).toMatchObject({ ok: false, error: { message: 'camera_focal_length_set: zoom_factor must be a number in 2–20 × for the infrared lens (got 20.5)' } });
  });

  it('look-at height is 2–10000 m (ellipsoid)', () => {
    const at = (height: number) => validatePayloadCommand('camera_look_at', { payload_index: '81-0-0', locked: true, latitude: 1, longitude: 2, height });
    expect(at(2).ok && at(10000).ok).toBe(true);
    expect(at(1.9)).toMatchObject({ ok: false, error: { message: 'camera_look_at: height must be a number in 2–10000 m (got 1.9)' } });
  });

  it('metering and frame areas must stay inside the frame', () => {
    const r = validatePayloadCommand('ir_metering_area_set', { payload_index: '81-0-0', x: 0.8, y: 0.1, width: 0.3, height: 0.1 });
    expect(r).toMatchObject({ ok: false, error: { message: 'ir_metering_area_set: width must be ≤ 1 − x = 0.2 (the area must stay inside the frame) (got 0.3)' } });
  });

  it('focus value stays within the camera range reported in OSD', () => {
    const d = { payload_index: '81-0-0', camera_type: 'zoom', focus_value: 120 };
    expect(validatePayloadCommand('camera_focus_value_set', d).ok).toBe(true);
    expect(validatePayloadCommand('camera_focus_value_set', d, { focus: { min: 0, max: 100 } })).toMatchObject({
      ok: false,
      error: { message: "camera_focus_value_set: focus_value must be an integer in 0–100 (this camera's range) (got 120)" },
    });
  });

  it('names what is not a payload command', () => {
    expect(validatePayloadCommand('drone_control', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(validatePayloadCommand('camera_aim', null)).toMatchObject({ ok: false, error: { code: 'invalid_data' } });
  });
});

describe('validateThermal', () => {
  it('takes documented palettes and isotherm limits, refuses the rest', () => {
    expect(validateThermal({ thermal_current_palette_style: 13 }).ok).toBe(true);
    expect(validateThermal({ thermal_current_palette_style: 4 })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(validateThermal({ thermal_isotherm_lower_limit: 70 }, { thermal_isotherm_upper_limit: 60 }).ok).toBe(false);
    expect(validateThermal({ zoom: 1 })).toMatchObject({ ok: false, error: { code: 'unknown_field' } });
    expect(validateThermal({})).toMatchObject({ ok: false, error: { code: 'invalid_data' } });
  });
});
