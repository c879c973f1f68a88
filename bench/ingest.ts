/**
 * Ingest benchmark (issue: engine §8): 1,000 docks + 1,000 aircraft at 1 Hz through the
 * real embedded broker into decode + shadow + recorder, then the maximum sustained rate;
 * anchored on bare Mosquitto → subscriber delivery measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { startEngine } from '../electron/core/engine/engine';
import { silentLogger } from '../electron/core/util/log';
import { figure, freePort, hrNow, percentile, runLoad, startMosquitto, type Figure } from './lib';

const DOCKS = Number(process.env.BENCH_DOCKS ?? 1000);
const STEADY_S = Number(process.env.BENCH_STEADY_S ?? 12);
const FLOOD_S = Number(process.env.BENCH_FLOOD_S ?? 8);
const WARMUP_MS = 2000;

interface Phase {
  readonly received: number;
  readonly seconds: number;
  readonly delays: number[];
  readonly cpuCores: number;
}

/** Bare Mosquitto relaying to one subscriber that parses each message, like the engine must. */
async function mosquittoPhase(mode: 'steady' | 'flood'): Promise<Phase> {
  const m = await startMosquitto();
  const sub = mqtt.connect(`mqtt://127.0.0.1:${m.port}`, { clientId: 'bench-sub', reconnectPeriod: 0 });
  await new Promise<void>((r) => sub.once('connect', () => r()));
  (sub.stream as unknown as { setNoDelay: (b: boolean) => void }).setNoDelay(true);
  await sub.subscribeAsync(['thing/product/+/osd', 'sys/product/+/status'], { qos: 0 });
  const delays: number[] = [];
  let received = 0;
  let measuring = false;
  sub.on('message', (_t, payload) => {
    const msg = JSON.parse(payload.toString()) as { data?: { bench_sent_at?: number } };
    if (!measuring || msg.data?.bench_sent_at === undefined) return;
    received++;
    delays.push(hrNow() - msg.data.bench_sent_at);
  });
  let t0 = 0;
  let cpu0 = 0;
  const args = mode === 'steady' ? ['--docks', String(DOCKS), '--hz', '1', '--seconds', String(STEADY_S)] : ['--mode', 'flood', '--connections', '4', '--seconds', String(FLOOD_S)];
  const warm = mode === 'steady' ? WARMUP_MS : 1000;
  const load = runLoad(['--url', `mqtt://127.0.0.1:${m.port}`, ...args], () => {
    setTimeout(() => {
      measuring = true;
      t0 = hrNow();
      cpu0 = m.cpuSeconds();
    }, warm);
  });
  await load;
  const seconds = (hrNow() - t0) / 1000;
  const cpuCores = (m.cpuSeconds() - cpu0) / seconds;
  measuring = false;
  await sub.endAsync();
  await m.stop();
  return { received, seconds, delays, cpuCores };
}

async function enginePhase(mode: 'steady' | 'flood'): Promise<Phase & { rssMb: number; recorded: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  const port = await freePort();
  const r = await startEngine({
    dataDir,
    host: '127.0.0.1',
    mqttHost: '127.0.0.1',
    logger: silentLogger,
    apiToken: 'bench-token-000000',
    overrides: { httpPort: 0, broker: { mqttPort: port, wsPort: 0 }, device: { username: 'bench', password: 'bench-pass' } },
  });
  if (!r.ok) throw new Error(r.error.message);
  const engine = r.value;
  const delays: number[] = [];
  let measuring = false;
  // Publish → shadow update: the patch carries the group the message wrote, with bench_sent_at.
  engine.shadow.onChange((p) => {
    const sent = p.groups?.status?.fields.bench_sent_at;
    if (measuring && typeof sent === 'number') delays.push(hrNow() - sent);
  });
  let t0 = 0;
  let n0 = 0;
  let cpu0 = process.cpuUsage();
  let rec0 = 0;
  const args = mode === 'steady' ? ['--docks', String(DOCKS), '--hz', '1', '--seconds', String(STEADY_S)] : ['--mode', 'flood', '--connections', '4', '--seconds', String(FLOOD_S)];
  const warm = mode === 'steady' ? WARMUP_MS : 1000;
  await runLoad(['--url', `mqtt://127.0.0.1:${port}`, '--user', 'bench', '--pass', 'bench-pass', ...args], () => {
    setTimeout(() => {
      measuring = true;
      t0 = hrNow();
      n0 = engine.counters.get('messages.osd');
      cpu0 = process.cpuUsage();
      rec0 = engine.store.recorder.stats().rowsWritten;
    }, warm);
  });
  const seconds = (hrNow() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  measuring = false;
  const received = engine.counters.get('messages.osd') - n0;
  engine.store.recorder.flush();
  const recorded = engine.store.recorder.stats().rowsWritten - rec0;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const rejected = engine.counters.get('decode.rejected');
  if (rejected > 0) throw new Error(`engine rejected ${rejected} benchmark messages: ${JSON.stringify(engine.counters.snapshot())}`);
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return { received, seconds, delays, cpuCores: (cpu.user + cpu.system) / 1e6 / seconds, rssMb, recorded };
}

export async function ingestBench(): Promise<Figure[]> {
  const ms = await mosquittoPhase('steady');
  const es = await enginePhase('steady');
  const mf = await mosquittoPhase('flood');
  const ef = await enginePhase('flood');
  const mRate = mf.received / mf.seconds;
  const eRate = ef.received / ef.seconds;
  return [
    figure('ingest.steady_msgs_per_s', es.received / es.seconds, 'msg/s', `= ${DOCKS * 2} offered`, ms.received / ms.seconds),
    figure('ingest.steady_cpu_cores', es.cpuCores, 'cores', '< 0.5', ms.cpuCores),
    figure('ingest.steady_rss_mb', es.rssMb, 'MiB', null),
    figure('ingest.delay_p50_ms', percentile(es.delays, 50), 'ms', null, percentile(ms.delays, 50)),
    figure('ingest.delay_p99_ms', percentile(es.delays, 99), 'ms', '< 20', percentile(ms.delays, 99)),
    figure('ingest.steady_recorded_rows_per_s', es.recorded / es.seconds, 'rows/s', `= ${DOCKS * 2}`),
    figure('ingest.max_msgs_per_s', eRate, 'msg/s', '>= 30000', mRate),
    figure('ingest.max_recorded_rows_per_s', ef.recorded / ef.seconds, 'rows/s', '>= 30000', mRate),
    figure('ingest.max_delay_p99_ms', percentile(ef.delays, 99), 'ms', null, percentile(mf.delays, 99)),
    figure('ingest.max_cpu_cores', ef.cpuCores, 'cores', null, mf.cpuCores),
    figure('mosquitto.max_msgs_per_s', mRate, 'msg/s', null),
  ];
}
