/** Benchmark plumbing: child load generators, mosquitto, percentiles, CPU, and the report. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. "< 0.5", ">= 30000" */
  readonly goal: string | null;
  readonly anchor: number | null;
  readonly ratio: number | null;
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hrNow = (): number => performance.timeOrigin + performance.now();

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

export interface LoadResult {
  readonly sent: number;
  readonly seconds: number;
}

/**
 * Runs bench/loadgen.ts; `onReady` fires when its clients are connected and it starts sending. `background`
 * runs it at the lowest CPU priority (nice 19): the simulated devices stand for hardware elsewhere on the
 * network, and on 2 cores their CPU bursts would otherwise preempt the engine's timers for milliseconds.
 */
export function runLoad(args: string[], onReady: () => void, opts: { background?: boolean } = {}): Promise<LoadResult> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/loadgen.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    if (opts.background && child.pid !== undefined) setPriority(child.pid, 19);
    let buf = '';
    let result: LoadResult | null = null;
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const m = JSON.parse(line) as { phase: string; sent?: number; seconds?: number };
        if (m.phase === 'ready') onReady();
        if (m.phase === 'done') result = { sent: m.sent!, seconds: m.seconds! };
      }
    });
    child.on('exit', (code) => (code === 0 && result ? res(result) : rej(new Error(`loadgen exited ${code}`))));
  });
}

export interface Mosquitto {
  readonly port: number;
  readonly child: ChildProcess;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startMosquitto(): Promise<Mosquitto> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-mosq-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\nmax_connections -1\nset_tcp_nodelay true\nlog_dest none\n`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  await new Promise<void>((res, rej) => {
    const t = setTimeout(() => rej(new Error('mosquitto did not start (apt-get install mosquitto)')), 10_000);
    const probe = (): void => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), clearTimeout(t), res()));
      s.once('error', () => setTimeout(probe, 50));
    };
    child.once('error', (e) => (clearTimeout(t), rej(e)));
    probe();
  });
  return {
    port,
    child,
    cpuSeconds: () => procCpuSeconds(child.pid!),
    stop: () => new Promise((res) => (child.once('exit', () => res()), child.kill('SIGTERM'))),
  };
}

/** utime + stime of a process from /proc, in seconds. */
export function procCpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(parts[11]) + Number(parts[12])) / 100;
}

export function report(figures: readonly Figure[], json: boolean): void {
  if (json) {
    for (const f of figures) process.stdout.write(JSON.stringify(f) + '\n');
    return;
  }
  const rows = [['name', 'value', 'unit', 'goal', 'anchor', 'ratio'], ...figures.map((f) => [f.name, fmt(f.value), f.unit, f.goal ?? '', f.anchor === null ? '' : fmt(f.anchor), f.ratio === null ? '' : f.ratio.toFixed(2)])];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) process.stdout.write(r.map((c, i) => (i === 0 || i === 2 || i === 3 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ') + '\n');
}

const fmt = (v: number): string => (Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

export function figure(name: string, value: number, unit: string, goal: string | null, anchor: number | null = null): Figure {
  return { name, value: round(value), unit, goal, anchor: anchor === null ? null : round(anchor), ratio: anchor ? round(value / anchor, 3) : null };
}

const round = (v: number, d = 2): number => Math.round(v * 10 ** d) / 10 ** d;
