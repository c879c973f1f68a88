/** Opening the app in a test page, and the virtual gamepad the flight tests move. */
import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';
import type { ServeHandle } from './serve';

/** Loads the app with the engine's token and waits until its WebSocket to the engine is connected. */
export async function openApp(page: Page, serve: Pick<ServeHandle, 'url' | 'token'>): Promise<void> {
  await page.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
  await page.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
}

/** A standard-mapping gamepad inside the page: tests set `__pad` and navigator.getGamepads() returns it while connected. */
export interface VirtualPad {
  connected: boolean;
  axes: number[];
  buttons: { pressed: boolean; value: number }[];
}

export type PadGlobals = PageGlobals & { __pad: VirtualPad };

/** Installs the virtual gamepad before the app's scripts run (call before openApp). */
export async function installVirtualPad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as PadGlobals & { navigator: { getGamepads: () => unknown[] } };
    g.__pad = { connected: true, axes: [0, 0, 0, 0], buttons: Array.from({ length: 17 }, () => ({ pressed: false, value: 0 })) };
    const pad = g.__pad;
    g.navigator.getGamepads = () => [pad.connected ? { id: 'Virtual Pad (STANDARD GAMEPAD)', index: 0, connected: true, mapping: 'standard', timestamp: Date.now(), axes: [...pad.axes], buttons: pad.buttons.map((b) => ({ ...b, touched: b.pressed })) } : null];
  });
}
