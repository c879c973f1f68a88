/**
 * Answers to device `requests` (every one gets a `requests_reply`, echoing tid/bid).
 * Shapes per the Dock 2 pages: config.md (flat data), organization.md ({result, output}).
 */
import type { DjiAppSettings } from '../../../shared/model/settings';
import type { BindRequest, BindStatus } from '../store/bindings';

export type { BindStatus, BindRequest } from '../store/bindings';

/** What the requests need from the binding store (electron/core/store/bindings). */
export interface BindingsPort {
  bindStatus(sn: string): BindStatus;
  organizationName(bindingCode: string, organizationId: string): string | null;
  bind(req: BindRequest, at: number): number; // err_code, 0 = ok
}

export interface RequestDeps {
  readonly dji: () => DjiAppSettings;
  readonly bindings: BindingsPort;
  readonly onBound?: (sn: string, callsign: string) => void;
  readonly now: () => number;
}

/** Result codes Outpost uses in replies. DJI: "non-zero represents an error". */
export const REQUEST_RESULT = {
  ok: 0,
  /** The capability is not there yet (media storage, wayline resources). */
  unsupported: 1,
  invalid: 2,
  /** err_code for a bind with a wrong binding code or organization (organization.md example code). */
  bindRefused: 210231,
} as const;

type Handler = (gateway: string, data: Record<string, unknown>) => unknown;

export function createRequestHandlers(deps: RequestDeps): Readonly<Record<string, Handler>> {
  return {
    config: () => {
      const s = deps.dji();
      return { app_id: s.appId, app_key: s.appKey, app_license: s.appLicense, ntp_server_host: s.ntpHost, ntp_server_port: s.ntpPort };
    },
    airport_bind_status: (_gw, data) => {
      const devices = Array.isArray(data.devices) ? (data.devices as { sn?: unknown }[]) : [];
      const bind_status = devices.filter((d) => typeof d.sn === 'string').map((d) => deps.bindings.bindStatus(d.sn as string));
      return { result: REQUEST_RESULT.ok, output: { bind_status } };
    },
    airport_organization_get: (_gw, data) => {
      const name = deps.bindings.organizationName(String(data.device_binding_code ?? ''), String(data.organization_id ?? ''));
      return name === null
        ? { result: REQUEST_RESULT.bindRefused, output: { organization_name: '' } }
        : { result: REQUEST_RESULT.ok, output: { organization_name: name } };
    },
    airport_organization_bind: (_gw, data) => {
      const list = Array.isArray(data.bind_devices) ? (data.bind_devices as Record<string, unknown>[]) : [];
      const err_infos = list.map((b) => {
        const req: BindRequest = {
          sn: String(b.sn ?? ''),
          device_binding_code: String(b.device_binding_code ?? ''),
          organization_id: String(b.organization_id ?? ''),
          device_callsign: String(b.device_callsign ?? ''),
          device_model_key: String(b.device_model_key ?? ''),
        };
        const code = req.sn ? deps.bindings.bind(req, deps.now()) : REQUEST_RESULT.bindRefused;
        if (code === 0) deps.onBound?.(req.sn, req.device_callsign);
        return { sn: req.sn, err_code: code };
      });
      return { result: REQUEST_RESULT.ok, output: { err_infos } };
    },
    storage_config_get: () => unsupported('storage_config_get: Outpost has no media storage configured yet (object storage arrives with the media capability)'),
    flighttask_resource_get: () => unsupported('flighttask_resource_get: Outpost has no wayline files yet (missions arrive with the mission capability)'),
    flighttask_progress_get: () => unsupported('flighttask_progress_get: no flight tasks are known to Outpost yet'),
    flight_areas_get: () => ({ result: REQUEST_RESULT.ok, output: { files: [] } }),
    offline_map_get: () => unsupported('offline_map_get: Outpost has no offline map files to offer'),
  };
}

/** A request method Outpost has no answer for still gets a reply, with an error result. */
export function unknownRequestReply(method: string): unknown {
  return unsupported(`${method}: not supported by Outpost`);
}

function unsupported(message: string): unknown {
  return { result: REQUEST_RESULT.unsupported, output: { status: 'failed', message } };
}
