#!/usr/bin/env node
// `npm start`: build and launch the Electron app. Where the Electron binary
// cannot be had (no download host, no display), say so in one line and point to serve mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

function fail(reason) {
  process.stderr.write(`Outpost: ${reason}, so the desktop app cannot start here — run it in your browser instead: npm run serve -- --simulate 3\n`);
  process.exit(1);
}

let bin = electronBinary();
if (!bin) {
  // Electron fetches its binary at first launch; try once, quietly, with a time limit.
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  bin = r.status === 0 ? electronBinary() : null;
  if (!bin) fail('the Electron binary could not be downloaded (its download host is unreachable)');
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) fail('there is no display (DISPLAY is not set)');

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 1));
