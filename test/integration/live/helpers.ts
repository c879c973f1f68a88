/** Shared set-up for the live integration tests: a real engine, a simulated Dock 2 pushing small real video. */
import { spawn } from 'node:child_process';
import type { LiveWall } from '../../../shared/ipc/live';
import { startFleet, type Fleet } from '../../../electron/core/sim';
import type { SimExtensionFactory } from '../../../electron/core/sim/extension';
import { createLiveSimExtension } from '../../../electron/core/sim/extensions/live';
import type { SimLive } from '../../../electron/core/sim/live/service';
import type { Engine } from '../../../electron/core/engine/engine';
import { DEVICE_PASS, DEVICE_USER, startTestEngine, type TestEngine } from '../../helpers/engine';

export interface LiveRig {
  readonly t: TestEngine;
  readonly fleet: Fleet;
  readonly sims: SimLive[];
  stop(): Promise<void>;
}

/** `osdHz` (default the simulator's 0.5 Hz) and `extensions` (besides live video) for tests that fly. */
export async function startLiveRig(count = 1, o: { readonly osdHz?: number; readonly extensions?: readonly SimExtensionFactory[] } = {}): Promise<LiveRig> {
  const t = await startTestEngine();
  const set = await t.engine.invoke['live:setSettings']({ rtmpPort: 0 });
  if (!set.ok) throw new Error(set.error.message);
  const sims: SimLive[] = [];
  const fleet = await startFleet({
    url: t.mqttUrl,
    username: DEVICE_USER,
    password: DEVICE_PASS,
    count,
    kinds: ['dock2'],
    ...(o.osdHz ? { osdHz: o.osdHz } : {}),
    bindingCode: t.engine.bindingCode,
    organizationId: t.engine.organizationId,
    device: { autoFly: false, extensions: [createLiveSimExtension({ width: 320, height: 180, fps: 15, restartDelayMs: 300 }, (l) => sims.push(l)), ...(o.extensions ?? [])] },
  });
  await fleet.ready();
  return {
    t,
    fleet,
    sims,
    stop: async () => {
      await fleet.stop();
      await t.stop();
    },
  };
}

/** Resolves with the first `live:wall` (or the current one) that satisfies `pred`. */
export function waitWall(engine: Engine, pred: (w: LiveWall) => boolean, timeoutMs = 15_000): Promise<LiveWall> {
  return new Promise((resolve, reject) => {
    const check = (w: LiveWall): boolean => {
      if (!pred(w)) return false;
      clearTimeout(timer);
      off();
      resolve(w);
      return true;
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`live wall condition not reached in ${timeoutMs} ms: ${JSON.stringify(engine.invoke['live:wall'](undefined))}`));
    }, timeoutMs);
    const off = engine.bus.on('live:wall', (w) => void check(w));
    void Promise.resolve(engine.invoke['live:wall'](undefined)).then((w) => check(w));
  });
}

/** Runs ffmpeg publishing a short test stream to `url`; resolves with its exit code. */
export function publish(url: string, seconds = 2): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc2=s=160x90:r=10', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'flv', url], { stdio: 'ignore' });
    p.on('close', (code) => resolve(code));
  });
}
