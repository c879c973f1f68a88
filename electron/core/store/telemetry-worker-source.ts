/**
 * The telemetry writer thread, as plain CommonJS run with `new Worker(src, { eval: true })`:
 * a string loads the same way under vitest, `node --import tsx` and the electron-vite bundle,
 * where a worker file path would differ per runner.
 *
 * Protocol (over workerData.port; every reply also bumps signal[0] and Atomics.notify()s it,
 * so the main thread can wait synchronously and then drain the port with receiveMessageOnPort):
 *   in  { type: 'batch', id, epoch, rows: [rowid, sn, t, lat, lon, height, data][] }
 *   out { type: 'ack', id, ok: true, written, ms } | { type: 'ack', id, ok: false, error, skipped }
 *   in  { type: 'close' }  →  out { type: 'closed' }
 * After a batch fails, later batches of the same epoch are skipped (not written) so rows are never
 * committed out of order; the main thread re-sends them under a new epoch. Row ids are assigned by
 * the main thread and inserted with ON CONFLICT DO NOTHING: re-sending a batch whose commit raced a
 * worker crash cannot duplicate it.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const { modulePath, file, nativeBinding, busyTimeoutMs, port, signal } = workerData;
const flag = new Int32Array(signal);
let db = null;
let write = null;
let openError = null;
try {
  const Database = require(modulePath);
  db = new Database(file, nativeBinding ? { nativeBinding } : {});
  // Same settings as db.ts openDatabase (page_size only matters for a new file, which this is not).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = ' + busyTimeoutMs);
  const insert = db.prepare(
    'INSERT INTO telemetry (id, sn, t, latitude, longitude, height, data) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  write = db.transaction((rows) => {
    let n = 0;
    for (const r of rows) n += insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6]).changes;
    return n;
  });
} catch (e) {
  openError = 'could not open ' + file + ' in the writer thread: ' + (e && e.message ? e.message : String(e));
}
function reply(m) {
  port.postMessage(m);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}
let skipEpoch = -1;
port.on('message', (m) => {
  if (m.type === 'close') {
    try { if (db) db.close(); } catch (e) { /* the main connection still closes the file */ }
    db = null;
    reply({ type: 'closed' });
    port.close();
    return;
  }
  if (m.type !== 'batch') return;
  if (m.epoch === skipEpoch) return reply({ type: 'ack', id: m.id, ok: false, error: 'skipped after a failed batch', skipped: true });
  if (openError !== null || db === null) {
    skipEpoch = m.epoch;
    return reply({ type: 'ack', id: m.id, ok: false, error: openError || 'writer closed', skipped: false });
  }
  const started = performance.now();
  try {
    const written = write(m.rows);
    reply({ type: 'ack', id: m.id, ok: true, written, ms: performance.now() - started });
  } catch (e) {
    skipEpoch = m.epoch;
    reply({ type: 'ack', id: m.id, ok: false, error: e && e.message ? e.message : String(e), skipped: false });
  }
});
`;
