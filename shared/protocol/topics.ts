/** DJI Cloud API MQTT topics: parse and build (api-reference/…/mqtt/topic-definition). */
import type { ParsedTopic, TopicFamily } from './types';

const THING_FAMILIES: ReadonlySet<string> = new Set<TopicFamily>([
  'osd',
  'state',
  'state_reply',
  'services',
  'services_reply',
  'events',
  'events_reply',
  'requests',
  'requests_reply',
  'property/set',
  'property/set_reply',
  'drc/up',
  'drc/down',
]);
const SYS_FAMILIES: ReadonlySet<string> = new Set<TopicFamily>(['status', 'status_reply']);

/**
 * `thing/product/{sn}/{family}` or `sys/product/{sn}/{status|status_reply}` → parts, else null.
 * Hand-split rather than a regex: this runs for every message.
 */
export function parseTopic(topic: string): ParsedTopic | null {
  const isThing = topic.startsWith('thing/product/');
  if (!isThing && !topic.startsWith('sys/product/')) return null;
  const rest = topic.slice(isThing ? 14 : 12);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const sn = rest.slice(0, slash);
  const family = rest.slice(slash + 1);
  if (sn.includes('+') || sn.includes('#')) return null;
  if (isThing ? !THING_FAMILIES.has(family) : !SYS_FAMILIES.has(family)) return null;
  return { family: family as TopicFamily, root: isThing ? 'thing' : 'sys', sn };
}

const thing = (family: TopicFamily) => (sn: string) => `thing/product/${sn}/${family}`;
const sys = (family: TopicFamily) => (sn: string) => `sys/product/${sn}/${family}`;

/** Topic builders, one per family; `sn` is the device SN for osd/state, the gateway SN otherwise. */
export const topics = {
  osd: thing('osd'),
  state: thing('state'),
  stateReply: thing('state_reply'),
  services: thing('services'),
  servicesReply: thing('services_reply'),
  events: thing('events'),
  eventsReply: thing('events_reply'),
  requests: thing('requests'),
  requestsReply: thing('requests_reply'),
  propertySet: thing('property/set'),
  propertySetReply: thing('property/set_reply'),
  drcUp: thing('drc/up'),
  drcDown: thing('drc/down'),
  status: sys('status'),
  statusReply: sys('status_reply'),
} as const;

/** The reply topic of a device→cloud topic (docs: reply topic = request topic + `_reply`). */
export function replyTopicOf(topic: ParsedTopic): string {
  return `${topic.root}/product/${topic.sn}/${topic.family}_reply`;
}

/** Wildcard filters a cloud subscribes to for everything devices send up. */
export const UPLINK_SUBSCRIPTIONS: readonly string[] = [
  'thing/product/+/osd',
  'thing/product/+/state',
  'thing/product/+/services_reply',
  'thing/product/+/events',
  'thing/product/+/requests',
  'thing/product/+/property/set_reply',
  'thing/product/+/drc/up',
  'sys/product/+/status',
];
