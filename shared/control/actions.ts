/**
 * Button actions from held inputs: which actions happen on this sample. Press actions fire once on the
 * press edge (one photo per press); return home needs a held press (HoldToConfirm); the gimbal buttons
 * drive a repeating pitch drag that stops on release (GimbalRepeat). Gamepad buttons and keyboard keys
 * both arrive as one set of held actions, so they behave the same.
 */
import { gimbalDirection, GimbalRepeat } from './gimbal';
import { HoldToConfirm, type HoldSample } from './hold';
import { BUTTON_ACTIONS, type ButtonAction, type ControlProfile } from './profile';

/** Fired on the press edge; return_home and the gimbal buttons are level-driven instead. */
export const PRESS_ACTIONS: ReadonlySet<ButtonAction> = new Set<ButtonAction>(['emergency_stop', 'take_photo', 'record', 'zoom_in', 'zoom_out', 'speed_mode']);

/** The actions whose bound button is down in this gamepad sample. */
export function heldActions(buttons: readonly boolean[], p: ControlProfile): Set<ButtonAction> {
  return new Set(BUTTON_ACTIONS.filter((a) => {
    const i = p.buttons[a];
    return i !== null && buttons[i] === true;
  }));
}

export interface ActionStep {
  /** Press actions whose button went down since the previous sample, in BUTTON_ACTIONS order. */
  readonly pressed: readonly ButtonAction[];
  readonly returnHome: HoldSample;
  /** camera_screen_drag pitch_speed to send now (0 = stop), or null. */
  readonly gimbalSpeed: number | null;
}

export class ActionInput {
  private prev: ReadonlySet<ButtonAction> = new Set();

  constructor(
    readonly rth: HoldToConfirm = new HoldToConfirm(),
    readonly gimbal: GimbalRepeat = new GimbalRepeat(),
  ) {}

  /** `gimbalBusy`: the last gimbal command is still waiting for its answer. */
  step(held: ReadonlySet<ButtonAction>, now: number, gimbalBusy: boolean): ActionStep {
    const pressed = BUTTON_ACTIONS.filter((a) => PRESS_ACTIONS.has(a) && held.has(a) && !this.prev.has(a));
    this.prev = new Set(held);
    return {
      pressed,
      returnHome: this.rth.update(held.has('return_home'), now),
      gimbalSpeed: this.gimbal.update(gimbalDirection(held.has('gimbal_up'), held.has('gimbal_down')), now, gimbalBusy),
    };
  }
}
