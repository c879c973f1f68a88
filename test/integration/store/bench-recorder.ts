/**
 * Throughput of the telemetry recorder on a real WAL file: records N realistic
 * aircraft OSD messages as fast as possible (JSON encoding included) and prints
 * msgs/s. Run: `npx tsx test/integration/store/bench-recorder.ts [count]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/store';
import { aircraftOsd } from './osd-fixture';

const count = Number(process.argv[2] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
const opened = openStore(join(dir, 'outpost.db'));
if (!opened.ok) throw new Error(opened.error.message);
const store = opened.value;
// Pre-build the inputs: the router hands the recorder already-parsed objects.
const inputs = Array.from({ length: 1000 }, (_, i) => aircraftOsd(i));
const sns = ['1581F5BMD2323001', '1581F5BMD2323002', '1581F6Q8D2419003'];
const t0 = 1_700_000_000_000;

const started = performance.now();
for (let i = 0; i < count; i++) store.recorder.record(sns[i % sns.length]!, t0 + i, inputs[i % inputs.length]!);
store.recorder.flush();
const elapsed = (performance.now() - started) / 1000;
const st = store.recorder.stats();
const rows = (store.db.prepare('SELECT count(*) AS n FROM telemetry').get() as { n: number }).n;
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    messages: count,
    seconds: Number(elapsed.toFixed(3)),
    msgsPerSec: Math.round(count / elapsed),
    bytesPerMsg: JSON.stringify(inputs[0]).length,
    rows,
    batches: st.batches,
    lastFlushMs: Number((st.lastFlushMs ?? 0).toFixed(2)),
  }),
);
