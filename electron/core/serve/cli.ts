/**
 * `npm run serve`: the engine with no window. Prints ONE line when it listens,
 * serves the built renderer, optionally starts simulated docks, and stops
 * cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from '../engine/engine';
import { createLogger } from '../util/log';
import { startFleet } from '../sim/fleet';
import { parseServeArgs, USAGE } from './args';

async function main(): Promise<number> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`outpost: ${parsed.error.message}\n${USAGE}\n`);
    return 2;
  }
  const a = parsed.value;
  if (a.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const logger = createLogger();
  const rendererDir = resolve(a.rendererDir ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url)));
  const haveRenderer = existsSync(resolve(rendererDir, 'index.html'));
  if (!haveRenderer) logger.warn(`no built renderer in ${rendererDir}: the API runs, the UI does not (run "npm run build")`);

  const started = await startEngine({
    dataDir: resolve(a.dataDir),
    host: a.host,
    mqttHost: a.mqttHost,
    ...(a.apiToken ? { apiToken: a.apiToken } : {}),
    rendererDir: haveRenderer ? rendererDir : null,
    logger,
    overrides: {
      ...(a.httpPort !== undefined ? { httpPort: a.httpPort } : {}),
      broker: {
        ...(a.mqttPort !== undefined ? { mqttPort: a.mqttPort } : {}),
        ...(a.wsPort !== undefined ? { wsPort: a.wsPort } : {}),
        ...(a.broker ? { mode: a.broker } : {}),
        ...(a.remoteUrl ? { remoteUrl: a.remoteUrl } : {}),
      },
      device: {
        ...(a.deviceUser ? { username: a.deviceUser } : {}),
        ...(a.devicePass ? { password: a.devicePass } : {}),
      },
    },
  });
  if (!started.ok) {
    process.stderr.write(`outpost: ${started.error.message}\n`);
    return 1;
  }
  const engine = started.value;
  const ports = engine.ports();

  let fleet: Awaited<ReturnType<typeof startFleet>> | null = null;
  if (a.simulate > 0) {
    if (ports.mqtt === null) {
      logger.warn('--simulate needs the embedded broker; no simulated docks started');
    } else {
      const dev = engine.settings().device;
      fleet = await startFleet({
        url: `mqtt://127.0.0.1:${ports.mqtt}`,
        username: dev.username,
        password: dev.password,
        count: a.simulate,
        // "docks" (default): Dock 2 and Dock 3 in turn; "mix" adds RC Plus + M30T; or one kind.
        ...(a.simulateKind === 'docks' ? { kinds: ['dock2', 'dock3'] as const } : { kind: a.simulateKind }),
        bindingCode: engine.bindingCode,
        organizationId: engine.organizationId,
        ...(a.simulateOsdHz !== undefined ? { osdHz: a.simulateOsdHz } : {}),
        logger: logger.child('sim'),
      });
      // A newcomer should see aircraft flying at once, not after each dock's ground time.
      const f = fleet;
      void f.ready().then(
        () => f.devices.forEach((d) => d.launch()),
        (e: unknown) => logger.warn('simulated fleet did not finish bring-up', { error: String(e) }),
      );
    }
  }

  const shownHost = a.host === '0.0.0.0' ? '127.0.0.1' : a.host;
  const url = `http://${shownHost}:${ports.http}/?token=${encodeURIComponent(engine.token)}`;
  const mqtt = ports.mqtt === null ? `remote broker ${engine.settings().broker.remoteUrl}` : `mqtt://${a.mqttHost}:${ports.mqtt}${ports.ws ? ` ws://${a.mqttHost}:${ports.ws}/mqtt` : ''}`;
  process.stdout.write(
    `Outpost ready: open ${url} | API ${`http://${shownHost}:${ports.http}/api/v1/devices`} (Bearer ${engine.token}) | devices: ${mqtt} user "${engine.settings().device.username}" | binding code ${engine.bindingCode}${a.simulate ? ` | simulating ${a.simulate}` : ''}\n`,
  );

  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (sig: string): void => {
      if (stopping) return;
      stopping = true;
      logger.info(`${sig}: stopping`);
      void (async () => {
        await fleet?.stop();
        await engine.stop();
        done();
      })();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`outpost: fatal: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
