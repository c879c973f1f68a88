/**
 * The DRC jitter anchor (child process): the engine's own fixed-rate timer in a bare Node process with nothing
 * else to do, at `hz` for `seconds`. Prints one JSON line: the p99 deviation of its periods, in ms — the floor
 * this machine's timers allow, against which the engine under load is compared.
 */
import { setFixedRate, systemClock } from '../electron/core/util/clock';

const hz = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 6);
const at: number[] = [];
const h = setFixedRate(systemClock, () => at.push(performance.now()), 1000 / hz);
setTimeout(() => {
  systemClock.clearInterval(h);
  const period = 1000 / hz;
  const dev = at.slice(1).map((t, i) => Math.abs(t - at[i]! - period)).sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ hz, ticks: at.length, p99: dev[Math.max(0, Math.ceil(dev.length * 0.99) - 1)] ?? NaN }) + '\n');
  process.exit(0);
}, seconds * 1000);
setInterval(() => {}, 1000); // the timer is unref'd, as in the engine
