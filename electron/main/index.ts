/**
 * Electron shell: starts the same engine as serve mode inside the main process,
 * opens one locked-down window (contextIsolation, sandbox, no nodeIntegration,
 * strict CSP, no navigation, no new windows) and binds the IPC contract.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { startEngine, type Engine } from '../core/engine/engine';
import { createLogger } from '../core/util/log';
import { bindIpc } from './ipc';

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http://127.0.0.1:* http://localhost:*",
  "connect-src 'self' data: blob: http://127.0.0.1:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
].join('; ');

// better-sqlite3 for Electron's ABI is built separately (npm run rebuild:electron) so the Node build stays for tests.
const nativeSqlite = app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : join(__dirname, '../../.electron-native/better_sqlite3.node');
if (existsSync(nativeSqlite)) process.env.OUTPOST_SQLITE_BINDING = nativeSqlite;

let engine: Engine | null = null;
let win: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1600,
    height: 960,
    backgroundColor: '#0b0f14',
    title: 'Outpost',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-redirect', (e) => e.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void w.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void w.loadFile(join(__dirname, '../renderer/index.html'));
  return w;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'fullscreen'));
  const logger = createLogger();
  const started = await startEngine({ dataDir: app.getPath('userData'), rendererDir: null, logger });
  if (!started.ok) {
    dialog.showErrorBox('Outpost could not start', started.error.message);
    app.exit(1);
    return;
  }
  engine = started.value;
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
