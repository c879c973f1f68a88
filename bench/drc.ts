/**
 * DRC under load: while 1,000 simulated docks stream telemetry (bench/loadgen.ts), one simulated
 * dock is flown through the real engine. Measured on the broker (a subscriber on drc/down):
 * a stick sample sent as the renderer sends it (a `drc:sticks` frame on the authenticated IPC WebSocket,
 * the moment it is sampled) → its stick_control; stick period jitter at 10 and 30 Hz; emergency stop → drc/down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { createDrcFeature } from '../electron/core/drc/feature';
import { startEngine, type Engine } from '../electron/core/engine/engine';
import { startFleet } from '../electron/core/sim';
import { createDrcSimExtension } from '../electron/core/sim/extensions/drc';
import { silentLogger } from '../electron/core/util/log';
import { NEUTRAL, STICK_CENTER, STICK_SPAN } from '../shared/control/sticks';
import { spawn } from 'node:child_process';
import { figure, freePort, hrNow, percentile, ROOT, runLoad, type Figure } from './lib';

const DOCKS = Number(process.env.BENCH_DOCKS ?? 1000);
const USER = 'bench';
const PASS = 'bench-pass';

interface Seen {
  readonly method: string;
  readonly roll: number;
  readonly at: number;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** hrNow() of every stick_control the core published (engine side, before the broker). */
const emitted: number[] = [];

export async function drcBench(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-drc-'));
  const port = await freePort();
  const r = await startEngine({
    dataDir,
    host: '127.0.0.1',
    mqttHost: '127.0.0.1',
    logger: silentLogger,
    apiToken: 'bench-token-000000',
    // Tap the core's own publishes: the stream's period as the core hands it to the broker.
    features: [
      (ctx) => {
        const tapped = Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as typeof ctx, ctx, {
          publish: (topic: string, payload: string, qos?: 0 | 1) => {
            if (topic.endsWith('/drc/down') && payload.includes('"stick_control"')) emitted.push(hrNow());
            return ctx.publish(topic, payload, qos);
          },
        });
        return createDrcFeature()(tapped);
      },
    ],
    overrides: { httpPort: 0, broker: { mqttPort: port, wsPort: 0 }, device: { username: USER, password: PASS } },
  });
  if (!r.ok) throw new Error(r.error.message);
  const engine = r.value;
  const url = `mqtt://127.0.0.1:${port}`;
  const fleet = await startFleet({ url, username: USER, password: PASS, count: 1, kinds: ['dock2'], snPrefix: 'DRCB', osdHz: 1, logger: silentLogger, device: { autoFly: false, extensions: [createDrcSimExtension()] } });
  await fleet.ready();
  const gw = fleet.devices[0]!.gatewaySn;
  // The observer: a device-credential client bound to this gateway, subscribed to its drc/down.
  const seen: Seen[] = [];
  const listeners = new Set<(s: Seen) => void>();
  const observer = await mqtt.connectAsync(url, { clientId: 'drc-bench-observer', username: USER, password: PASS, reconnectPeriod: 0 });
  (observer.stream as unknown as { setNoDelay?: (b: boolean) => void }).setNoDelay?.(true);
  observer.on('message', (_t, payload) => {
    const at = hrNow();
    const m = JSON.parse(payload.toString()) as { method: string; data: { roll?: number } };
    const s = { method: m.method, roll: m.data?.roll ?? 0, at };
    seen.push(s);
    for (const l of listeners) l(s);
  });
  await observer.subscribeAsync(`thing/product/${gw}/drc/down`, { qos: 0 });
  const next = (pred: (s: Seen) => boolean): Promise<Seen> =>
    new Promise((res) => {
      const l = (s: Seen): void => {
        if (!pred(s)) return;
        listeners.delete(l);
        res(s);
      };
      listeners.add(l);
    });

  const figures: Figure[] = [];
  // The simulated docks run at low CPU priority: they stand for hardware on the network, not for laptop work.
  const load = runLoad(['--url', url, '--user', USER, '--pass', PASS, '--docks', String(DOCKS), '--hz', '1', '--seconds', '45'], () => {}, { background: true });
  await pause(5_000); // let the 1,000 docks connect and stream
  try {
    figures.push(...(await inputAndEstop(engine, gw, next, await ipcSocket(engine))));
    for (const hz of [10, 30]) figures.push(...(await jitter(engine, gw, hz, seen)));
  } finally {
    await load.catch(() => undefined);
  }
  try {
    // After the load: the same timer in a bare process on the now quiet machine (see bench/timer-anchor.ts).
    for (const hz of [10, 30]) {
      const f = figures.find((x) => x.name === `drc.stick_jitter_${hz}hz_p99_ms`)!;
      figures[figures.indexOf(f)] = figure(f.name, f.value, f.unit, f.goal, await timerAnchor(hz));
    }
  } finally {
    await observer.endAsync(true);
    await fleet.stop();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/** p99 period deviation of the fixed-rate timer alone in a bare Node process (the machine's floor). */
function timerAnchor(hz: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}/bench/timer-anchor.ts`, String(hz), '6'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out) as { p99: number }).p99) : reject(new Error(`timer anchor exited ${code}`))));
  });
}

async function enter(engine: Engine, gateway: string, stickHz: number): Promise<string> {
  const r = await engine.invoke['drc:enter']({ gateway, stickHz, takeover: true });
  if (!r.ok || r.value.phase !== 'active') throw new Error(`drc:enter failed: ${r.ok ? r.value.end?.message : r.error.message}`);
  return r.value.id;
}

/** The renderer's transport in serve mode: the engine's /ipc WebSocket, authenticated with the API token. */
async function ipcSocket(engine: Engine): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${engine.status().httpPort}/ipc`, { headers: { authorization: 'Bearer bench-token-000000' } });
  await new Promise<void>((res, rej) => (ws.once('open', () => res()), ws.once('error', rej)));
  (ws as unknown as { _socket?: { setNoDelay?: (b: boolean) => void } })._socket?.setNoDelay?.(true);
  return ws;
}

async function inputAndEstop(engine: Engine, gw: string, next: (pred: (s: Seen) => boolean) => Promise<Seen>, ws: WebSocket): Promise<Figure[]> {
  const id = await enter(engine, gw, 10);
  const latencies: number[] = [];
  for (let i = 0; i < 100; i++) {
    const roll = ((i % 2 === 0 ? 1 : -1) * (100 + (i % 50) * 10)) / STICK_SPAN; // a value the stream has not just carried
    const wire = Math.round(STICK_CENTER + roll * STICK_SPAN);
    const got = next((s) => s.method === 'stick_control' && s.roll === wire);
    const at = hrNow();
    ws.send(JSON.stringify({ t: 'send', channel: 'drc:sticks', msg: { gateway: gw, sessionId: id, sticks: { ...NEUTRAL, roll }, sampledAt: Date.now() } }));
    latencies.push((await got).at - at);
    await pause(Math.random() * 100); // land anywhere in the tick cycle
  }
  const estops: number[] = [];
  for (let i = 0; i < 30; i++) {
    const got = next((s) => s.method === 'drone_emergency_stop');
    const at = hrNow();
    await engine.invoke['drc:emergencyStop']({ gateway: gw });
    estops.push((await got).at - at);
    engine.sends['drc:sticks']({ gateway: gw, sessionId: id, sticks: NEUTRAL, sampledAt: Date.now() }); // re-arm
    await pause(20 + Math.random() * 80);
  }
  await engine.invoke['drc:exit']({ gateway: gw });
  ws.close();
  return [
    figure('drc.input_latency_p50_ms', percentile(latencies, 50), 'ms', null),
    figure('drc.input_latency_p99_ms', percentile(latencies, 99), 'ms', '< 105 (5 ms + one 10 Hz tick)'),
    figure('drc.estop_latency_p50_ms', percentile(estops, 50), 'ms', null),
    figure('drc.estop_latency_p99_ms', percentile(estops, 99), 'ms', '< 100 (under one tick)'),
  ];
}

/**
 * Period jitter of the stick stream: as the core emits it (its fixed-rate timer, the goal), and as a
 * subscriber on the broker receives it (adds broker delivery and the observer's own event loop).
 */
async function jitter(engine: Engine, gw: string, hz: number, seen: Seen[]): Promise<Figure[]> {
  await enter(engine, gw, hz);
  await pause(500);
  const from = seen.length;
  const fromEmitted = emitted.length;
  await pause(6_000);
  const at = seen.slice(from).filter((s) => s.method === 'stick_control').map((s) => s.at);
  const out = emitted.slice(fromEmitted);
  await engine.invoke['drc:exit']({ gateway: gw });
  const period = 1000 / hz;
  const dev = (xs: number[]): number[] => xs.slice(1).map((t, i) => Math.abs(t - xs[i]! - period));
  return [
    figure(`drc.stick_jitter_${hz}hz_p99_ms`, percentile(dev(out), 99), 'ms', '< 2'),
    figure(`drc.stick_jitter_${hz}hz_delivered_p99_ms`, percentile(dev(at), 99), 'ms', null),
  ];
}
