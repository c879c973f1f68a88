import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../shared/protocol';

interface Fixture {
  readonly source: string;
  readonly line: number;
  readonly topic: string;
  readonly message: unknown;
  readonly repaired?: string;
}

const ROOT = join(__dirname, '..', '..', 'fixtures', 'dji-docs');
const fixtures: Fixture[] = [];
for (const edition of ['en', 'cn']) {
  for (const file of readdirSync(join(ROOT, edition))) {
    fixtures.push(...(JSON.parse(readFileSync(join(ROOT, edition, file), 'utf8')) as Fixture[]));
  }
}

describe('every JSON example of the DJI MQTT doc pages decodes', () => {
  it('extracted all examples (no silent drops)', () => {
    // 1601 examples at extraction time (EN v1.11 + CN latest); unparsed.json must stay empty.
    expect(fixtures.length).toBeGreaterThan(1500);
    expect(JSON.parse(readFileSync(join(ROOT, 'unparsed.json'), 'utf8'))).toEqual([]);
    const families = new Set(fixtures.map((f) => f.topic.split('/').slice(3).join('/')));
    for (const f of ['osd', 'status', 'status_reply', 'services', 'services_reply', 'events', 'events_reply', 'requests', 'requests_reply', 'property/set', 'property/set_reply', 'drc/up', 'drc/down']) {
      expect(families, f).toContain(f);
    }
  });

  it('decodes each one ok', () => {
    const failures: string[] = [];
    for (const f of fixtures) {
      const r = decode(f.topic, JSON.stringify(f.message));
      if (!r.ok) failures.push(`${f.source}:${f.line} ${f.topic} → ${r.error.code}: ${r.error.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
