/**
 * Electron shell: starts the same engine as serve mode inside the main process,
 * opens one locked-down window (contextIsolation, sandbox, no nodeIntegration,
 * strict CSP, no navigation, no new windows) and binds the IPC contract.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { startEngine, type Engine } from '../core/engine/engine';
import { createLogger } from '../core/util/log';
import { bindIpc } from './ipc';
import { authorizeEngineRequests, createMainWindow, hardenContents, hardenSession } from './window';

// better-sqlite3 for Electron's ABI is built separately (npm run rebuild:electron) so the Node build stays for tests.
const nativeSqlite = app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : join(__dirname, '../../.electron-native/better_sqlite3.node');
if (existsSync(nativeSqlite)) process.env.OUTPOST_SQLITE_BINDING = nativeSqlite;

let engine: Engine | null = null;
let win: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  return createMainWindow({
    preloadDir: join(__dirname, '../preload'),
    rendererFile: join(__dirname, '../renderer/index.html'),
    ...(process.env.ELECTRON_RENDERER_URL ? { rendererUrl: process.env.ELECTRON_RENDERER_URL } : {}),
  });
}

app.on('web-contents-created', (_e, contents) => hardenContents(contents));

void app.whenReady().then(async () => {
  hardenSession();
  const logger = createLogger();
  const started = await startEngine({ dataDir: app.getPath('userData'), rendererDir: null, logger });
  if (!started.ok) {
    dialog.showErrorBox('Outpost could not start', started.error.message);
    app.exit(1);
    return;
  }
  engine = started.value;
  authorizeEngineRequests(engine.ports().http, engine.token);
  bindIpc(engine, () => win);
  win = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !engine) return;
  e.preventDefault();
  quitting = true;
  void engine.stop().finally(() => app.quit());
});
