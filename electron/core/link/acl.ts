/** Pure topic-ACL decisions for the embedded broker: device SN binding and explicit allow-lists. */

/**
 * DJI device topics carry the SN in the third level: `thing/product/{sn}/…` and
 * `sys/product/{sn}/…` (Cloud API "Topic Definition" page; see shared/protocol/SUMMARY.md §4.1).
 */
const SN_ROOTS: ReadonlySet<string> = new Set(['thing', 'sys']);

/** DJI serial numbers are upper-case alphanumerics, 14 (dock/RC) to 20 (aircraft) characters. */
const SN_PATTERN = /^[0-9A-Z]{8,32}$/;

export type AclOp = 'publish' | 'subscribe';

export type AclDecision =
  | { readonly allow: true; readonly bind?: string }
  | { readonly allow: false; readonly reason: string };

export interface DeviceAclInput {
  readonly op: AclOp;
  /** Topic (publish) or topic filter (subscribe). */
  readonly topic: string;
  /** The gateway SN this client is bound to, or null before its first device topic. */
  readonly bound: string | null;
  /** Sub-devices of the bound gateway (shadow topology ∪ the client's own update_topo). */
  readonly children: readonly string[];
}

export interface AllowList {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

export function looksLikeSn(id: string): boolean {
  return SN_PATTERN.test(id);
}

/** The SN level of a device topic (may be a wildcard when it is a filter), or null when the topic is not a device topic. */
export function snLevelOf(topic: string): string | null {
  const levels = topic.split('/');
  if (levels.length < 4) return null;
  const [root, product, sn] = levels;
  if (root === undefined || !SN_ROOTS.has(root) || product !== 'product' || sn === undefined || sn === '') return null;
  return sn;
}

function hasWildcard(s: string): boolean {
  return s.includes('+') || s.includes('#');
}

/** The device rule: one gateway SN per client, plus that gateway's children; no wildcard SN, no foreign topics. */
export function decideDevice(input: DeviceAclInput): AclDecision {
  const { op, topic, bound, children } = input;
  if (topic.startsWith('$')) return { allow: false, reason: 'reserved_topic' };
  const sn = snLevelOf(topic);
  if (sn === null) {
    // `#` or `+/…` also land here: the SN level is absent or not a device topic at all.
    return { allow: false, reason: hasWildcard(topic) ? 'wildcard_sn' : 'not_a_device_topic' };
  }
  if (hasWildcard(sn)) return { allow: false, reason: 'wildcard_sn' };
  if (bound === null) {
    // The first device topic a client uses names its gateway (Pilot 2 may use a non-SN client id).
    return { allow: true, bind: sn };
  }
  if (sn === bound || children.includes(sn)) return { allow: true };
  return { allow: false, reason: op === 'publish' ? 'foreign_sn_publish' : 'foreign_sn_subscribe' };
}

/** MQTT filter matching (`+` one level, `#` the rest, incl. the parent level) per MQTT 3.1.1 §4.7. */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') !== filter.startsWith('$')) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    const level = f[i];
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * An explicit allow-list (short-lived DRC principals): publish to a topic matched by an entry;
 * subscribe to a filter listed verbatim, or to a concrete topic an entry matches.
 */
export function decideAllowList(op: AclOp, topic: string, allow: AllowList): AclDecision {
  if (op === 'publish') {
    return allow.publish.some((f) => topicMatches(f, topic)) ? { allow: true } : { allow: false, reason: 'not_in_allow_list' };
  }
  if (allow.subscribe.includes(topic)) return { allow: true };
  if (!hasWildcard(topic) && allow.subscribe.some((f) => topicMatches(f, topic))) return { allow: true };
  return { allow: false, reason: 'not_in_allow_list' };
}

/** `sub_devices[].sn` of an `update_topo` on the gateway's own status topic, or null when it is not one. */
export function subDevicesOfUpdateTopo(payload: Buffer): readonly string[] | null {
  let msg: unknown;
  try {
    msg = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof msg !== 'object' || msg === null) return null;
  const { method, data } = msg as { method?: unknown; data?: unknown };
  if (method !== 'update_topo' || typeof data !== 'object' || data === null) return null;
  const subs = (data as { sub_devices?: unknown }).sub_devices;
  if (!Array.isArray(subs)) return [];
  return subs
    .map((d: unknown) => (typeof d === 'object' && d !== null ? (d as { sn?: unknown }).sn : undefined))
    .filter((sn): sn is string => typeof sn === 'string' && sn.length > 0);
}
