/** Which URL each configured tile layer is loaded from (same origin direct, anything else through the engine). */
import { describe, expect, it } from 'vitest';
import type { MapSettings } from '../../../../../shared/model/settings';
import { layerSpecs, tileBaseFor } from '../../../../../renderer/src/features/map/layers';

const none: MapSettings = { xyzUrl: null, tmsUrl: null, mbtilesFile: null };
const base = 'http://127.0.0.1:8080';

describe('layerSpecs', () => {
  it('adds nothing without settings or layers', () => {
    expect(layerSpecs(null, base)).toEqual([]);
    expect(layerSpecs(none, base)).toEqual([]);
  });

  it('loads a same-origin template directly and a /tiles/ path against the engine', () => {
    expect(layerSpecs({ ...none, xyzUrl: 'http://127.0.0.1:8080/tiles/osm/{z}/{x}/{y}.png' }, base)).toEqual([
      { id: 'xyz', template: 'http://127.0.0.1:8080/tiles/osm/{z}/{x}/{y}.png' },
    ]);
    expect(layerSpecs({ ...none, xyzUrl: '/tiles/osm/{z}/{x}/{y}.png' }, base)[0]?.template).toBe('http://127.0.0.1:8080/tiles/osm/{z}/{x}/{y}.png');
  });

  it('routes other hosts and local folders through the engine so the CSP admits no other host', () => {
    const specs = layerSpecs({ xyzUrl: 'http://10.0.0.5/{z}/{x}/{y}.png', tmsUrl: '/data/tms', mbtilesFile: '/data/area.mbtiles' }, base);
    expect(specs).toEqual([
      { id: 'mbtiles', template: 'http://127.0.0.1:8080/tiles/mbtiles/{z}/{x}/{y}' },
      { id: 'tms', template: 'http://127.0.0.1:8080/tiles/tms/{z}/{x}/{reverseY}' },
      { id: 'xyz', template: 'http://127.0.0.1:8080/tiles/xyz/{z}/{x}/{y}' },
    ]);
  });

  it('finds the engine at this origin in a browser and on loopback under Electron', () => {
    expect(tileBaseFor({ protocol: 'http:', origin: 'http://10.1.1.2:8080' }, null)).toBe('http://10.1.1.2:8080');
    expect(tileBaseFor({ protocol: 'file:', origin: 'null' }, 39001)).toBe('http://127.0.0.1:39001');
    expect(tileBaseFor({ protocol: 'file:', origin: 'null' }, null)).toBeNull();
  });
});
