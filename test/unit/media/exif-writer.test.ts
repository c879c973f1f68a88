/** The simulator's EXIF/XMP writer read back by exifr, as the library reads real DJI photos. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../../electron/core/media/exif';
import { tagJpeg } from '../../../electron/core/sim/media/exif-writer';

describe('simulated DJI photo metadata', () => {
  it('round-trips GPS, time and drone-dji tags through exifr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exif-'));
    try {
      const jpeg = tagJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), { make: 'DJI', model: 'M3TD', time: new Date('2026-03-04T05:06:07Z'), lat: -33.8688123, lon: 151.2092955, absoluteAltitude: 123.45, relativeAltitude: 80, gimbalYaw: -91.4, gimbalPitch: -45, flightYaw: 12.3 });
      writeFileSync(join(dir, 'a.jpg'), jpeg);
      const m = await readMetadata(join(dir, 'a.jpg'));
      expect(m).toMatchObject({ make: 'DJI', model: 'M3TD', absoluteAltitude: 123.45, relativeAltitude: 80, gimbalYaw: -91.4, gimbalPitch: -45, flightYaw: 12.3 });
      expect(m!.latitude).toBeCloseTo(-33.8688123, 6);
      expect(m!.longitude).toBeCloseTo(151.2092955, 6);
      expect(m!.capturedAt).toMatch(/^2026-03-04T0\d:06:07/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
