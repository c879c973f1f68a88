import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../shared/protocol';

// decode runs for every MQTT message (30k+ msg/s target); this guards against a 10× regression
// (e.g. schemas rebuilt per message) with a bound loose enough for a busy CI machine.
describe('decode speed', () => {
  it('decodes a full aircraft OSD push well above 5k msg/s', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'dji-docs', 'en', '20.dock-to-cloud__00.mqtt__20.dock__10.dock2__00.properties.json');
    const fixtures = JSON.parse(readFileSync(file, 'utf8')) as { topic: string; message: unknown }[];
    const osd = fixtures.filter((f) => f.topic.endsWith('/osd')).at(-1)!;
    const bytes = new TextEncoder().encode(JSON.stringify(osd.message));
    expect(bytes.length).toBeGreaterThan(1000);
    const n = 10_000;
    const t0 = performance.now();
    let ok = 0;
    for (let i = 0; i < n; i++) if (decode(osd.topic, bytes).ok) ok++;
    const perSecond = n / ((performance.now() - t0) / 1000);
    expect(ok).toBe(n);
    expect(perSecond).toBeGreaterThan(5_000);
  });
});
