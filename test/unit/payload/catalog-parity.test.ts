/**
 * The payload command table against the research protocol catalog it was derived from: same methods, same field
 * names, same enums and ranges (where the catalog has it; skipped on machines without /work/shared).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_COMMANDS, PAYLOAD_METHODS } from '../../../shared/protocol/payload';

const CATALOG = '/work/shared/protocol/protocol-catalog.json';

interface Entry {
  readonly topic: string;
  readonly method: string;
  readonly fields?: readonly { name: string; enum?: Record<string, string>; range?: { min?: number; max?: number } }[];
}

describe.skipIf(!existsSync(CATALOG))('payload table ↔ protocol catalog', () => {
  const entries = JSON.parse(readFileSync(CATALOG, 'utf8')) as Entry[];
  const down = (topicEnd: string, method: string) => entries.find((e) => e.topic.endsWith(topicEnd) && e.method === method);

  it('covers every payload services method the brief names, with the catalog field names', () => {
    for (const m of PAYLOAD_METHODS) {
      const e = down('/services', m);
      expect(e, m).toBeDefined();
      expect(Object.keys(PAYLOAD_COMMANDS.get(m)!.fields).sort(), m).toEqual(e!.fields!.map((f) => f.name).sort());
    }
  });

  it('has the catalog enums and ranges', () => {
    for (const m of PAYLOAD_METHODS) {
      for (const f of down('/services', m)!.fields ?? []) {
        const rule = PAYLOAD_COMMANDS.get(m)!.fields[f.name]!;
        if (f.enum && (rule.kind === 'enum_int' || rule.kind === 'enum_string')) {
          // camera_focal_length_set lists "wide" in enum but not in enum_names; we keep the docs' enum.
          expect(Object.keys(rule.values).sort(), `${m}.${f.name}`).toEqual(Object.keys(f.enum).sort());
        }
        if (f.range && rule.kind === 'number') {
          expect([rule.min, rule.max], `${m}.${f.name}`).toEqual([f.range.min, f.range.max]);
        }
      }
    }
  });

  it('every drc twin exists on drc/down with the same field names', () => {
    for (const m of PAYLOAD_METHODS) {
      const drc = PAYLOAD_COMMANDS.get(m)!.drcMethod;
      if (!drc) continue;
      const e = down('/drc/down', drc);
      expect(e, drc).toBeDefined();
      expect(e!.fields!.map((f) => f.name).sort(), drc).toEqual(Object.keys(PAYLOAD_COMMANDS.get(m)!.fields).sort());
    }
  });
});
