/** The Electron window is locked down (with a stand-in electron module: no Electron binary here). */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; contents: FakeContents }[] = [];
class FakeContents {
  openHandler: (() => { action: string }) | null = null;
  readonly handlers = new Map<string, (e: { preventDefault(): void }) => void>();
  setWindowOpenHandler(h: () => { action: string }): void {
    this.openHandler = h;
  }
  on(event: string, h: (e: { preventDefault(): void }) => void): this {
    this.handlers.set(event, h);
    return this;
  }
}
const headerHooks: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)[] = [];
const permissionHooks: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void)[] = [];
const sendHooks: { filter: { urls: string[] }; h: (d: { requestHeaders: Record<string, string> }, cb: (r: { requestHeaders: Record<string, string> }) => void) => void }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: this.webContents });
    }
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (h: (typeof headerHooks)[number]) => headerHooks.push(h),
        onBeforeSendHeaders: (filter: { urls: string[] }, h: (typeof sendHooks)[number]['h']) => sendHooks.push({ filter, h }),
      },
      setPermissionRequestHandler: (h: (typeof permissionHooks)[number]) => permissionHooks.push(h),
    },
  },
}));

const { authorizeEngineRequests, createMainWindow, hardenSession, CSP } = await import('../../../electron/main/window');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('runs the renderer with contextIsolation, sandbox and no Node', () => {
    createMainWindow({ preloadDir: '/app/out/preload', rendererFile: '/app/out/renderer/index.html' });
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, preload: '/app/out/preload/index.cjs' });
  });

  it('denies new windows, navigation, redirects and webviews', () => {
    createMainWindow({ preloadDir: '/p', rendererFile: '/r/index.html' });
    const c = created[0]!.contents;
    expect(c.openHandler?.()).toEqual({ action: 'deny' });
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      c.handlers.get(ev)?.(e);
      expect(e.preventDefault, ev).toHaveBeenCalled();
    }
  });

  it('adds a strict CSP to every response and grants no permission but fullscreen', () => {
    hardenSession();
    let headers: Record<string, string[]> = {};
    headerHooks[0]!({ responseHeaders: { 'x-a': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).not.toMatch(/'unsafe-eval'/); // 'wasm-unsafe-eval' (Cesium's decoders) is not eval
    expect(CSP).toContain("object-src 'none'");
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'fullscreen']) permissionHooks[0]!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, true]);
  });

  it('gives the API token only to requests for the engine on loopback', () => {
    authorizeEngineRequests(8080, 'tok');
    const hook = sendHooks[0]!;
    expect(hook.filter.urls).toEqual(['http://127.0.0.1:8080/*']);
    let out: Record<string, string> = {};
    hook.h({ requestHeaders: { Accept: 'image/png' } }, (r) => (out = r.requestHeaders));
    expect(out).toEqual({ Accept: 'image/png', Authorization: 'Bearer tok' });
  });
});
