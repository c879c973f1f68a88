/**
 * The import rule keeps each runtime in its lane (ESLint, eslint.config.js): the renderer
 * cannot import Node or Electron, electron/core cannot import electron, shared/ imports neither.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('runtime import rules', () => {
  const cases: [string, string, boolean][] = [
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;", true],
    ['renderer/src/x.ts', "import fs from 'fs'; export const a = fs;", true],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", true],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3'; export const a = Database;", true],
    ['renderer/src/x.ts', "import { startEngine } from '../../electron/core/engine/engine'; export const a = startEngine;", true],
    ['renderer/src/x.ts', "import { ok } from '../../shared/util/result'; export const a = ok;", false],
    ['electron/core/x.ts', "import { app } from 'electron'; export const a = app;", true],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;", false],
    ['shared/x.ts', "import { createHash } from 'node:crypto'; export const a = createHash;", true],
    ['shared/x.ts', "import { BrowserWindow } from 'electron'; export const a = BrowserWindow;", true],
    ['shared/x.ts', "import { Shadow } from '../electron/core/shadow/shadow'; export const a = Shadow;", true],
    ['shared/x.ts', "import { ok } from './util/result'; export const a = ok;", false],
    ['electron/main/x.ts', "import { ipcMain } from 'electron'; export const a = ipcMain;", true],
  ];
  for (const [file, code, refused] of cases) {
    it(`${refused ? 'refuses' : 'allows'} in ${file}: ${code.split(';')[0]}`, async () => {
      const ids = await ruleIds(file, code);
      const hit = ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax');
      expect(hit).toBe(refused);
    });
  }
});
