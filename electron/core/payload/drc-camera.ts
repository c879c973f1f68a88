/**
 * Dock 3's DRC-only camera settings (dock3 remote-control.md): validate against the documented enums → require an
 * active DRC session with a Dock 3 (no `services` form exists) → send on drc/down → the drc/up `{result}` as text.
 */
import type { DrcCameraOutcome, DrcCameraRequest } from '../../../shared/ipc/payload';
import { errorText } from '../../../shared/protocol';
import { DRC_CAMERA_GATEWAY_MODELS, validateDrcCameraCommand } from '../../../shared/protocol/payload';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { CommanderDeps } from './commander';
import { callDrc } from './drc-port';

/** The commander's dependencies, less the services caller (these settings exist only on drc/down). */
export type DrcCameraDeps = Omit<CommanderDeps, 'caller'>;

export async function runDrcCamera(d: DrcCameraDeps, req: DrcCameraRequest): Promise<Result<DrcCameraOutcome>> {
  const valid = validateDrcCameraCommand(req.method, req.data);
  if (!valid.ok) {
    d.counters.inc('payload.refused');
    d.logger.info('DRC camera command refused before sending', { sn: req.sn, method: req.method, reason: valid.error.message });
    return valid;
  }
  const { method, data } = valid.value;
  if (!d.shadow.get(req.sn)) return err(appError('unknown_device', `${method}: no device ${req.sn} is known`));
  const gateway = d.shadow.gatewayOf(req.sn);
  const model = d.shadow.get(gateway)?.modelKey ?? '';
  if (!DRC_CAMERA_GATEWAY_MODELS.has(model)) {
    return err(appError('not_supported', `${method}: only a Dock 3 documents this setting (gateway ${gateway} is ${model || 'an unknown model'})`, { method }));
  }
  if (!d.drc().isInDrc(gateway)) {
    d.counters.inc('payload.refused');
    return err(appError('not_in_drc', `${method}: Dock 3 takes this setting only on the DRC link; enter DRC first (it has no services form)`, { method }));
  }
  const r = await callDrc(d.drc(), d.onDrcUp, d.clock, gateway, method, data, d.timeoutMs ?? 10_000);
  if (!r.ok) return r;
  if (r.value.result !== 0) {
    d.counters.inc('payload.device_error');
    const code = r.value.result;
    return err(appError('device_error', `${method}: ${errorText(code)} (code ${code})`, { result: code }));
  }
  d.counters.inc('payload.sent');
  return ok({ method, gateway });
}
