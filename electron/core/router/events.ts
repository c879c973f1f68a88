/**
 * thing/product/{gateway}/events: hms → readable alerts on the right device;
 * every event with need_reply: 1 gets an events_reply {result: 0} (SUMMARY.md §6).
 */
import type { HmsEntry } from '../../../shared/model/device';
import type { EventsMessage } from '../../../shared/protocol/types';
import { hmsText, topics } from '../../../shared/protocol';
import type { RouterDeps } from './deps';
import { sendReply } from './reply';

interface HmsWire {
  readonly level: number;
  readonly module: number;
  readonly in_the_sky: number;
  readonly code: string;
  readonly device_type?: string;
  readonly imminent?: number;
  readonly args?: { readonly component_index?: number; readonly sensor_index?: number };
}

export function handleEvents(deps: RouterDeps, msg: EventsMessage): void {
  const at = deps.clock.now();
  deps.shadow.touch(msg.sn, at);
  if (msg.method === 'hms') applyHms(deps, msg.sn, (msg.data as { list?: readonly HmsWire[] }).list ?? [], at);
  else deps.persist.saveEvent(msg.sn, msg.method, msg.data, at);
  if (msg.needReply) sendReply(deps, topics.eventsReply(msg.sn), msg.envelope, msg.method, { result: 0 }, 'replies.events');
  deps.onEvent?.(msg.sn, msg.method, msg.data);
}

function applyHms(deps: RouterDeps, gateway: string, list: readonly HmsWire[], at: number): void {
  const children = deps.shadow.childrenOf(gateway);
  const byDevice = new Map<string, HmsEntry[]>([[gateway, []], ...children.map((c): [string, HmsEntry[]] => [c, []])]);
  for (const h of list) {
    // device_type is a model key ("0-91-1"); domain 0 = the aircraft (enums.md §1).
    const target = h.device_type?.startsWith('0-') && children[0] ? children[0] : gateway;
    const entry: HmsEntry = {
      code: h.code,
      level: h.level,
      module: h.module,
      inTheSky: h.in_the_sky === 1,
      text: hmsText(h.code, { inTheSky: h.in_the_sky === 1, ...(h.device_type ? { deviceType: h.device_type } : {}), ...(h.args ? { args: h.args } : {}) }),
      receivedAt: at,
      ...(h.args ? { args: h.args } : {}),
    };
    byDevice.get(target)?.push(entry);
  }
  for (const [sn, entries] of byDevice) {
    deps.shadow.applyHms(sn, entries, at);
    if (entries.length > 0) deps.persist.saveHms(sn, entries);
  }
  deps.counters.inc('hms.alerts', list.length);
}
