/**
 * One-key return home: `return_home` (data null) on the gateway's `services`, the same call for a dock
 * (dock2 50.wayline.md "One-key return", dock3 wayline.md "一键返航") and for Pilot 2 on an RC Plus 2
 * (dji-rc-plus-2 drc.md "一键返航"). In DRC the RC's own RTH button is disabled (pilot feature set, drc.md),
 * so the cloud must offer it. The answer comes back as words the operator can act on.
 */
import type { ReturnHomeOutcome } from '../../../shared/ipc/drc';
import { errorText } from '../../../shared/protocol';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { ServiceCaller } from '../services/caller';
import type { Shadow } from '../shadow/shadow';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

export interface ReturnHomeDeps {
  readonly caller: Pick<ServiceCaller, 'call'>;
  readonly shadow: Pick<Shadow, 'get'>;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly timeoutMs?: number;
}

/** services_reply output.status of return_home (dock2 50.wayline.md): which mean the aircraft is going home. */
const GOING: Readonly<Record<string, string>> = {
  ok: 'Return home accepted: the aircraft is flying home.',
  in_progress: 'Return home accepted: the aircraft is flying home.',
  sent: 'Return home sent to the aircraft.',
};
const NOT_GOING: Readonly<Record<string, string>> = {
  canceled: 'cancelled or terminated',
  failed: 'failed',
  paused: 'paused',
  rejected: 'rejected',
  timeout: 'timed out',
};

export async function returnHome(d: ReturnHomeDeps, gateway: unknown): Promise<Result<ReturnHomeOutcome>> {
  if (typeof gateway !== 'string' || gateway === '') return err(appError('invalid_request', 'Return home: no gateway given.'));
  const gw = d.shadow.get(gateway);
  if (!gw) return err(appError('unknown_device', `Return home: no device ${gateway} is known.`));
  if (gw.deviceClass !== 'dock' && gw.deviceClass !== 'rc') {
    return err(appError('not_a_gateway', `Return home: ${gateway} is not a dock or remote controller; send it to the aircraft's gateway.`));
  }
  d.counters.inc('drc.return_home');
  d.logger.info('return_home sent', { gateway });
  const timeoutMs = d.timeoutMs ?? 10_000;
  const r = await d.caller.call(gateway, 'return_home', null, { timeoutMs });
  if (!r.ok) {
    d.counters.inc('drc.return_home_failed');
    const code = (r.error.details as { result?: unknown } | undefined)?.result;
    if (typeof code === 'number') return err(appError('device_error', `Return home refused by the device: ${errorText(code)} (code ${code}).`, { result: code }));
    if (r.error.code === 'timeout') return err(appError('timeout', `Return home: ${gateway} did not answer within ${timeoutMs / 1000} s. Watch the aircraft; send it again if it is not turning home.`));
    return err(appError(r.error.code, `Return home: ${r.error.message}`));
  }
  const out = r.value.output as { status?: unknown } | null;
  const status = typeof out?.status === 'string' ? out.status : null;
  if (status !== null && NOT_GOING[status]) {
    d.counters.inc('drc.return_home_failed');
    return err(appError('device_refused', `Return home: the device answered "${status}" (${NOT_GOING[status]}).`, { status }));
  }
  return ok({ gateway, status, text: (status !== null ? GOING[status] : undefined) ?? 'Return home accepted by the device.' });
}
