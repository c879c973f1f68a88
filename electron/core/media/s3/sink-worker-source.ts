/**
 * A storage writer thread, as plain CommonJS run with `new Worker(src, { eval: true })` (same reason as the
 * telemetry writer: one string loads alike under vitest, tsx and the electron-vite bundle). It takes upload
 * bodies off the engine's event loop: hashes them (MD5 for the ETag, SHA-256 when the client signed the
 * payload), writes them at their position and fsyncs them. MD5 runs at ~600 MB/s on one core: on the event
 * loop it capped uploads at ~250 MB/s and ran in between everything else the engine does.
 *
 * The kernel copies each batch into the page cache on a libuv pool thread while this thread hashes it, so a
 * write stalled by the kernel's dirty-page throttling does not stop the hashing of other uploads.
 * Chunks arrive transferred (not copied) and go back with their ack: the event loop collects garbage often,
 * this thread hardly allocates and would hold dead buffers for a long time (RSS grew by ~190 MB per GiB).
 * Every EARLY_FLUSH bytes a stream starts an fdatasync in the background, so the fsync that must finish
 * before the client hears 200 has little left to write (it took a quarter of each upload's time).
 *
 * Protocol (streams are numbered by the main thread; several share one thread):
 *   in  { op: 'open', id, file, start: number|null, md5, sha256, failAfter: number|null }
 *         start null: a new file (O_EXCL); else an existing file written from byte `start`.
 *         failAfter: test seam, a disk that is full after that many bytes of this stream.
 *   in  { op: 'data', id, bufs: Uint8Array[] }   →  out { op: 'ack', id, bytes, bufs }  (both transferred)
 *   in  { op: 'end', id }    →  fsync, close  →  out { op: 'done', id, size, md5, sha256 }
 *   in  { op: 'abort', id }  →  close         →  out { op: 'aborted', id }
 *   out { op: 'error', id, code, message }: the stream failed and is closed; later messages for it are ignored.
 */
export const SINK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const EARLY_FLUSH = 4 * 1024 * 1024;
const streams = new Map();

/** Runs fn once none of s's writes or background flush is in flight (closing the fd under one could hit a reused fd). */
function whenIdle(s, fn) {
  if (s.flushing || s.writing > 0) s.waiters.push(fn);
  else fn();
}

function idle(s) {
  if (s.flushing || s.writing > 0) return;
  for (const fn of s.waiters.splice(0)) fn();
}

function fail(id, s, e) {
  streams.delete(id);
  const reply = () => parentPort.postMessage({ op: 'error', id, code: (e && e.code) || 'EIO', message: String((e && e.message) || e) });
  if (s) whenIdle(s, () => fs.close(s.fd, reply));
  else reply();
}

function open(m) {
  let fd;
  try {
    fd = fs.openSync(m.file, m.start === null ? 'wx' : 'r+');
  } catch (e) {
    return fail(m.id, null, e);
  }
  streams.set(m.id, {
    fd,
    pos: m.start === null ? 0 : m.start,
    size: 0,
    md5: m.md5 ? createHash('md5') : null,
    sha: m.sha256 ? createHash('sha256') : null,
    failAfter: m.failAfter,
    flushedAt: 0,
    flushing: false,
    flushError: null,
    writing: 0,
    failed: false,
    waiters: [],
  });
}

function data(m) {
  const s = streams.get(m.id);
  const bufs = m.bufs;
  let bytes = 0;
  for (const b of bufs) bytes += b.byteLength;
  const ack = () => parentPort.postMessage({ op: 'ack', id: m.id, bytes, bufs }, bufs.map((b) => b.buffer));
  if (!s) return ack();
  if (s.failAfter !== null && s.size + bytes > s.failAfter) {
    fail(m.id, s, Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    return ack();
  }
  // The kernel copies these bytes into the page cache on a pool thread while this one hashes them.
  const pos = s.pos;
  s.pos += bytes;
  s.size += bytes;
  s.writing++;
  writeAll(s.fd, bufs, pos, bytes, (e) => {
    s.writing--;
    if (e && streams.get(m.id) === s) fail(m.id, s, e);
    ack();
    if (streams.get(m.id) === s && s.size - s.flushedAt >= EARLY_FLUSH && !s.flushing) flushEarly(s);
    idle(s);
  });
  for (const b of bufs) {
    if (s.md5) s.md5.update(b);
    if (s.sha) s.sha.update(b);
  }
}

function writeAll(fd, bufs, pos, left, cb) {
  fs.writev(fd, bufs, pos, (e, n) => {
    if (e) return cb(e);
    if (n >= left) return cb(null);
    writeAll(fd, after(bufs, n), pos + n, left - n, cb);
  });
}

function flushEarly(s) {
  s.flushing = true;
  s.flushedAt = s.size;
  fs.fdatasync(s.fd, (e) => {
    // Linux reports a writeback error to one fsync only: keep it for the final one.
    if (e && !s.flushError) s.flushError = e;
    s.flushing = false;
    idle(s);
  });
}

/** What is left of bufs after a short write of n bytes. */
function after(bufs, n) {
  const out = [];
  for (const b of bufs) {
    if (n >= b.byteLength) { n -= b.byteLength; continue; }
    out.push(n > 0 ? b.subarray(n) : b);
    n = 0;
  }
  return out;
}

function end(m) {
  const s = streams.get(m.id);
  if (!s) return;
  whenIdle(s, () => {
    if (streams.get(m.id) !== s) return; // a write failed meanwhile: fail() closes and answers
    fsyncAndClose(m.id, s);
  });
}

function fsyncAndClose(id, s) {
  fs.fsync(s.fd, (e) => {
    if (e || s.flushError) return fail(id, s, e || s.flushError);
    streams.delete(id);
    fs.close(s.fd, (e2) => {
      if (e2) return parentPort.postMessage({ op: 'error', id, code: e2.code || 'EIO', message: e2.message });
      parentPort.postMessage({
        op: 'done',
        id,
        size: s.size,
        md5: s.md5 ? s.md5.digest('hex') : null,
        sha256: s.sha ? s.sha.digest('hex') : null,
      });
    });
  });
}

function abort(m) {
  const s = streams.get(m.id);
  streams.delete(m.id);
  const reply = () => parentPort.postMessage({ op: 'aborted', id: m.id });
  if (s) whenIdle(s, () => fs.close(s.fd, reply));
  else reply();
}

parentPort.on('message', (m) => {
  if (m.op === 'open') open(m);
  else if (m.op === 'data') data(m);
  else if (m.op === 'end') end(m);
  else if (m.op === 'abort') abort(m);
});
`;
