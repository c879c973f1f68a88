/**
 * Wires the button actions (shared/control ActionInput) to the app: return home through `drc:returnHome`,
 * photo / record / zoom / gimbal through the payload feature (`payload:command`, which validates and routes
 * to services or drc/down), speed mode into the store. Every outcome is shown as text; nothing throws.
 */
import { ActionInput, type ActionStep } from '../../../../shared/control/actions';
import { cameraView, photoCommands, RecordToggle, ZoomStepper } from '../../../../shared/control/camera';
import type { ButtonAction } from '../../../../shared/control/profile';
import { nextSpeedMode, speedModeSpec } from '../../../../shared/control/speed';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { PayloadCommand } from '../../../../shared/protocol/payload/types';
import { devicesStore } from '../../state/devices';
import { sendCommand } from '../payload/actions';
import { selectPayload, type PayloadSelection } from '../payload/selection';
import { saveSpeedMode } from './profiles';
import { activeSession, drcStore, setAction } from './store';

export const ACTION_TEXT: Readonly<Record<ButtonAction, string>> = {
  emergency_stop: 'Emergency stop',
  return_home: 'Return home',
  take_photo: 'Take photo',
  record: 'Record',
  gimbal_up: 'Gimbal up',
  gimbal_down: 'Gimbal down',
  zoom_in: 'Zoom in',
  zoom_out: 'Zoom out',
  speed_mode: 'Speed mode',
};

export interface ActionDeps {
  readonly client: OutpostClient;
  /** The gateway the operator flies (selected device's gateway). */
  readonly gateway: () => string | null;
  readonly emergencyStop: () => void;
}

/** Gamepad zoom drives the zoom lens (the IR lens zooms from its own tile). */
const ZOOM_LENS = 'zoom' as const;

type Target = { readonly ok: true; readonly sel: PayloadSelection } | { readonly ok: false; readonly text: string };

function payloadTarget(what: string): Target {
  const s = devicesStore.getState();
  if (s.selected === null) return { ok: false, text: `${what}: select the aircraft or its dock first.` };
  const sel = selectPayload(s);
  return sel ? { ok: true, sel } : { ok: false, text: `${what}: the selected aircraft reports no camera payload (yet).` };
}

export class ActionRunner {
  private readonly input = new ActionInput();
  private readonly record = new RecordToggle();
  private readonly zoom = new ZoomStepper();
  private gimbalBusy = false;
  /** Camera commands run one after another (a mode switch must land before the shutter). */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly d: ActionDeps) {}

  /** One input sample: the actions held on the gamepad and the keyboard now. */
  sample(held: ReadonlySet<ButtonAction>, now: number): void {
    const step = this.input.step(held, now, this.gimbalBusy);
    for (const a of step.pressed) this.press(a);
    this.holdReturnHome(step.returnHome);
    if (step.gimbalSpeed !== null) this.drag(step.gimbalSpeed);
  }

  private inSession(what: string): boolean {
    if (activeSession(this.d.gateway())) return true;
    setAction(false, `${what}: enter DRC first; the gamepad's action buttons work in a DRC session.`);
    return false;
  }

  private press(a: ButtonAction): void {
    if (a === 'emergency_stop') return this.d.emergencyStop();
    if (a === 'speed_mode') return this.cycleSpeed();
    if (!this.inSession(ACTION_TEXT[a])) return;
    if (a === 'take_photo') return this.camera('Take photo', (sel) => ({ commands: photoCommands(sel.payloadIndex, cameraView(sel.osd)), done: 'Photo taken.' }));
    if (a === 'record') {
      return this.camera('Record', (sel) => {
        const p = this.record.plan(sel.payloadIndex, cameraView(sel.osd), Date.now());
        return { commands: p.commands, done: p.start ? 'Recording started.' : 'Recording stopped.', accepted: () => this.record.accepted(p.start, Date.now()), refused: () => this.record.forget() };
      });
    }
    if (a === 'zoom_in' || a === 'zoom_out') {
      return this.camera('Zoom', (sel) => {
        const p = this.zoom.plan(sel.payloadIndex, ZOOM_LENS, a === 'zoom_in' ? 1 : -1, cameraView(sel.osd), Date.now());
        if (!p.ok) return { skip: p.message };
        return { commands: [p.command], done: `Zoom ${p.zoom}×.`, accepted: () => this.zoom.accepted(ZOOM_LENS, p.zoom, Date.now()), refused: () => this.zoom.forget() };
      });
    }
  }

  private cycleSpeed(): void {
    const mode = nextSpeedMode(drcStore.getState().speedMode);
    saveSpeedMode(mode);
    drcStore.setState({ speedMode: mode });
    const spec = speedModeSpec(mode);
    setAction(true, `Speed mode: ${spec.label} (${Math.round(spec.scale * 100)} % stick).`);
  }

  /** Queue one camera action; `plan` runs when its turn comes, on the OSD of that moment. */
  private camera(what: string, plan: (sel: PayloadSelection) => CameraPlan): void {
    this.queue = this.queue.then(async () => {
      const t = payloadTarget(what);
      if (!t.ok) return setAction(false, t.text);
      const p = plan(t.sel);
      if ('skip' in p) return setAction(false, p.skip);
      for (const cmd of p.commands) {
        const r = await sendCommand(this.d.client, t.sel.sn, cmd);
        if (!r.ok) {
          p.refused?.();
          return setAction(false, r.text);
        }
      }
      p.accepted?.();
      setAction(true, p.done);
    });
  }

  /** The hold shows in the HUD only in a session; outside one the first moment of the press says why nothing happens. */
  private holdReturnHome(h: ActionStep['returnHome']): void {
    const live = activeSession(this.d.gateway()) !== null;
    const shown = drcStore.getState().rthHold;
    const next = h.state === 'idle' || !live ? null : { state: h.state, progress: Math.round(h.progress * 20) / 20 };
    if (shown?.state !== next?.state || shown?.progress !== next?.progress) drcStore.setState({ rthHold: next });
    if (!live) {
      if (h.state === 'holding' && h.progress === 0) this.inSession('Return home');
      return;
    }
    if (h.cancelled) setAction(false, 'Return home: hold the button for a second to confirm.');
    if (h.fired) void this.returnHome();
  }

  private async returnHome(): Promise<void> {
    const gw = this.d.gateway();
    if (gw === null) return setAction(false, 'Return home: select the dock or remote controller first.');
    if (!this.inSession('Return home')) return;
    setAction(true, 'Return home: sending…');
    try {
      const r = await this.d.client.invoke('drc:returnHome', { gateway: gw });
      setAction(r.ok, r.ok ? r.value.text : r.error.message);
    } catch (e) {
      setAction(false, `Return home: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** camera_screen_drag with a pitch speed (0 = stop); the drag's yaw stays 0 and the aircraft does not turn. */
  private drag(pitch: number): void {
    const what = pitch > 0 ? 'Gimbal up' : pitch < 0 ? 'Gimbal down' : 'Gimbal';
    if (pitch !== 0 && !this.inSession(what)) return this.input.gimbal.refuse();
    const t = payloadTarget(what);
    if (!t.ok) {
      if (pitch !== 0) this.input.gimbal.refuse();
      return setAction(false, t.text);
    }
    const cmd: PayloadCommand = { method: 'camera_screen_drag', data: { payload_index: t.sel.payloadIndex, locked: false, pitch_speed: pitch, yaw_speed: 0 } };
    this.gimbalBusy = true;
    void sendCommand(this.d.client, t.sel.sn, cmd).then((r) => {
      this.gimbalBusy = false;
      if (r.ok) return setAction(true, pitch === 0 ? 'Gimbal stopped.' : `${what}…`);
      if (pitch !== 0) this.input.gimbal.refuse();
      setAction(false, r.text);
    });
  }
}

/** What one camera button press sends, or why it sends nothing (`skip`, e.g. already fully zoomed out). */
type CameraPlan =
  | { readonly skip: string }
  | {
      readonly commands: readonly PayloadCommand[];
      /** Shown once every command was accepted. */
      readonly done: string;
      readonly accepted?: () => void;
      readonly refused?: () => void;
    };
