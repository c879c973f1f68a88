/**
 * The one app window, locked down: contextIsolation, sandbox, no nodeIntegration,
 * a strict CSP on every response, no navigation away, no new windows, no webviews.
 */
import { join } from 'node:path';
import { BrowserWindow, session, type WebContents } from 'electron';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http://127.0.0.1:*",
  "connect-src 'self' data: blob: http://127.0.0.1:* ws://127.0.0.1:*",
  "media-src 'self' blob: http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
].join('; ');

/** Session-wide: CSP header on every response, and only the fullscreen permission. */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'fullscreen'));
}

/**
 * The window is a file:// page with no session cookie: give its requests to the engine's own HTTP
 * server (map tiles, media thumbnails, downloads) the API token, and only those.
 */
export function authorizeEngineRequests(httpPort: number, token: string): void {
  session.defaultSession.webRequest.onBeforeSendHeaders({ urls: [`http://127.0.0.1:${httpPort}/*`] }, (details, cb) => {
    cb({ requestHeaders: { ...details.requestHeaders, Authorization: `Bearer ${token}` } });
  });
}

export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

export function createMainWindow(opts: { preloadDir: string; rendererUrl?: string; rendererFile: string }): BrowserWindow {
  const w = new BrowserWindow({
    width: 1600,
    height: 960,
    backgroundColor: '#0b0f14',
    title: 'Outpost',
    webPreferences: {
      preload: join(opts.preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  hardenContents(w.webContents);
  if (opts.rendererUrl) void w.loadURL(opts.rendererUrl);
  else void w.loadFile(opts.rendererFile);
  return w;
}
