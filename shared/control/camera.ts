/**
 * Camera buttons as payload commands: take photo, record toggle, zoom steps. The payload's state comes
 * from the aircraft OSD (`cameras[]` entry of the payload, m3d/m4d properties pages), which arrives
 * every few seconds on a dock; a command the device just accepted is trusted over the OSD for a short
 * while, so a second press right after the first does not act on stale state.
 */
import { numberOf, type PayloadOsd } from '../protocol/payload/osd';
import { ZOOM_RANGE } from '../protocol/payload/table';
import type { Lens, PayloadCommand } from '../protocol/payload/types';

/** How long an accepted command is trusted over the OSD (docks report camera state at 0.5 Hz). */
export const CAMERA_SETTLE_MS = 3000;
/** Each zoom press multiplies (or divides) the zoom by √2: two presses double it. */
export const ZOOM_STEP = Math.SQRT2;

/** camera_mode (properties pages): 0 photo, 1 video, 2 smart low-light, 3 panorama. */
const PHOTO = 0;
const VIDEO = 1;

/** What the camera buttons need to know about the payload; absent = not reported. */
export interface CameraView {
  readonly cameraMode?: number;
  readonly recording?: boolean;
  /** zoom lens zoom_factor, and ir_zoom_factor. */
  readonly zoom?: number;
  readonly irZoom?: number;
}

export function cameraView(p: PayloadOsd): CameraView {
  const c = p.camera;
  const mode = numberOf(c.camera_mode);
  const rec = numberOf(c.recording_state);
  const zoom = numberOf(c.zoom_factor) ?? numberOf(p.gimbal.zoom_factor);
  const ir = numberOf(c.ir_zoom_factor);
  return {
    ...(mode !== undefined ? { cameraMode: mode } : {}),
    ...(rec !== undefined ? { recording: rec === 1 } : {}),
    ...(zoom !== undefined ? { zoom } : {}),
    ...(ir !== undefined ? { irZoom: ir } : {}),
  };
}

const idx = (payloadIndex: string) => ({ payload_index: payloadIndex });
const modeSwitch = (payloadIndex: string, camera_mode: 0 | 1): PayloadCommand => ({ method: 'camera_mode_switch', data: { ...idx(payloadIndex), camera_mode } });

/** Shutter: in video mode (not recording) the camera goes back to photo mode first, as an RC's shutter does. */
export function photoCommands(payloadIndex: string, cam: CameraView): PayloadCommand[] {
  const take: PayloadCommand = { method: 'camera_photo_take', data: idx(payloadIndex) };
  return cam.cameraMode === VIDEO && cam.recording !== true ? [modeSwitch(payloadIndex, PHOTO), take] : [take];
}

/** The record button toggles; it switches to video mode first when the camera is in another mode. */
export class RecordToggle {
  private last: { readonly recording: boolean; readonly at: number } | null = null;

  constructor(readonly settleMs: number = CAMERA_SETTLE_MS) {}

  /** Whether the camera records, as far as we know now. */
  believed(cam: CameraView, now: number): boolean {
    if (this.last && now - this.last.at < this.settleMs) return this.last.recording;
    return cam.recording === true;
  }

  /** The commands for one press, and the state they ask for. */
  plan(payloadIndex: string, cam: CameraView, now: number): { readonly start: boolean; readonly commands: PayloadCommand[] } {
    if (this.believed(cam, now)) return { start: false, commands: [{ method: 'camera_recording_stop', data: idx(payloadIndex) }] };
    const start: PayloadCommand = { method: 'camera_recording_start', data: idx(payloadIndex) };
    const needsVideo = cam.cameraMode !== undefined && cam.cameraMode !== VIDEO;
    return { start: true, commands: needsVideo ? [modeSwitch(payloadIndex, VIDEO), start] : [start] };
  }

  /** The device accepted the plan: trust its new state until the OSD catches up. */
  accepted(recording: boolean, now: number): void {
    this.last = { recording, at: now };
  }

  /** The device refused: go back to what the OSD says. */
  forget(): void {
    this.last = null;
  }
}

export const zoomRange = (lens: Lens): { readonly min: number; readonly max: number } => (lens === 'ir' ? ZOOM_RANGE.ir : ZOOM_RANGE.visible);

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** One zoom step from `current` within the lens range (2–200 visible, 2–20 IR); null when already at that end. */
export function stepZoom(current: number, dir: 1 | -1, lens: Lens): number | null {
  const { min, max } = zoomRange(lens);
  const clamp = (v: number): number => Math.min(max, Math.max(min, v));
  const from = clamp(current);
  const next = clamp(round1(from * (dir > 0 ? ZOOM_STEP : 1 / ZOOM_STEP)));
  return next === from ? null : next;
}

export type ZoomPlan = { readonly ok: true; readonly zoom: number; readonly command: PayloadCommand } | { readonly ok: false; readonly message: string };

/** Zoom presses: each steps from the last accepted zoom (while the OSD catches up) or the reported one. */
export class ZoomStepper {
  private last: { readonly lens: Lens; readonly zoom: number; readonly at: number } | null = null;

  constructor(readonly settleMs: number = CAMERA_SETTLE_MS) {}

  plan(payloadIndex: string, lens: Lens, dir: 1 | -1, cam: CameraView, now: number): ZoomPlan {
    const recent = this.last && this.last.lens === lens && now - this.last.at < this.settleMs ? this.last.zoom : undefined;
    const current = recent ?? (lens === 'ir' ? cam.irZoom : cam.zoom);
    if (current === undefined) return { ok: false, message: 'Zoom: the camera has not reported its zoom yet.' };
    const zoom = stepZoom(current, dir, lens);
    if (zoom === null) {
      const { min, max } = zoomRange(lens);
      return { ok: false, message: dir > 0 ? `Zoom: already at ${max}×, the most for this lens.` : `Zoom: already at ${min}×, the least for this lens.` };
    }
    return { ok: true, zoom, command: { method: 'camera_focal_length_set', data: { ...idx(payloadIndex), camera_type: lens, zoom_factor: zoom } } };
  }

  accepted(lens: Lens, zoom: number, now: number): void {
    this.last = { lens, zoom, at: now };
  }

  forget(): void {
    this.last = null;
  }
}
