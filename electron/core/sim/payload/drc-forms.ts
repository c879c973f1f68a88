/**
 * The payload commands a Pilot 2 on RC Plus 2 takes on the DRC link (official-cn-latest dji-rc-plus-2
 * remote-control.md): `drc_<services method>` on drc/down with the services form's `data`, answered on drc/up
 * under the same method with `{ result }`; `drc_camera_photo_take` adds `status` ("in_progress" while a panorama
 * runs, whose progress still comes as the `camera_photo_take_progress` event, dji-rc-plus-2 drc.md).
 */
import { PAYLOAD_COMMANDS, PAYLOAD_METHODS, type PayloadMethod } from '../../../../shared/protocol/payload';
import type { Answer } from './answer';

const BY_DRC_METHOD: ReadonlyMap<string, PayloadMethod> = new Map(
  PAYLOAD_METHODS.flatMap((m) => {
    const drc = PAYLOAD_COMMANDS.get(m)?.drcMethod;
    return drc ? [[drc, m] as const] : [];
  }),
);

/** `drc_camera_aim` → `camera_aim`; null for anything that is not a payload command's DRC form. */
export const servicesFormOf = (drcMethod: string): PayloadMethod | null => BY_DRC_METHOD.get(drcMethod) ?? null;

/** The drc/up `data` for an answer: `{ result }`, plus `status` when the services form had one in `output`. */
export function drcReply(a: Answer): Record<string, unknown> {
  const status = (a.reply.output as { status?: unknown } | undefined)?.status;
  return typeof status === 'string' ? { result: a.reply.result, status } : { result: a.reply.result };
}
