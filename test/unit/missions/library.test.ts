/** The wayline library saves drawn routes in their height mode and refuses a height mode Outpost cannot draw. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WaylineLibrary } from '../../../electron/core/missions/library';
import { MissionStore } from '../../../electron/core/missions/store';
import { openDatabase } from '../../../electron/core/store/db';
import { migrate } from '../../../electron/core/store/migrate';
import { systemClock } from '../../../electron/core/util/clock';
import { silentLogger } from '../../../electron/core/util/log';
import { DEFAULT_DRAFT, egm96ToEllipsoid, parseKmz, type RouteDraft } from '../../../shared/wpml';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const library = () => {
  const db = openDatabase(':memory:');
  const m = migrate(db);
  if (!m.ok) throw new Error(m.error.message);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-lib-'));
  dirs.push(dir);
  return new WaylineLibrary(new MissionStore(db), dir, systemClock, silentLogger);
};

const wps = [
  { lat: 47.401, lon: 8.501, height: 432.5, actions: [] },
  { lat: 47.402, lon: 8.502, height: 440, actions: [] },
];

describe('wayline library: drawn routes and height modes', () => {
  it('an EGM96 route is stored as a WGS84 wayline: the path (the 3D preview) carries ellipsoid heights, the draft its altitudes', () => {
    const lib = library();
    const draft: RouteDraft = { ...DEFAULT_DRAFT, heightMode: 'EGM96', waypoints: wps };
    const saved = lib.saveDraft(undefined, 'altitudes', draft);
    if (!saved.ok) throw new Error(saved.error.message);
    const got = lib.get(saved.value.id);
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.heightMode).toBe('WGS84');
    got.value.path.forEach((p, i) => expect(p.height).toBeCloseTo(egm96ToEllipsoid(wps[i]!.lat, wps[i]!.lon, wps[i]!.height), 2));
    expect(got.value.draft).toEqual(draft);
    const bytes = lib.bytes(saved.value.id);
    const parsed = bytes.ok ? parseKmz(bytes.value) : null;
    expect(parsed?.ok && parsed.value.file.templates[0]?.coordinateSys.heightMode).toBe('EGM96');
  });

  it('refuses a height mode the editor cannot write (a crafted request), saying which ones it can', () => {
    const r = library().saveDraft(undefined, 'agl', { ...DEFAULT_DRAFT, heightMode: 'aboveGroundLevel' as 'EGM96', waypoints: wps });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/"aboveGroundLevel" cannot be drawn in Outpost; use one of relativeToStartPoint, EGM96/);
  });
});
