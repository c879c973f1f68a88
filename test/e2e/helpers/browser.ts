/** Headless Chromium (system binary, software GL) with a log of every request and every CSP violation. */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';

export const CHROMIUM = process.env.OUTPOST_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-gl=angle',
  '--use-angle=gl-egl',
  '--ignore-gpu-blocklist',
  // No GPU here: compositing through software GL costs about a core per 720p30 video (every frame uploaded and
  // drawn by the GL emulator); Chromium's CPU compositor shows the same frames for about a tenth of that.
  // WebGL (the globe) still runs on the software GL above.
  '--disable-gpu-compositing',
];

export interface Session {
  readonly browser: Browser;
  readonly page: Page;
  /** Every URL the page asked for (documents, scripts, workers, tiles, sockets). */
  readonly requests: string[];
  /** Uncaught page errors and CSP violations (`securitypolicyviolation` events). */
  readonly errors: string[];
}

export const openSession = async (): Promise<Session> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs()] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportCsp', (text: string) => errors.push(text));
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    g.document.addEventListener('securitypolicyviolation', (e) => g.__reportCsp(`csp: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  return { browser, page, requests, errors };
};

/** Only this machine: loopback HTTP/WS, data: and blob: URLs. */
export const isLocal = (url: string): boolean => /^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) || /^(data|blob):/.test(url);

/** OUTPOST_CHROMIUM_EXTRA: more Chromium switches, space-separated (for experiments with the GL set-up). */
const extraArgs = (): string[] => (process.env.OUTPOST_CHROMIUM_EXTRA ?? '').split(' ').filter(Boolean);
