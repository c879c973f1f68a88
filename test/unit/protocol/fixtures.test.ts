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
  /** Set on the topic-definition pages' generic templates (method "some_method"). */
  readonly expect?: 'unknown_method';
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
    // 1661 examples at extraction time (EN v1.11 + CN latest); unparsed.json must stay empty.
    expect(fixtures.length).toBeGreaterThan(1600);
    expect(JSON.parse(readFileSync(join(ROOT, 'unparsed.json'), 'utf8'))).toEqual([]);
    const families = new Set(fixtures.map((f) => f.topic.split('/').slice(3).join('/')));
    for (const f of ['osd', 'state', 'status', 'status_reply', 'services', 'services_reply', 'events', 'events_reply', 'requests', 'requests_reply', 'property/set', 'property/set_reply', 'drc/up', 'drc/down']) {
      expect(families, f).toContain(f);
    }
  });

  it('decodes each one ok (templates with a placeholder method give unknown_method)', () => {
    const failures: string[] = [];
    let decoded = 0;
    for (const f of fixtures) {
      const r = decode(f.topic, JSON.stringify(f.message));
      if (r.ok) decoded++;
      const got = r.ok ? 'ok' : r.error.code;
      if (got !== (f.expect ?? 'ok')) failures.push(`${f.source}:${f.line} ${f.topic} → ${got}${r.ok ? '' : `: ${r.error.reason}`}`);
    }
    expect(failures).toEqual([]);
    expect(decoded).toBeGreaterThan(1600);
  });

  it('records the repairs it made (e.g. the CN Dock 3 "timestamp:" key typo)', () => {
    const org = fixtures.filter((f) => f.source === 'cn/dock-to-cloud/mqtt/dock/dock3/organization.md');
    expect(org.length).toBe(6);
    for (const f of org) {
      expect(f.repaired).toMatch(/"timestamp:" renamed to "timestamp"/);
      expect(typeof (f.message as { timestamp?: unknown }).timestamp).toBe('number');
    }
    const statusBlocks = fixtures.filter((f) => f.repaired?.includes('several examples') && f.topic.endsWith('/status'));
    expect(statusBlocks.some((f) => (f.message as { data: { sub_devices: unknown[] } }).data.sub_devices.length === 0)).toBe(true);
  });
});
