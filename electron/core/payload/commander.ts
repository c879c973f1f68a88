/**
 * Runs one payload command: validate (documented ranges + the camera's own limits) → grab payload authority when
 * needed → send on `services`, or as `drc_*` on drc/down when the gateway is in DRC and takes that form → result.
 */
import type { PayloadCommandOutcome, PayloadCommandRequest } from '../../../shared/ipc/payload';
import { DRC_PAYLOAD_GATEWAY_MODELS, focusRange, NO_AUTHORITY_CODES, PAYLOAD_COMMANDS, readPayload, validatePayloadCommand } from '../../../shared/protocol/payload';
import { errorText } from '../../../shared/protocol';
import type { PayloadMethod } from '../../../shared/protocol/payload';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { ServiceCaller } from '../services/caller';
import type { Shadow } from '../shadow/shadow';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import { PayloadAuthority } from './authority';
import { callDrc, type PayloadDrcPort } from './drc-port';

export interface CommanderDeps {
  readonly caller: ServiceCaller;
  readonly shadow: Shadow;
  readonly drc: () => PayloadDrcPort;
  readonly onDrcUp: Parameters<typeof callDrc>[1];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly timeoutMs?: number;
}

type Sent = Result<{ output: unknown }> & { readonly code?: number };

export class PayloadCommander {
  readonly authority = new PayloadAuthority();

  constructor(private readonly d: CommanderDeps) {}

  async run(req: PayloadCommandRequest): Promise<Result<PayloadCommandOutcome>> {
    const dev = this.d.shadow.get(req.sn);
    if (!dev) return err(appError('unknown_device', `${req.method}: no device ${req.sn} is known`));
    const gateway = this.d.shadow.gatewayOf(req.sn);
    const aircraftSn = dev.gateway ? dev.sn : this.d.shadow.childrenOf(gateway)[0];
    const fields = (aircraftSn && this.d.shadow.get(aircraftSn)?.groups.camera?.fields) || {};
    const index = (req.data as { payload_index?: unknown } | undefined)?.payload_index;
    const limits = typeof index === 'string' ? focusRange(readPayload(fields, index)) : undefined;
    const valid = validatePayloadCommand(req.method, req.data, limits ? { focus: limits } : {});
    if (!valid.ok) {
      this.d.counters.inc('payload.refused');
      this.d.logger.info('payload command refused before sending', { sn: req.sn, method: req.method, reason: valid.error.message });
      return valid;
    }
    const { method, data } = valid.value;
    const gw = this.d.shadow.get(gateway);
    const viaDrc = this.d.drc().isInDrc(gateway) && DRC_PAYLOAD_GATEWAY_MODELS.has(gw?.modelKey ?? '') && !!PAYLOAD_COMMANDS.get(method)?.drcMethod;
    // Docks need payload_authority_grab (dock drc.md pages); Pilot 2 holds the payload itself.
    const needsGrab = !viaDrc && gw?.deviceClass === 'dock' && method !== 'payload_authority_grab';
    const payloadIndex = data.payload_index;
    let grabbed = false;
    if (needsGrab && !this.authority.has(gateway, payloadIndex)) {
      const g = await this.grab(gateway, payloadIndex);
      if (!g.ok) return g;
      grabbed = true;
    }
    let sent = await this.send(gateway, method, data, viaDrc);
    if (!sent.ok && needsGrab && sent.code !== undefined && NO_AUTHORITY_CODES.has(sent.code)) {
      // The operator on the RC (or another cloud user) took the payload: grab it back once and retry.
      this.authority.revoke(gateway, payloadIndex);
      const g = await this.grab(gateway, payloadIndex);
      if (!g.ok) return g;
      grabbed = true;
      sent = await this.send(gateway, method, data, viaDrc);
    }
    if (!sent.ok) {
      this.d.counters.inc('payload.device_error');
      return sent;
    }
    if (method === 'payload_authority_grab') this.authority.grant(gateway, payloadIndex);
    this.d.counters.inc('payload.sent');
    return ok({ method, via: viaDrc ? 'drc' : 'services', gateway, output: sent.value.output, authorityGrabbed: grabbed });
  }

  private async grab(gateway: string, payloadIndex: string): Promise<Result<true>> {
    const r = await this.send(gateway, 'payload_authority_grab', { payload_index: payloadIndex }, false);
    if (!r.ok) return err(appError(r.error.code, `Could not take payload control before the command: ${r.error.message}`, r.error.details));
    this.authority.grant(gateway, payloadIndex);
    this.d.counters.inc('payload.authority_grab');
    return ok(true);
  }

  private async send(gateway: string, method: PayloadMethod, data: unknown, viaDrc: boolean): Promise<Sent> {
    const timeoutMs = this.d.timeoutMs ?? 10_000;
    if (!viaDrc) {
      const r = await this.d.caller.call(gateway, method, data, { timeoutMs });
      if (r.ok) return ok({ output: r.value.output });
      const code = (r.error.details as { result?: unknown } | undefined)?.result;
      return typeof code === 'number' ? { ...r, code } : r;
    }
    const drcMethod = PAYLOAD_COMMANDS.get(method)?.drcMethod ?? method;
    const r = await callDrc(this.d.drc(), this.d.onDrcUp, this.d.clock, gateway, drcMethod, data, timeoutMs);
    if (!r.ok) return r;
    if (r.value.result !== 0) {
      const code = r.value.result;
      return { ...err(appError('device_error', `${drcMethod}: ${errorText(code)} (code ${code})`, { result: code })), code };
    }
    return ok({ output: r.value.output });
  }
}
