/**
 * Payload benchmarks: validation cost per command, and the round trip of a payload command (IPC handler → services
 * → simulated dock → services_reply) through the real engine, broker and simulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../electron/core/engine/engine';
import { startFleet } from '../electron/core/sim';
import { silentLogger } from '../electron/core/util/log';
import { validatePayloadCommand } from '../shared/protocol/payload';
import { figure, hrNow, percentile, type Figure } from './lib';

const ROUND_TRIPS = 300;

export async function payloadBench(): Promise<Figure[]> {
  const data = { payload_index: '81-0-0', locked: false, latitude: 46.001, longitude: 7.001, height: 480 };
  const n = 200_000;
  const t0 = hrNow();
  for (let i = 0; i < n; i++) validatePayloadCommand('camera_look_at', data);
  const validateUs = ((hrNow() - t0) * 1000) / n;

  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-bench-payload-'));
  const r = await startEngine({ dataDir, host: '127.0.0.1', mqttHost: '127.0.0.1', logger: silentLogger, overrides: { httpPort: 0, broker: { mqttPort: 0, wsPort: 0 }, device: { username: 'b', password: 'bench-pass' } } });
  if (!r.ok) throw new Error(r.error.message);
  const engine = r.value;
  const fleet = await startFleet({ url: `mqtt://127.0.0.1:${engine.ports().mqtt}`, username: 'b', password: 'bench-pass', count: 1, kind: 'dock2', bindingCode: engine.bindingCode, organizationId: engine.organizationId, logger: silentLogger });
  try {
    await fleet.ready();
    const sn = fleet.devices[0]!.aircraftSn;
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const s = hrNow();
      const res = await engine.invoke['payload:command']({ sn, method: 'camera_look_at', data });
      if (!res.ok) throw new Error(res.error.message);
      times.push(hrNow() - s);
    }
    return [
      figure('payload.validate_us', validateUs, 'µs', '< 20'),
      figure('payload.command_round_trip_p50_ms', percentile(times, 50), 'ms', null),
      figure('payload.command_round_trip_p99_ms', percentile(times, 99), 'ms', '< 50'),
    ];
  } finally {
    await fleet.stop();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
