/**
 * Answers the payload-control `services` methods like an M3TD/M4TD would (dock2 110.drc.md, dock3 drc.md):
 * range errors for bad input, "no control" before payload_authority_grab, mode errors (record in photo mode…).
 * Mutates the payload state; the extension publishes what changed through the aircraft OSD.
 */
import { validatePayloadCommand, type PayloadCommand } from '../../../../shared/protocol/payload';
import type { ServiceReplyData } from '../services';
import type { Angles } from './gimbal';
import { FOCUS_MAX, FOCUS_MIN, type PayloadSimState } from './state';

// enums.md §4: CommonErrorEnum 314000 / 325001, ControlErrorCodeEnum 3270xx.
export const ERR_NOT_SUPPORTED = 314000;
export const ERR_WRONG_PARAMETER = 325001;
export const ERR_NO_CONTROL = 327002;
const ERR_START_RECORDING = 327007;
const ERR_STOP_RECORDING = 327008;
const ERR_ZOOM = 327010;
const ERR_IR_ZOOM = 327011;

export interface AnswerContext {
  readonly payloadIndex: string;
  readonly nowMs: number;
  /** Aircraft heading (°), for gimbal_reset's recenter. */
  readonly heading: number;
  /** Gimbal angles right now. */
  readonly angles: Angles;
  /**
   * The command came on the DRC link of a Pilot 2 that granted cloud control (RC Plus 2): that grant is the
   * payload authority, there is no payload_authority_grab on that path (dji-rc-plus-2 drc.md, remote-control.md).
   */
  readonly viaDrc?: boolean;
}

export interface Answer {
  readonly reply: ServiceReplyData;
  readonly panorama?: boolean;
}

const ok = (output?: unknown): Answer => ({ reply: output === undefined ? { result: 0 } : { result: 0, output } });
const fail = (result: number): Answer => ({ reply: { result } });

/** Horizontal field of view (°) of each lens at 1×; vertical is 9/16 of it for the 16:9 (wide/zoom) and 4/5 for 640×512 IR. */
const HFOV = { wide: 84, zoom: 84, ir: 61 } as const;

export function answerPayload(s: PayloadSimState, method: string, data: unknown, c: AnswerContext): Answer {
  const v = validatePayloadCommand(method, data, { focus: { min: FOCUS_MIN, max: FOCUS_MAX } });
  if (!v.ok) {
    if (method === 'camera_focal_length_set' && v.error.details && (v.error.details as { field?: string }).field === 'zoom_factor') {
      return fail((data as { camera_type?: unknown }).camera_type === 'ir' ? ERR_IR_ZOOM : ERR_ZOOM);
    }
    return fail(ERR_WRONG_PARAMETER);
  }
  const cmd = v.value;
  if (cmd.data.payload_index !== c.payloadIndex) return fail(ERR_WRONG_PARAMETER);
  if (cmd.method === 'payload_authority_grab') {
    s.authority = true;
    return ok();
  }
  if (!s.authority && !c.viaDrc) return fail(ERR_NO_CONTROL);
  return run(s, cmd, c);
}

function run(s: PayloadSimState, cmd: PayloadCommand, c: AnswerContext): Answer {
  switch (cmd.method) {
    case 'camera_mode_switch':
      if (s.recordingSince !== null || s.panoramaBusy) return fail(ERR_NOT_SUPPORTED);
      s.cameraMode = cmd.data.camera_mode;
      return ok();
    case 'camera_photo_take':
      if (s.cameraMode === 1 || s.panoramaBusy) return fail(ERR_NOT_SUPPORTED);
      s.remainPhotoNum = Math.max(0, s.remainPhotoNum - 1);
      if (s.cameraMode === 3) {
        s.panoramaBusy = true;
        return { reply: { result: 0, output: { status: 'in_progress' } }, panorama: true };
      }
      return ok();
    case 'camera_photo_stop':
      // "Currently, only panorama mode is supported" (dock2 110.drc.md "Stop capturing").
      if (!s.panoramaBusy) return fail(ERR_NOT_SUPPORTED);
      s.panoramaBusy = false;
      return ok();
    case 'camera_recording_start':
      if (s.cameraMode !== 1 || s.recordingSince !== null) return fail(ERR_START_RECORDING);
      s.recordingSince = c.nowMs;
      return ok();
    case 'camera_recording_stop':
      if (s.recordingSince === null) return fail(ERR_STOP_RECORDING);
      s.remainRecordS -= Math.floor((c.nowMs - s.recordingSince) / 1000);
      s.recordingSince = null;
      return ok();
    case 'camera_focal_length_set':
      if (cmd.data.camera_type === 'ir') s.irZoomFactor = cmd.data.zoom_factor;
      else s.zoomFactor = cmd.data.zoom_factor;
      return ok();
    case 'camera_screen_split':
      s.screenSplit = cmd.data.enable;
      return ok();
    case 'camera_point_focus_action':
      s.focusValue = Math.round(FOCUS_MIN + (FOCUS_MAX - FOCUS_MIN) * (1 - cmd.data.y));
      return ok();
    case 'camera_focus_mode_set':
      s.focusMode = cmd.data.focus_mode;
      return ok();
    case 'camera_focus_value_set':
      if (s.focusMode !== 0) return fail(ERR_NOT_SUPPORTED); // manual focus only in MF
      s.focusValue = cmd.data.focus_value;
      return ok();
    case 'camera_exposure_mode_set':
      s.exposureMode[cmd.data.camera_type] = cmd.data.exposure_mode;
      return ok();
    case 'camera_exposure_set':
      if (s.exposureMode[cmd.data.camera_type] === 4) return fail(ERR_NOT_SUPPORTED); // EV compensation is not used in manual
      s.exposureValue[cmd.data.camera_type] = cmd.data.exposure_value;
      return ok();
    case 'camera_frame_zoom': {
      const d = cmd.data;
      aim(s, c, d.camera_type, d.x + d.width / 2, d.y + d.height / 2);
      const factor = 1 / Math.max(d.width, d.height, 0.01);
      if (d.camera_type === 'ir') s.irZoomFactor = Math.min(20, Math.max(2, s.irZoomFactor * factor));
      else s.zoomFactor = Math.min(200, Math.max(2, s.zoomFactor * factor));
      return ok();
    }
    case 'camera_screen_drag':
      // One drag message moves the gimbal for half a second at the given speeds (°/s, dock3 drc.md).
      s.goal = { kind: 'angles', angles: { yaw: c.angles.yaw + cmd.data.yaw_speed * 0.5, pitch: c.angles.pitch + cmd.data.pitch_speed * 0.5 } };
      return ok();
    case 'camera_aim':
      aim(s, c, cmd.data.camera_type, cmd.data.x, cmd.data.y);
      return ok();
    case 'camera_look_at':
      s.goal = { kind: 'look_at', target: { lat: cmd.data.latitude, lon: cmd.data.longitude, height: cmd.data.height } };
      return ok();
    case 'gimbal_reset': {
      const m = cmd.data.reset_mode;
      const yaw = m === 3 ? c.angles.yaw : c.heading;
      const pitch = m === 2 ? c.angles.pitch : m === 0 ? 0 : -90;
      s.goal = { kind: 'angles', angles: { yaw, pitch } };
      return ok();
    }
    case 'ir_metering_mode_set':
      s.irMode = cmd.data.mode;
      return ok();
    case 'ir_metering_point_set':
      // Setting a point switches the camera to spot metering, as the Pilot 2 UI does.
      s.irPoint = { x: cmd.data.x, y: cmd.data.y };
      s.irMode = 1;
      return ok();
    case 'ir_metering_area_set':
      s.irArea = { x: cmd.data.x, y: cmd.data.y, width: cmd.data.width, height: cmd.data.height };
      s.irMode = 2;
      return ok();
    case 'payload_authority_grab':
      return ok();
  }
}

/** Turn so that normalised (x, y) of the lens becomes the centre. */
function aim(s: PayloadSimState, c: AnswerContext, lens: 'ir' | 'wide' | 'zoom', x: number, y: number): void {
  const zoom = lens === 'ir' ? s.irZoomFactor / 2 : lens === 'zoom' ? s.zoomFactor / 2 : 1;
  const h = HFOV[lens] / Math.max(1, zoom);
  const vRatio = lens === 'ir' ? 512 / 640 : 9 / 16;
  s.goal = { kind: 'angles', angles: { yaw: c.angles.yaw + (x - 0.5) * h, pitch: c.angles.pitch - (y - 0.5) * h * vRatio } };
}
