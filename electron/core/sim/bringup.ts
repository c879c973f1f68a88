/** The real bring-up order (SUMMARY §4.3; 10.dock2/100.config.md, 20.organization.md, 10.device.md). */
import type { Result } from '../../../shared/util/result';
import type { Logger } from '../util/log';
import type { DownMessage } from './envelope';
import { modelKey, type SimProduct } from './products';

export interface BringUpHost {
  readonly product: SimProduct;
  readonly gatewaySn: string;
  readonly aircraftSn: string;
  readonly bindingCode?: string;
  readonly organizationId: string;
  readonly log: Logger;
  request(method: string, data: unknown): Promise<Result<DownMessage>>;
  /** Publishes update_topo until a status_reply arrives; false if the device stopped first. */
  sendTopoUntilAcked(): Promise<boolean>;
}

export interface BringUpResult {
  readonly bound: boolean;
  readonly organizationName?: string;
  readonly topoAcked: boolean;
}

/** Dock: config → airport_bind_status → (not bound) airport_organization_get → airport_organization_bind → update_topo. RC: update_topo. */
export async function bringUp(h: BringUpHost): Promise<BringUpResult> {
  if (!h.product.isDock) return { bound: true, topoAcked: await h.sendTopoUntilAcked() };

  const config = await h.request('config', { config_scope: 'product', config_type: 'json' });
  if (config.ok) {
    // The config reply carries no {result, output} wrapper (100.config.md).
    const d = asRecord(config.value.data);
    if (typeof d.ntp_server_host !== 'string') h.log.warn('config reply has no ntp_server_host', { data: config.value.data });
  } else {
    h.log.warn('config request failed; continuing without NTP/app config', { error: config.error.message });
  }

  let bound = false;
  const status = await h.request('airport_bind_status', { devices: [{ sn: h.aircraftSn }, { sn: h.gatewaySn }] });
  if (status.ok && resultOf(status.value) === 0) {
    const list = asArray(asRecord(asRecord(status.value.data).output).bind_status);
    const mine = list.map(asRecord).filter((e) => e.sn === h.gatewaySn || e.sn === h.aircraftSn);
    bound = mine.length > 0 && mine.every((e) => e.is_device_bind_organization === true);
  } else {
    h.log.warn('airport_bind_status failed; treating the dock as not bound', { error: describe(status) });
  }

  let organizationName: string | undefined;
  if (!bound && h.bindingCode === undefined) {
    h.log.warn('dock is not bound to an organization and no binding code was given; skipping binding');
  } else if (!bound && h.bindingCode !== undefined) {
    const org = await h.request('airport_organization_get', { device_binding_code: h.bindingCode, organization_id: h.organizationId });
    if (org.ok && resultOf(org.value) === 0) {
      const name = asRecord(asRecord(org.value.data).output).organization_name;
      organizationName = typeof name === 'string' ? name : undefined;
      bound = await bind(h, h.bindingCode);
    } else {
      h.log.error('airport_organization_get failed; not binding', { error: describe(org) });
    }
  }

  const topoAcked = await h.sendTopoUntilAcked();
  return organizationName === undefined ? { bound, topoAcked } : { bound, organizationName, topoAcked };
}

async function bind(h: BringUpHost, code: string): Promise<boolean> {
  const entry = (sn: string, key: string, callsign: string) => ({
    device_binding_code: code,
    device_callsign: callsign,
    device_model_key: key,
    organization_id: h.organizationId,
    sn,
  });
  const res = await h.request('airport_organization_bind', {
    bind_devices: [
      entry(h.gatewaySn, modelKey(h.product.gateway), `Dock ${h.gatewaySn.slice(-4)}`),
      entry(h.aircraftSn, modelKey(h.product.aircraft), `Drone ${h.aircraftSn.slice(-4)}`),
    ],
  });
  if (!res.ok || resultOf(res.value) !== 0) {
    h.log.error('airport_organization_bind failed', { error: describe(res) });
    return false;
  }
  const errs = asArray(asRecord(asRecord(res.value.data).output).err_infos).map(asRecord).filter((e) => e.err_code !== 0);
  if (errs.length > 0) h.log.error('airport_organization_bind rejected some devices', { err_infos: errs });
  return errs.length === 0;
}

function resultOf(m: DownMessage): number | undefined {
  const r = asRecord(m.data).result;
  return typeof r === 'number' ? r : undefined;
}

function describe(r: Result<DownMessage>): unknown {
  return r.ok ? { result: resultOf(r.value) } : r.error.message;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
