/**
 * Child process for sigkill.test.ts: records OSD rows into a real SQLite file as
 * fast as it can and reports progress on stdout, until it is killed.
 *   `committed <n>` after every committed batch (n = rows durably in the DB)
 *   `recorded <n>`  after every chunk handed to the recorder
 * The writer runs on its worker thread (the default for a file); the acknowledged count trails what
 * was recorded by at most one batch (`maxPending` only bounds what is held while the DB fails).
 */
import { openStore } from '../../../electron/core/store/store';
import { aircraftOsd } from './osd-fixture';

const file = process.argv[2];
const batchSize = Number(process.argv[3] ?? 500);
const maxPending = Number(process.argv[4] ?? 4 * batchSize);
if (file === undefined) throw new Error('usage: sigkill-child.ts <db-file> [batchSize]');

const opened = openStore(file, {
  recorder: { batchSize, maxPending, onFlush: (s) => process.stdout.write(`committed ${s.rowsWritten}\n`) },
});
if (!opened.ok) {
  process.stderr.write(opened.error.message + '\n');
  process.exit(2);
}
const { recorder } = opened.value;
const inputs = Array.from({ length: 100 }, (_, i) => aircraftOsd(i));
const CHUNK = 1000;
let seq = 0;

// t is the sequence number, so the parent can check the rows have no holes.
function chunk(): void {
  for (let i = 0; i < CHUNK; i++, seq++) recorder.record('1581F5BMD2323001', seq, inputs[seq % inputs.length]!);
  process.stdout.write(`recorded ${seq}\n`);
  setImmediate(chunk);
}
chunk();
// Never outlive a test that forgot us.
setTimeout(() => process.exit(3), 60_000).unref();
setInterval(() => {}, 1_000);
