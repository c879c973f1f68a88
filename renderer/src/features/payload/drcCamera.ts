/**
 * Whether the panel offers Dock 3's DRC-only exposure & night settings (dock3 remote-control.md): the aircraft's
 * gateway is a Dock 3 in DRC (dock OSD drc_state 2, "connected"), with what drc/up last reported for that payload.
 */
import type { DrcCameraReport } from '../../../../shared/protocol/payload/drc-camera-push';
import { DRC_CAMERA_GATEWAY_MODELS } from '../../../../shared/protocol/payload/drc-camera';
import type { DeviceMap } from '../../state/reducer';
import type { PayloadSelection } from './selection';

export interface DrcCameraTarget {
  readonly sn: string;
  readonly payloadIndex: string;
  readonly report: DrcCameraReport;
}

export function drcCameraTarget(devices: DeviceMap, sel: Pick<PayloadSelection, 'sn' | 'payloadIndex'>): DrcCameraTarget | null {
  const gw = devices[devices[sel.sn]?.gateway ?? ''];
  if (!gw || !DRC_CAMERA_GATEWAY_MODELS.has(gw.modelKey ?? '') || gw.groups.drc?.fields.drc_state !== 2) return null;
  const all = (devices[sel.sn]?.groups.camera?.fields.drc_camera ?? {}) as Readonly<Record<string, DrcCameraReport>>;
  return { sn: sel.sn, payloadIndex: sel.payloadIndex, report: all[sel.payloadIndex] ?? {} };
}
