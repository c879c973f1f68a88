/**
 * The payload the panel works on: the selected aircraft (or the selected dock's aircraft) and its first payload index;
 * and, on the live wall, which tile shows one of that aircraft's lenses.
 */
import type { LiveStreamView } from '../../../../shared/ipc/live';
import { ZOOM_RANGE } from '../../../../shared/protocol/payload/table';
import type { Lens, PayloadCommand } from '../../../../shared/protocol/payload/types';
import type { DevicesState } from '../../state/devices';
import { numberOf, payloadIndexes, readPayload, type PayloadOsd } from '../../../../shared/protocol/payload/osd';

export interface PayloadSelection {
  readonly sn: string;
  readonly payloadIndex: string;
  readonly osd: PayloadOsd;
  readonly position: Readonly<Record<string, unknown>>;
}

export function selectPayload(s: Pick<DevicesState, 'devices' | 'selected'>): PayloadSelection | null {
  const sel = s.selected ? s.devices[s.selected] : undefined;
  if (!sel) return null;
  const sn = sel.deviceClass === 'aircraft' ? sel.sn : sel.children.find((c) => s.devices[c]?.deviceClass === 'aircraft');
  const ac = sn ? s.devices[sn] : undefined;
  if (!ac || !sn) return null;
  const fields = ac.groups.camera?.fields ?? {};
  const payloadIndex = payloadIndexes(fields)[0];
  if (!payloadIndex) return null;
  return { sn, payloadIndex, osd: readPayload(fields, payloadIndex), position: ac.groups.position?.fields ?? {} };
}

export interface LensTarget extends PayloadSelection {
  /** The lens the tile shows, as camera_aim's camera_type spells it. */
  readonly lens: Lens;
}

/**
 * The payload a live tile drives: the stream's camera must be a payload of the selected aircraft
 * (video_id `{sn}/{payload_index}/{video_type}-{n}`; its current lens is `videoType`). `normal` is the camera's
 * default view, the wide lens on the M3TD/M4TD (Dock 2 30.live.md lists normal/wide/zoom/ir).
 */
export function lensTarget(s: Pick<DevicesState, 'devices' | 'selected'>, stream: Pick<LiveStreamView, 'sn' | 'cameraIndex' | 'videoType'>): LensTarget | null {
  const sel = selectPayload(s);
  if (!sel || stream.sn !== sel.sn) return null;
  const fields = s.devices[sel.sn]?.groups.camera?.fields ?? {};
  if (!payloadIndexes(fields).includes(stream.cameraIndex)) return null;
  const lens: Lens = stream.videoType === 'ir' || stream.videoType === 'zoom' ? stream.videoType : 'wide';
  return { ...sel, payloadIndex: stream.cameraIndex, osd: readPayload(fields, stream.cameraIndex), lens };
}

/**
 * One wheel step on a tile: ×1.25 in, ×0.8 out, within the lens's documented range (2–200 visible, 2–20 IR;
 * dock2 110.drc.md "Zoom"), 0.1 steps. The wide lens has no optical zoom: on it the zoom lens zooms.
 */
export function nextZoom(t: LensTarget, dir: 1 | -1): PayloadCommand {
  const camera_type = t.lens === 'ir' ? 'ir' : 'zoom';
  const range = camera_type === 'ir' ? ZOOM_RANGE.ir : ZOOM_RANGE.visible;
  const now = numberOf(camera_type === 'ir' ? t.osd.camera.ir_zoom_factor : t.osd.camera.zoom_factor) ?? range.min;
  const zoom_factor = Math.round(Math.min(range.max, Math.max(range.min, now * (dir > 0 ? 1.25 : 0.8))) * 10) / 10;
  return { method: 'camera_focal_length_set', data: { payload_index: t.payloadIndex, camera_type, zoom_factor } };
}
