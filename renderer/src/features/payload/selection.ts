/** The payload the panel works on: the selected aircraft (or the selected dock's aircraft) and its first payload index. */
import type { DevicesState } from '../../state/devices';
import { payloadIndexes, readPayload, type PayloadOsd } from '../../../../shared/protocol/payload/osd';

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
