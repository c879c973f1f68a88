/** `npm run bench [-- --json] [-- --only ingest]`: every figure with its goal and its ratio to the anchor measured in the same run. */
import { drcBench } from './drc';
import { ingestBench } from './ingest';
import { liveBench } from './live';
import { mediaBench } from './media';
import { missionsBench } from './missions';
import { payloadBench } from './payload';
import { report, type Figure } from './lib';

const json = process.argv.includes('--json');
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? process.argv[onlyIdx + 1] : undefined;

const suites: Record<string, () => Promise<Figure[]>> = { ingest: ingestBench, drc: drcBench, live: liveBench, missions: missionsBench, payload: payloadBench, media: mediaBench };

async function main(): Promise<void> {
  const figures: Figure[] = [];
  for (const [name, run] of Object.entries(suites)) {
    if (only && only !== name) continue;
    if (!json) process.stderr.write(`bench: ${name}…\n`);
    figures.push(...(await run()));
  }
  report(figures, json);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
