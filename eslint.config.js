// Lint + the import rule that keeps each runtime in its lane:
// renderer → no Node/Electron; electron/core → no electron; shared → neither.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Bare builtin names go in `paths` (exact module names); a `patterns` entry like 'util' would also hit '../util/x'.
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'net', 'http', 'https', 'child_process', 'crypto', 'stream', 'url', 'util', 'events', 'tls', 'dgram', 'worker_threads', 'zlib', 'buffer', 'module'];
const NODE_MSG = 'No Node modules here: this code runs in the browser / is pure.';
const nodePaths = NODE_BUILTINS.map((name) => ({ name, message: NODE_MSG }));
const nodePatterns = [{ group: ['node:*'], message: NODE_MSG }];
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' };
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'aedes', 'mqtt', 'ws', 'tsx'];
const noNodePackages = NODE_ONLY_PACKAGES.map((n) => ({ group: [n, `${n}/*`], message: 'A Node-only package cannot be used here.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'shared/protocol/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: nodePaths, patterns: [...nodePatterns, noElectron, ...noNodePackages, { group: ['**/electron/**'], message: 'The renderer talks to the core only through shared/ipc.' }] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: nodePaths, patterns: [...nodePatterns, noElectron, ...noNodePackages, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is pure: it imports neither the core nor the renderer.' }] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, { group: ['**/renderer/**'], message: 'The core never imports the renderer.' }] }] },
  },
  {
    // ipcMain/ipcRenderer only in the thin transport files (GitHub Desktop's rule).
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Use the typed wrappers in electron/main/ipc.ts / electron/preload.' }] },
  },
);
