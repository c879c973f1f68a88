/** Runs a real Mosquitto broker for the remote-link tests (password auth, loopback only). */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO = '/usr/sbin/mosquitto';
const MOSQUITTO_PASSWD = '/usr/bin/mosquitto_passwd';

export interface Mosquitto {
  readonly port: number;
  /** SIGKILL, like a crash: the kernel drops every connection. Resolves on exit. */
  kill(): Promise<void>;
  /** Start again on the same port with the same config. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** Fails (never skips) with a clear message when Mosquitto is not installed. */
export function requireMosquitto(): void {
  if (!existsSync(MOSQUITTO) || !existsSync(MOSQUITTO_PASSWD)) {
    throw new Error(`Mosquitto is required for the remote-link tests: ${MOSQUITTO} or ${MOSQUITTO_PASSWD} missing (apt-get install -y mosquitto)`);
  }
}

export async function startMosquitto(port: number, users: Readonly<Record<string, string>>): Promise<Mosquitto> {
  requireMosquitto();
  const dir = mkdtempSync(join(tmpdir(), 'outpost-mosquitto-'));
  const passwd = join(dir, 'passwd');
  let first = true;
  for (const [user, pass] of Object.entries(users)) {
    execFileSync(MOSQUITTO_PASSWD, first ? ['-b', '-c', passwd, user, pass] : ['-b', passwd, user, pass], { stdio: 'pipe' });
    first = false;
  }
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwd}`,
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      // As root Mosquitto would switch to the `mosquitto` user, which cannot read our temp dir.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );

  let proc: ChildProcess | null = null;
  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const p = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
      proc = p;
      let log = '';
      const onExit = (code: number | null): void => reject(new Error(`mosquitto exited (${code}) before it was ready:\n${log}`));
      p.once('exit', onExit);
      p.once('error', reject);
      p.stderr!.setEncoding('utf8');
      p.stderr!.on('data', (chunk: string) => {
        log += chunk;
        // Mosquitto logs "mosquitto version X running" once its listeners are open.
        if (/mosquitto version \S+ running/.test(log)) {
          p.off('exit', onExit);
          log = '';
          resolve();
        }
      });
    });
  const kill = (): Promise<void> =>
    new Promise((resolve) => {
      const p = proc;
      proc = null;
      if (p === null || p.exitCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });

  await launch();
  return {
    port,
    kill,
    restart: launch,
    async dispose() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
