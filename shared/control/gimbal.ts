/**
 * Gimbal pitch from two held buttons, sent as `camera_screen_drag` pitch speeds: one command when the
 * press starts, repeated while held (a drag moves the gimbal only for a moment), and a zero-speed
 * command on release so it stops where the operator let go. At most one command is in flight, so a
 * slow link never queues a backlog that keeps the gimbal moving after release.
 *
 * pitch_speed unit: "degree/s" on the newer pages (official-cn-latest dock3 drc.md "负载控制—画面拖动控制");
 * the older English page (dock2 110.drc.md "Payload control - Screen drag") says rad/s. We follow the newer
 * page; the speed is modest so a firmware that reads rad/s is still not violent for the short repeat window.
 */

/** Gimbal pitch rate while a button is held, °/s (positive = up). */
export const GIMBAL_PITCH_SPEED = 15;
/** Re-send the drag this often while held. */
export const GIMBAL_REPEAT_MS = 300;

export type GimbalDirection = -1 | 0 | 1;

/** From the two held levels; both held at once cancel out. */
export function gimbalDirection(up: boolean, down: boolean): GimbalDirection {
  return up === down ? 0 : up ? 1 : -1;
}

export class GimbalRepeat {
  /** Direction of the last command sent (0 = stopped, or never moved). */
  private sent: GimbalDirection = 0;
  private sentAt = 0;
  /** The device refused this press: no repeats (and no stop) until release. */
  private refused = false;

  constructor(
    readonly speed: number = GIMBAL_PITCH_SPEED,
    readonly repeatMs: number = GIMBAL_REPEAT_MS,
  ) {}

  /**
   * One input sample. Returns the pitch_speed to send now, or null to send nothing.
   * `busy`: the previous command has not been answered yet.
   */
  update(dir: GimbalDirection, now: number, busy: boolean): number | null {
    if (dir === 0) {
      if (this.refused) {
        this.refused = false;
        this.sent = 0;
        return null;
      }
      if (this.sent === 0 || busy) return null; // the stop goes out once the last drag is answered
      this.sent = 0;
      this.sentAt = now;
      return 0;
    }
    if (this.refused || busy) return null;
    if (dir === this.sent && now - this.sentAt < this.repeatMs) return null;
    this.sent = dir;
    this.sentAt = now;
    return dir * this.speed;
  }

  /** The device refused the last drag (no payload control, unsupported…): stop repeating it. */
  refuse(): void {
    this.refused = true;
  }
}
