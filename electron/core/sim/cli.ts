/** `node --import tsx electron/core/sim/cli.ts --url mqtt://127.0.0.1:1883 --user U --pass P --count N …`: a simulated fleet. */
import { parseArgs } from 'node:util';
import { createLogger } from '../util/log';
import { startFleet } from './fleet';

const USAGE = `usage: sim --url mqtt://127.0.0.1:1883 [--user U] [--pass P] [--count N] [--kind dock2|dock3|rc-plus|rc-plus-2|mix]
           [--osd-hz F] [--binding-code C] [--org ID] [--sn-prefix P] [--lat L --lon L] [--hms-ms MS]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        user: { type: 'string' },
        pass: { type: 'string' },
        count: { type: 'string', default: '1' },
        kind: { type: 'string', default: 'mix' },
        'osd-hz': { type: 'string' },
        'binding-code': { type: 'string' },
        org: { type: 'string' },
        'sn-prefix': { type: 'string' },
        lat: { type: 'string' },
        lon: { type: 'string' },
        'hms-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const count = Number(values.count);
  const osdHz = values['osd-hz'] === undefined ? undefined : Number(values['osd-hz']);
  const bad = !values.url ? '--url is required' : !Number.isInteger(count) || count < 1 ? '--count must be a positive integer' : osdHz !== undefined && !(osdHz > 0 && osdHz <= 30) ? '--osd-hz must be in (0, 30]' : undefined;
  if (bad) {
    process.stderr.write(`sim: ${bad}\n${USAGE}\n`);
    return 2;
  }
  const logger = createLogger({ scope: 'sim' });
  const t0 = Date.now();
  const fleet = await startFleet({
    url: values.url!,
    username: values.user,
    password: values.pass,
    count,
    kind: values.kind,
    osdHz,
    bindingCode: values['binding-code'],
    organizationId: values.org,
    snPrefix: values['sn-prefix'],
    ...(values.lat && values.lon ? { center: { lat: Number(values.lat), lon: Number(values.lon) } } : {}),
    ...(values['hms-ms'] ? { device: { hmsIntervalMs: Number(values['hms-ms']) } } : {}),
    logger,
  });
  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (sig: string): void => {
      if (stopping) return;
      stopping = true;
      logger.info(`${sig}: stopping`, { stats: fleet.stats() });
      void fleet.stop().then(done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    fleet.ready().then(
      () => process.stdout.write(`sim: ${count} device(s) up (${values.kind}) on ${values.url} in ${Date.now() - t0} ms\n`),
      () => {}, // stopped before bring-up finished
    );
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`sim: fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
