/** The Dock 3 DRC camera table against the research protocol catalog: same methods on drc/down, field names and enums. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRC_CAMERA_COMMANDS, DRC_CAMERA_METHODS } from '../../../shared/protocol/payload';

const CATALOG = '/work/shared/protocol/protocol-catalog.json';

interface Entry {
  readonly topic: string;
  readonly method: string;
  readonly fields?: readonly { name: string; enum?: Record<string, string> }[];
}

describe.skipIf(!existsSync(CATALOG))('Dock 3 DRC camera table ↔ protocol catalog', () => {
  const entries = JSON.parse(readFileSync(CATALOG, 'utf8')) as Entry[];

  it('has every method on drc/down with the catalog field names and enum values', () => {
    for (const m of DRC_CAMERA_METHODS) {
      const e = entries.find((x) => x.topic.endsWith('/drc/down') && x.method === m);
      expect(e, m).toBeDefined();
      const fields = DRC_CAMERA_COMMANDS.get(m)!.fields;
      expect(Object.keys(fields).sort(), m).toEqual(e!.fields!.map((f) => f.name).sort());
      for (const f of e!.fields ?? []) {
        const rule = fields[f.name]!;
        if (f.enum && (rule.kind === 'enum_int' || rule.kind === 'enum_string')) expect(Object.keys(rule.values).sort(), `${m}.${f.name}`).toEqual(Object.keys(f.enum).sort());
        if (rule.kind === 'bool') expect(Object.keys(f.enum ?? {}).sort(), `${m}.${f.name}`).toEqual(['false', 'true']);
      }
    }
  });
});
