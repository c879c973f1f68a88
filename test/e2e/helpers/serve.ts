/**
 * Runs serve mode (`electron/core/serve/cli.ts`) as a child process, as `npm run serve`
 * does, and resolves once it prints its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServeHandle {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly token: string;
  readonly mqttPort: number;
  readonly dataDir: string;
  readonly readyLine: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function startServe(opts: { simulate?: number; token?: string; args?: readonly string[]; dataDir?: string; rendererDir?: string } = {}): Promise<ServeHandle> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'outpost-serve-'));
  const token = opts.token ?? 'e2e-token-' + Math.random().toString(36).slice(2);
  const args = [
    '--import', 'tsx', join(ROOT, 'electron/core/serve/cli.ts'),
    '--data-dir', dataDir, '--http-port', '0', '--mqtt-port', '0', '--ws-port', '0', '--mqtt-host', '127.0.0.1',
    '--device-user', 'sim', '--device-pass', 'sim-pass', '--api-token', token,
    ...(opts.simulate ? ['--simulate', String(opts.simulate)] : []),
    ...(opts.rendererDir ? ['--renderer-dir', opts.rendererDir] : []),
    ...(opts.args ?? []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OUTPOST_LOG: process.env.OUTPOST_LOG ?? 'warn' } });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const readyLine = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`serve did not get ready in 60 s\n${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('Outpost ready'));
      if (line) {
        clearTimeout(timer);
        res(line);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve exited with ${code} before ready\n${err}`));
    });
  });
  const http = /open (http:\/\/[^/]+)\//.exec(readyLine);
  const mqtt = /mqtt:\/\/[^:]+:(\d+)/.exec(readyLine);
  if (!http || !mqtt) throw new Error(`cannot parse ready line: ${readyLine}`);
  return {
    url: http[1]!,
    token,
    mqttPort: Number(mqtt[1]),
    dataDir,
    readyLine,
    child,
    stderr: () => err,
    stop: (signal = 'SIGTERM') =>
      new Promise((res) => {
        if (child.exitCode !== null) return res(child.exitCode);
        child.once('exit', (code) => {
          if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
          res(code);
        });
        child.kill(signal);
      }),
  };
}
