/** Adapts the store to what the router and the shadow need written. */
import type { HmsEntry } from '../../../shared/model/device';
import type { RouterPersistence } from '../router/deps';
import type { BindingsPort } from '../services/requests';
import type { Store } from '../store/store';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import { productByKey } from '../../../shared/protocol';

export function routerPersistence(store: Store, counters: Counters, logger: Logger): RouterPersistence {
  return {
    recordOsd: (sn, t, data, raw) => {
      if (!store.recorder.record(sn, t, data, raw)) counters.inc('telemetry.rejected');
    },
    saveTopology: (gw, gwKey, children, at) => {
      store.devices.upsert({ sn: gw, modelKey: gwKey, deviceClass: productByKey(gwKey)?.deviceClass ?? 'unknown', gatewaySn: null, online: true }, at);
      for (const c of children) {
        store.devices.upsert({ sn: c.sn, modelKey: c.modelKey, deviceClass: productByKey(c.modelKey)?.deviceClass ?? 'unknown', gatewaySn: gw, online: true }, at);
      }
      store.topology.replaceChildren(gw, children.map((c) => ({ sn: c.sn, modelKey: c.modelKey, index: c.index })), at);
    },
    saveOnline: (sn, online, at) => store.devices.setOnline(sn, online, at),
    saveHms: (sn: string, entries: readonly HmsEntry[]) => {
      store.events.insertHms(sn, entries);
    },
    saveEvent: (sn, method, data, at) => {
      const r = store.events.insertEvent(sn, method, data, at);
      if (!r.ok) {
        counters.inc('events.not_stored');
        logger.warn('event not stored', { sn, method, error: r.error.message });
      }
    },
  };
}

export function bindingsPort(store: Store): BindingsPort {
  return {
    bindStatus: (sn) => store.bindings.bindStatus(sn),
    organizationName: (code, orgId) => store.bindings.organizationByCode(code, orgId || undefined)?.name ?? null,
    bind: (req, at) => {
      const r = store.bindings.bind(req, at);
      return r.ok ? 0 : r.err_code;
    },
  };
}
