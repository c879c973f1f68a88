#!/usr/bin/env node
// Build better-sqlite3 for Electron's ABI into .electron-native/ (the app loads it via
// OUTPOST_SQLITE_BINDING), leaving node_modules' Node build untouched for the tests.
// Needs Electron's headers, i.e. a machine that can reach Electron's download host.
import { cpSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.electron-native/build');
const electronVersion = require('electron/package.json').version;
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), join(work, 'node_modules/better-sqlite3'), { recursive: true });
const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true, projectRootPath: work });
copyFileSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(root, '.electron-native/better_sqlite3.node'));
console.log(`better-sqlite3 built for Electron ${electronVersion}: .electron-native/better_sqlite3.node`);
