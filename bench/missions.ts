/**
 * Missions benchmark: import + full validation of a 1,000-waypoint KMZ (every waypoint with a photo action),
 * median and p95 over repeated runs; anchored on fflate + fast-xml-parser alone (unzip + bare parse, no checks).
 * Then the map's frame rate while that route is shown (bench/missions-map.ts, Chromium).
 */
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { DEFAULT_DRAFT, draftToWpml, parseKmz, writeKmz } from '../shared/wpml';
import { figure, hrNow, percentile, type Figure } from './lib';
import { missionsMapBench } from './missions-map';

const WAYPOINTS = 1000;
const RUNS = Number(process.env.BENCH_MISSION_RUNS ?? 15);

export function bigKmz(n = WAYPOINTS): Uint8Array {
  const waypoints = Array.from({ length: n }, (_, i) => ({
    lat: 47.39 + Math.floor(i / 40) * 0.0005,
    lon: 8.54 + (i % 40) * 0.0005,
    height: 60 + (i % 7),
    actions: [{ kind: 'takePhoto' as const }],
  }));
  return writeKmz(draftToWpml({ ...DEFAULT_DRAFT, waypoints }, 1_700_000_000_000));
}

export async function missionsBench(): Promise<Figure[]> {
  const kmz = bigKmz();
  const ours: number[] = [];
  const bare: number[] = [];
  const parser = new XMLParser({ preserveOrder: true });
  for (let i = 0; i < RUNS; i++) {
    let t0 = hrNow();
    const r = parseKmz(kmz);
    ours.push(hrNow() - t0);
    if (!r.ok) throw new Error(`bench KMZ refused: ${r.error.message}`);
    t0 = hrNow();
    const files = unzipSync(kmz);
    for (const f of Object.values(files)) parser.parse(new TextDecoder().decode(f));
    bare.push(hrNow() - t0);
  }
  const p50 = percentile(ours, 50);
  return [
    figure('missions.import_1000wp_p50_ms', p50, 'ms', '< 1000', percentile(bare, 50)),
    figure('missions.import_1000wp_p95_ms', percentile(ours, 95), 'ms', '< 2000'),
    figure('missions.kmz_1000wp_bytes', kmz.length, 'B', null),
    ...(await missionsMapBench(kmz)),
  ];
}
