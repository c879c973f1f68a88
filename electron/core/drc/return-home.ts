/**
 * One-key return home and its cancel: `return_home` (data null) on the gateway's `services`, the same call for a dock
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

export function returnHome(d: ReturnHomeDeps, gateway: unknown): Promise<Result<ReturnHomeOutcome>> {
  return homeCall(d, gateway, { method: 'return_home', what: 'Return home', texts: GOING, fallback: 'Return home accepted by the device.', unsure: 'it is not turning home' });
}

/**
 * Cancels a return home: `return_home_cancel` (data null) on the same `services` (dock2 50.wayline.md
 * "Cancel return", dji-rc-plus-2 drc.md "取消返航"); the aircraft hovers where it is, and in a DRC
 * session the pilot's sticks fly it again.
 */
export function cancelReturnHome(d: ReturnHomeDeps, gateway: unknown): Promise<Result<ReturnHomeOutcome>> {
  return homeCall(d, gateway, { method: 'return_home_cancel', what: 'Cancel return home', texts: CANCELLED, fallback: CANCELLED.ok!, unsure: 'it is still flying home' });
}

const CANCELLED: Readonly<Record<string, string>> = { ok: 'Return home cancelled: the aircraft hovers.' };

interface HomeCall {
  readonly method: 'return_home' | 'return_home_cancel';
  /** The action's name, first in every message. */
  readonly what: string;
  /** output.status → words; `fallback` for a reply without a known status. */
  readonly texts: Readonly<Record<string, string>>;
  readonly fallback: string;
  /** What to watch for after a timeout. */
  readonly unsure: string;
}

async function homeCall(d: ReturnHomeDeps, gateway: unknown, c: HomeCall): Promise<Result<ReturnHomeOutcome>> {
  const { method, what } = c;
  if (typeof gateway !== 'string' || gateway === '') return err(appError('invalid_request', `${what}: no gateway given.`));
  const gw = d.shadow.get(gateway);
  if (!gw) return err(appError('unknown_device', `${what}: no device ${gateway} is known.`));
  if (gw.deviceClass !== 'dock' && gw.deviceClass !== 'rc') {
    return err(appError('not_a_gateway', `${what}: ${gateway} is not a dock or remote controller; send it to the aircraft's gateway.`));
  }
  d.counters.inc(`drc.${method}`);
  d.logger.info(`${method} sent`, { gateway });
  const timeoutMs = d.timeoutMs ?? 10_000;
  const r = await d.caller.call(gateway, method, null, { timeoutMs });
  if (!r.ok) {
    d.counters.inc(`drc.${method}_failed`);
    const code = (r.error.details as { result?: unknown } | undefined)?.result;
    if (typeof code === 'number') return err(appError('device_error', `${what} refused by the device: ${errorText(code)} (code ${code}).`, { result: code }));
    if (r.error.code === 'timeout') return err(appError('timeout', `${what}: ${gateway} did not answer within ${timeoutMs / 1000} s. Watch the aircraft; send it again if ${c.unsure}.`));
    return err(appError(r.error.code, `${what}: ${r.error.message}`));
  }
  const out = r.value.output as { status?: unknown } | null;
  const status = typeof out?.status === 'string' ? out.status : null;
  if (status !== null && NOT_GOING[status]) {
    d.counters.inc(`drc.${method}_failed`);
    return err(appError('device_refused', `${what}: the device answered "${status}" (${NOT_GOING[status]}).`, { status }));
  }
  return ok({ gateway, status, text: (status !== null ? c.texts[status] : undefined) ?? c.fallback });
}
