/**
 * Palette / gain / isotherm through property/set on the payload-index object
 * (`{"81-0-0": {"thermal_current_palette_style": 1}}`, aircraft properties pages "Device Property Set").
 * The engine does not route property/set_reply to features, so success is the aircraft OSD showing the new values.
 */
import type { ThermalSetRequest } from '../../../shared/ipc/payload';
import { encode, makeEnvelope, topics } from '../../../shared/protocol';
import { PAYLOAD_INDEX_RE, readPayload, validateThermal, type ThermalSettings } from '../../../shared/protocol/payload';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Shadow } from '../shadow/shadow';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';

export interface ThermalDeps {
  readonly shadow: Shadow;
  readonly publish: (topic: string, payload: string, qos?: 0 | 1) => Promise<void>;
  readonly clock: Clock;
  readonly counters: Counters;
  readonly confirmTimeoutMs?: number;
}

export async function setThermal(d: ThermalDeps, req: ThermalSetRequest): Promise<Result<ThermalSettings>> {
  const dev = d.shadow.get(req.sn);
  if (!dev) return err(appError('unknown_device', `thermal settings: no device ${req.sn} is known`));
  if (!PAYLOAD_INDEX_RE.test(req.payloadIndex)) return err(appError('out_of_range', `payloadIndex must be a payload index like "39-0-7" (got "${req.payloadIndex}")`));
  const gateway = d.shadow.gatewayOf(req.sn);
  const aircraft = dev.gateway ? dev.sn : d.shadow.childrenOf(gateway)[0] ?? req.sn;
  const current = () => readPayload(d.shadow.get(aircraft)?.groups.camera?.fields ?? {}, req.payloadIndex).gimbal as ThermalSettings;
  const valid = validateThermal(req.settings, current());
  if (!valid.ok) {
    d.counters.inc('payload.refused');
    return valid;
  }
  const applied = (): boolean => {
    const now = current() as Record<string, unknown>;
    return Object.entries(valid.value).every(([k, v]) => now[k] === v);
  };
  const timeoutMs = d.confirmTimeoutMs ?? 10_000;
  let off: () => void = () => {};
  const confirmed = new Promise<boolean>((resolve) => {
    const timer = d.clock.setTimeout(() => (off(), resolve(false)), timeoutMs);
    off = d.shadow.onChange((p) => {
      if (p.sn !== aircraft || !p.groups?.camera || !applied()) return;
      d.clock.clearTimeout(timer);
      off();
      resolve(true);
    });
  });
  const env = makeEnvelope({ data: { [req.payloadIndex]: valid.value }, timestamp: d.clock.now() });
  try {
    await d.publish(topics.propertySet(gateway), encode(env), 1);
  } catch (e) {
    off();
    return err(appError('publish_failed', `property/set to ${gateway}: could not publish (${String(e)})`));
  }
  d.counters.inc('payload.property_set');
  if (await confirmed) return ok(valid.value);
  return err(appError('timeout', `property/set to ${gateway}: the aircraft did not report the new thermal settings within ${timeoutMs} ms`));
}
