/**
 * The gamepad's action buttons end to end: serve mode + a simulated Dock 2 and RC Plus 2 (DRC flight and payload answers, in this
 * process so the test sees every `services` call the device receives), the built renderer in Chromium with a
 * VIRTUAL standard gamepad. Speed mode scales the sticks on the wire; the shutter, record, zoom and gimbal buttons
 * reach the device as payload commands and the shadow it reports follows; a keyboard tap on H never returns home,
 * a one-second hold of the RTH button does, and the aircraft turns home. On an RC Plus 2 (Pilot 2) the same button
 * goes out in its drc_camera_* form on the DRC link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../electron/core/sim';
import { drcSim, type DrcSimEvent, type DrcSimHandle } from '../../electron/core/sim/drc/control';
import type { SimExtensionFactory } from '../../electron/core/sim/extension';
import { createDrcSimExtension } from '../../electron/core/sim/extensions/drc';
import { payloadSimExtension } from '../../electron/core/sim/extensions/payload';
import { openSession, type Session } from './helpers/browser';
import { installVirtualPad, openApp, type PadGlobals } from './helpers/app';
import { startServe, type ServeHandle } from './helpers/serve';

interface PayloadHook {
  selection(): { sn: string; payloadIndex: string; osd: { camera: Record<string, unknown>; gimbal: Record<string, unknown> } } | null;
}
type PadPage = PadGlobals & {
  readonly __outpostPayload?: PayloadHook;
  readonly localStorage: { getItem(k: string): string | null; readonly length: number; key(i: number): string | null };
};

/** What the simulated device received on `services` (a pass-through extension ahead of the real ones). */
interface Heard {
  readonly gateway: string;
  readonly method: string;
  /** `data` exactly as received (return_home's is null). */
  readonly data: unknown;
}
const heard: Heard[] = [];
const hearListeners = new Set<() => void>();
const recorder: SimExtensionFactory = (api) => ({
  service(method, data) {
    heard.push({ gateway: api.gatewaySn, method, data });
    for (const l of [...hearListeners]) l();
    return null;
  },
});

let serve: ServeHandle;
let s: Session;
let fleet: Fleet;
let rcFleet: Fleet;

const dock = () => fleet.devices[0]!;
const sim = (): DrcSimHandle => drcSim(dock().gatewaySn)!;
const IDX = '81-0-0'; // the M3TD's main camera on a Dock 2

/** Resolves with the first `services` call from index `from` on that matches (event-driven). */
const hear = (pred: (h: Heard) => boolean, from: number, ms = 10_000): Promise<Heard> =>
  new Promise((resolve, reject) => {
    const check = (): boolean => {
      const h = heard.slice(from).find(pred);
      if (!h) return false;
      clearTimeout(timer);
      hearListeners.delete(listener);
      resolve(h);
      return true;
    };
    const listener = (): void => void check();
    const timer = setTimeout(() => {
      hearListeners.delete(listener);
      reject(new Error(`services: not heard in ${ms} ms; heard ${heard.slice(from).map((h) => h.method).join(', ') || 'nothing'}`));
    }, ms);
    hearListeners.add(listener);
    check();
  });
const methodsFrom = (from: number): string[] => heard.slice(from).map((h) => h.method);
const pitchOf = (h: Heard): unknown => (h.data as { pitch_speed?: unknown } | null)?.pitch_speed;

/** The next drc/down message the simulated device receives that matches (its traffic is the clock here). */
const nextDown = (pred: (e: DrcSimEvent) => boolean, ms = 10_000, h: DrcSimHandle = sim()): Promise<DrcSimEvent> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => (h.listeners.delete(l), reject(new Error(`drc/down: not seen in ${ms} ms`))), ms);
    const l = (e: DrcSimEvent): void => {
      if (!pred(e)) return;
      clearTimeout(timer);
      h.listeners.delete(l);
      resolve(e);
    };
    h.listeners.add(l);
  });
const stick = (e: DrcSimEvent) => e.data as { roll: number; pitch: number; throttle: number; yaw: number };

const page = () => s.page;
const setAxes = (axes: number[]) => page().evaluate((a) => void ((globalThis as unknown as PadPage).__pad.axes = a), axes);
const setButton = (i: number, pressed: boolean) =>
  page().evaluate(([i, p]) => void ((globalThis as unknown as PadPage).__pad.buttons[i as number] = { pressed: p as boolean, value: p ? 1 : 0 }), [i, pressed] as const);
/** Press / release a button and wait until the input loop has sampled it (it lists held buttons on the input line). */
const press = async (i: number) => {
  await setButton(i, true);
  await page().waitForSelector(`[data-testid="drc-input"][data-buttons~="${i}"]`);
};
const release = async (i: number) => {
  await setButton(i, false);
  await page().waitForFunction((i) => !(globalThis as unknown as PadPage).document.querySelector(`[data-testid="drc-input"][data-buttons~="${i}"]`), i);
};
const tap = async (i: number) => {
  await press(i);
  await release(i);
};
const textOf = (sel: string) => page().evaluate((q) => (globalThis as unknown as PadPage).document.querySelector(q)?.innerHTML ?? '', sel);
const waitText = (sel: string, needle: string) =>
  page().waitForFunction(([q, t]) => ((globalThis as unknown as PadPage).document.querySelector(q!)?.innerHTML ?? '').includes(t!), [sel, needle] as const);
/** Waits until the payload state the page got from the shadow satisfies `pred` (camera = the cameras[] entry). */
const waitCamera = (field: string, value: unknown) =>
  page().waitForFunction(
    ([f, v]) => (globalThis as unknown as PadPage).__outpostPayload?.selection()?.osd.camera[f as string] === v,
    [field, value] as const,
    { timeout: 15_000 },
  );

// W3C standard mapping, as the default profile binds them (shared/control/profile.ts).
const A = 0; // take photo
const X = 2; // record
const Y = 3; // return home (hold)
const LB = 4; // zoom out
const RB = 5; // zoom in
const START = 9; // speed mode
const DPAD_UP = 12; // gimbal up

beforeAll(async () => {
  serve = await startServe();
  fleet = await startFleet({
    url: `mqtt://127.0.0.1:${serve.mqttPort}`,
    username: 'sim',
    password: 'sim-pass',
    osdHz: 2,
    count: 1,
    kinds: ['dock2'],
    center: { lat: 47.4, lon: 8.5 },
    device: { autoFly: false, extensions: [recorder, createDrcSimExtension(), payloadSimExtension] },
  });
  // Pilot 2 on an RC Plus 2 + Matrice 4T: payload commands go as drc_* on its DRC link (dji-rc-plus-2 remote-control.md).
  rcFleet = await startFleet({
    url: `mqtt://127.0.0.1:${serve.mqttPort}`,
    username: 'sim',
    password: 'sim-pass',
    osdHz: 2,
    count: 1,
    kinds: ['rc-plus-2'],
    snPrefix: 'RCP2',
    spacingM: 500,
    center: { lat: 47.4, lon: 8.5 },
    device: { autoFly: false, extensions: [recorder, createDrcSimExtension(), payloadSimExtension] },
  });
  await Promise.all([fleet.ready(), rcFleet.ready()]);
  s = await openSession();
  await installVirtualPad(s.page);
  await openApp(s.page, serve);
  await s.page.locator(`[data-testid="fleet-row-${dock().gatewaySn}"]`).waitFor({ timeout: 30_000 });
  await s.page.click(`[data-testid="fleet-row-${dock().gatewaySn}"]`);
  await s.page.locator('[data-testid="drc-panel"]').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.browser.close();
  await Promise.all([fleet?.stop(), rcFleet?.stop()]);
  await serve?.stop();
});

describe('gamepad action buttons in DRC (serve mode, simulated Dock 2 and RC Plus 2)', () => {
  it('outside DRC the action buttons say why they do nothing; the key help lists keys and bound buttons', async () => {
    const from = heard.length;
    await setButton(A, true);
    await waitText('[data-testid="drc-action"]', 'enter DRC first');
    await setButton(A, false);
    expect(methodsFrom(from)).toEqual([]);
    const keys = await textOf('[data-testid="drc-keys-keyboard"]');
    expect(keys).toContain('hold H');
    expect(keys).toContain('return home');
    const pad = await textOf('[data-testid="drc-keys-gamepad"]');
    expect(pad).toContain('hold Y');
    expect(pad).toContain('take photo');
  });

  it('enters DRC and takes off with the left stick', async () => {
    await s.page.click('[data-testid="drc-enter"]');
    await waitText('[data-testid="drc-phase"]', 'DRC active');
    await setAxes([0, -1, 0, 0]); // Mode 2: left stick up = climb
    try {
      await nextDown((e) => e.method === 'stick_control' && dock().snapshot().elevation > 5, 60_000);
    } finally {
      await setAxes([0, 0, 0, 0]);
    }
    await nextDown((e) => e.method === 'stick_control' && stick(e).throttle === 1024, 30_000);
    expect(dock().snapshot()).toMatchObject({ phase: 'manual', airborne: true });
  }, 120_000);

  it('speed mode (Start) scales the sticks on the wire, shows in the HUD, and is saved on its own', async () => {
    const keysBefore = await page().evaluate(() => {
      const ls = (globalThis as unknown as PadPage).localStorage;
      return Array.from({ length: ls.length }, (_, i) => ls.key(i));
    });
    await tap(START);
    await waitText('[data-testid="drc-hud-speed"]', 'Slow 50%');
    await setAxes([0, 0, 0, -1]); // right stick fully up: full forward in Normal
    expect(stick(await nextDown((e) => e.method === 'stick_control' && stick(e).pitch !== 1024, 30_000)).pitch).toBe(1354);
    await tap(START);
    await waitText('[data-testid="drc-hud-speed"]', 'Precision 25%');
    await nextDown((e) => e.method === 'stick_control' && stick(e).pitch === 1189, 30_000);
    await tap(START);
    await waitText('[data-testid="drc-hud-speed"]', 'Normal 100%');
    await nextDown((e) => e.method === 'stick_control' && stick(e).pitch === 1684, 30_000);
    await setAxes([0, 0, 0, 0]);
    await nextDown((e) => e.method === 'stick_control' && stick(e).pitch === 1024, 30_000);
    const stored = await page().evaluate(() => {
      const ls = (globalThis as unknown as PadPage).localStorage;
      return { mode: ls.getItem('outpost.drc.speedMode'), keys: Array.from({ length: ls.length }, (_, i) => ls.key(i)) };
    });
    expect(stored.mode).toBe('normal');
    // Only the speed-mode key was added: no gamepad profile (calibration) was written.
    expect(stored.keys.filter((k) => !keysBefore.includes(k))).toEqual(['outpost.drc.speedMode']);
  }, 180_000);

  it('A takes a photo: the device gets payload_authority_grab then camera_photo_take for its main camera', async () => {
    const from = heard.length;
    const remain = (await page().evaluate(() => (globalThis as unknown as PadPage).__outpostPayload?.selection()?.osd.camera.remain_photo_num)) as number;
    await tap(A);
    const photo = await hear((h) => h.method === 'camera_photo_take', from);
    expect(photo.data).toEqual({ payload_index: IDX });
    expect(methodsFrom(from)).toEqual(['payload_authority_grab', 'camera_photo_take']);
    await waitText('[data-testid="drc-action"]', 'Photo taken.');
    await waitCamera('remain_photo_num', remain - 1);
  });

  it('X records: video mode, start; the shadow shows recording; X again stops', async () => {
    let from = heard.length;
    await tap(X);
    await hear((h) => h.method === 'camera_recording_start', from);
    expect(heard.slice(from).map((h) => [h.method, h.data])).toEqual([
      ['camera_mode_switch', { payload_index: IDX, camera_mode: 1 }],
      ['camera_recording_start', { payload_index: IDX }],
    ]);
    await waitText('[data-testid="drc-action"]', 'Recording started.');
    await waitCamera('recording_state', 1);
    from = heard.length;
    await tap(X);
    await hear((h) => h.method === 'camera_recording_stop', from);
    expect(methodsFrom(from)).toEqual(['camera_recording_stop']);
    await waitText('[data-testid="drc-action"]', 'Recording stopped.');
    await waitCamera('recording_state', 0);
  });

  it('RB / LB zoom the zoom lens one step in and out from the zoom the shadow reports', async () => {
    let from = heard.length;
    await tap(RB);
    const zin = await hear((h) => h.method === 'camera_focal_length_set', from);
    expect(zin.data).toEqual({ payload_index: IDX, camera_type: 'zoom', zoom_factor: 2.8 });
    await waitCamera('zoom_factor', 2.8);
    from = heard.length;
    await tap(LB);
    expect((await hear((h) => h.method === 'camera_focal_length_set', from)).data).toMatchObject({ zoom_factor: 2 });
    await waitCamera('zoom_factor', 2);
    // At 2× there is nothing further out: no command, and the HUD says so.
    from = heard.length;
    await tap(LB);
    await waitText('[data-testid="drc-action"]', 'already at 2×');
    expect(methodsFrom(from)).toEqual([]);
  });

  it('keyboard fallback: P takes a photo too', async () => {
    const from = heard.length;
    await page().keyboard.press('p');
    await hear((h) => h.method === 'camera_photo_take', from);
  });

  it('the calibration screen rebinds a button: RT now takes the photo, A does nothing; rebinding A restores it', async () => {
    const RT = 7;
    const bind = async (action: string, button: number, label: string) => {
      await page().click(`[data-testid="drc-binding-${action}"] button:has-text("Bind")`);
      await waitText(`[data-testid="drc-binding-${action}-button"]`, 'press a button');
      await tap(button);
      await waitText(`[data-testid="drc-binding-${action}-button"]`, label);
    };
    await page().click('[data-testid="drc-calibrate"]');
    await bind('take_photo', RT, 'RT');
    await page().click('[data-testid="drc-calibration"] button:has-text("Save for this gamepad")');
    let from = heard.length;
    await tap(RT);
    await hear((h) => h.method === 'camera_photo_take', from);
    await waitText('[data-testid="drc-action"]', 'Photo taken.');
    from = heard.length;
    await tap(A); // sampled by the input loop (tap waits for that), but bound to nothing now
    await tap(RT); // a barrier: actions go out in order, so A's would come first
    await hear((h) => h.method === 'camera_photo_take', from);
    expect(methodsFrom(from).filter((m) => m === 'camera_photo_take')).toHaveLength(1);
    // Back to the default binding, for the tests after this one.
    await page().click('[data-testid="drc-calibrate"]');
    await bind('take_photo', A, 'A');
    await page().click('[data-testid="drc-calibration"] button:has-text("Save for this gamepad")');
    from = heard.length;
    await tap(A);
    await hear((h) => h.method === 'camera_photo_take', from);
  });

  it('holding D-pad up drags the gimbal up (repeated) and releasing stops it', async () => {
    const from = heard.length;
    await press(DPAD_UP);
    const up = await hear((h) => h.method === 'camera_screen_drag', from);
    expect(up.data).toEqual({ payload_index: IDX, locked: false, pitch_speed: 15, yaw_speed: 0 });
    // Still held: the drag is sent again.
    await hear((h) => h.method === 'camera_screen_drag', heard.indexOf(up) + 1);
    await release(DPAD_UP);
    await hear((h) => h.method === 'camera_screen_drag' && pitchOf(h) === 0, from);
    const drags = heard.slice(from).filter((h) => h.method === 'camera_screen_drag').map(pitchOf);
    expect(drags.at(-1)).toBe(0);
    expect(drags.slice(0, -1).every((v) => v === 15)).toBe(true);
    expect(drags.length).toBeGreaterThanOrEqual(3);
  });

  it('a tap on H (keyboard) never returns home; it says to hold', async () => {
    const from = heard.length;
    await page().keyboard.press('h');
    await waitText('[data-testid="drc-action"]', 'hold the button for a second');
    expect(methodsFrom(from)).not.toContain('return_home');
    expect(dock().snapshot().phase).toBe('manual');
  });

  it('holding Y shows the hold in the HUD, then sends return_home; the device accepts and the aircraft turns home', async () => {
    const from = heard.length;
    await press(Y);
    await page().waitForSelector('[data-testid="drc-rth-hold"]');
    const rth = await hear((h) => h.method === 'return_home', from);
    expect(rth.data).toBeNull(); // "Data: null" on every return_home page
    await page().waitForSelector('[data-testid="drc-rth-hold"][data-state="fired"]');
    await release(Y);
    await waitText('[data-testid="drc-action"]', 'Return home accepted: the aircraft is flying home.');
    expect(heard.slice(from).filter((h) => h.method === 'return_home')).toHaveLength(1);
    // Hovering a few metres above home under centred sticks it stayed in manual flight ("tap" test above); now it
    // flies home by itself: returning (mode_code 9), or already landing / landed when this machine is slow.
    const after = dock().snapshot();
    expect(['return', 'landing', 'docked']).toContain(after.phase);
    expect([9, 10, 0]).toContain(after.modeCode);
    await page().waitForFunction(() => !(globalThis as unknown as PadPage).document.querySelector('[data-testid="drc-rth-hold"]'));
  });

  it('while it flies home, "Cancel return home" sends return_home_cancel and the aircraft hovers where it is', async () => {
    // Out again, well clear of home: climb and fly forward.
    await setAxes([0, -1, 0, -1]);
    try {
      await nextDown((e) => e.method === 'stick_control' && dock().snapshot().elevation > 10 && dock().snapshot().homeDistance > 80, 60_000);
    } finally {
      await setAxes([0, 0, 0, 0]);
    }
    await nextDown((e) => e.method === 'stick_control' && stick(e).throttle === 1024 && stick(e).pitch === 1024, 30_000);
    expect(await page().locator('[data-testid="drc-rth-cancel"]').count()).toBe(0); // not flying home: nothing to cancel
    const sent = heard.length;
    await press(Y);
    await page().waitForSelector('[data-testid="drc-rth-hold"][data-state="fired"]');
    await release(Y);
    await hear((h) => h.method === 'return_home', sent);
    await page().locator('[data-testid="drc-rth-cancel"]').waitFor({ timeout: 15_000 });
    const from = heard.length;
    await page().click('[data-testid="drc-rth-cancel"]');
    expect((await hear((h) => h.method === 'return_home_cancel', from)).data).toBeNull();
    await waitText('[data-testid="drc-action"]', 'Return home cancelled: the aircraft hovers.');
    expect(dock().snapshot()).toMatchObject({ phase: 'manual', airborne: true });
    await page().locator('[data-testid="drc-rth-cancel"]').waitFor({ state: 'detached', timeout: 15_000 });
  }, 120_000);

  it('Pilot 2 on an RC Plus 2: the same shutter button goes out as drc_camera_photo_take on the DRC link', async () => {
    const rc = rcFleet.devices[0]!;
    await page().click(`[data-testid="fleet-row-${rc.gatewaySn}"]`);
    await page().click('[data-testid="drc-enter"]');
    await waitText('[data-testid="drc-phase"]', 'DRC active');
    const from = heard.length;
    const shot = nextDown((e) => e.method === 'drc_camera_photo_take', 15_000, drcSim(rc.gatewaySn)!);
    await tap(A);
    expect((await shot).data).toEqual({ payload_index: '89-0-0' });
    await waitText('[data-testid="drc-action"]', 'Photo taken.');
    // Nothing went on services: no payload_authority_grab either (Pilot 2 holds the payload itself).
    expect(heard.slice(from).filter((h) => h.gateway === rc.gatewaySn).map((h) => h.method)).toEqual([]);
  });
});
