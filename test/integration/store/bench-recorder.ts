/**
 * Throughput of the telemetry recorder on a real WAL file with realistic ~2 KB
 * aircraft OSD objects (JSON encoding included).
 *   burst:  `npx tsx test/integration/store/bench-recorder.ts burst [count]`  — as fast as possible
 *   paced:  `npx tsx test/integration/store/bench-recorder.ts paced [rate] [seconds]` — offers `rate` msgs/s
 *           and reports whether the recorder kept up (backlog stays bounded).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { openStore } from '../../../electron/core/store/store';
import { aircraftOsd } from './osd-fixture';

const mode = process.argv[2] ?? 'burst';
const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
const opened = openStore(join(dir, 'outpost.db'));
if (!opened.ok) throw new Error(opened.error.message);
const store = opened.value;
// Pre-built inputs: the router hands the recorder already-parsed objects.
const inputs = Array.from({ length: 1000 }, (_, i) => aircraftOsd(i));
const sns = ['1581F5BMD2323001', '1581F5BMD2323002', '1581F6Q8D2419003'];
const t0 = 1_700_000_000_000;
let sent = 0;
const send = (): void => {
  store.recorder.record(sns[sent % sns.length]!, t0 + sent, inputs[sent % inputs.length]!);
  sent++;
};

const cpu0 = process.cpuUsage();
const started = performance.now();
let maxBacklog = 0;
if (mode === 'paced') {
  const rate = Number(process.argv[3] ?? 30_000);
  const seconds = Number(process.argv[4] ?? 10);
  for (;;) {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= seconds) break;
    const due = Math.floor(elapsed * rate);
    maxBacklog = Math.max(maxBacklog, due - sent);
    while (sent < due) send();
    await tick(); // let the flush timer and I/O run, as the app's event loop would
  }
} else {
  const count = Number(process.argv[3] ?? 300_000);
  while (sent < count) send();
}
store.recorder.flush();
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const st = store.recorder.stats();
const rows = (store.db.prepare('SELECT count(*) AS n FROM telemetry').get() as { n: number }).n;
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    mode,
    messages: sent,
    wallSeconds: Number(wall.toFixed(2)),
    msgsPerSecWall: Math.round(sent / wall),
    msgsPerCpuSecond: Math.round(sent / cpuSeconds),
    maxBacklog,
    bytesPerMsg: JSON.stringify(inputs[0]).length,
    rows,
    batches: st.batches,
    dropped: st.dropped,
  }),
);
