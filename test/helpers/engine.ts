/** Starts a real engine (embedded broker, SQLite file, HTTP) in a temp data dir for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type Engine, type EngineOptions } from '../../electron/core/engine/engine';
import { silentLogger } from '../../electron/core/util/log';

export const DEVICE_USER = 'dock-user';
export const DEVICE_PASS = 'dock-pass-123';
export const API_TOKEN = 'test-api-token-0123456789';

export interface TestEngine {
  readonly engine: Engine;
  readonly dataDir: string;
  readonly mqttUrl: string;
  readonly httpUrl: string;
  stop(): Promise<void>;
}

export async function startTestEngine(extra: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const dataDir = extra.dataDir ?? mkdtempSync(join(tmpdir(), 'outpost-test-'));
  const r = await startEngine({
    dataDir,
    host: '127.0.0.1',
    mqttHost: '127.0.0.1',
    apiToken: API_TOKEN,
    logger: silentLogger,
    ...extra,
    overrides: { httpPort: 0, broker: { mqttPort: 0, wsPort: 0 }, device: { username: DEVICE_USER, password: DEVICE_PASS }, ...(extra.overrides ?? {}) },
  });
  if (!r.ok) throw new Error(`engine did not start: ${r.error.message}`);
  const engine = r.value;
  const p = engine.ports();
  return {
    engine,
    dataDir,
    mqttUrl: `mqtt://127.0.0.1:${p.mqtt}`,
    httpUrl: `http://127.0.0.1:${p.http}`,
    stop: async () => {
      await engine.stop();
      if (!extra.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `pred` holds for a shadow patch batch (event-driven, no sleeps). */
export function waitForPatch(engine: Engine, pred: () => boolean, timeoutMs = 5000): Promise<void> {
  if (pred()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('shadow condition not reached in time'));
    }, timeoutMs);
    const off = engine.bus.on('shadow:patch', () => {
      if (pred()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}
