/** Per-device counters summarised: messages sent by kind, replies received, calls left unanswered. */
import type { Counters } from '../util/counters';

export interface SimStats {
  /** Up-link messages by kind: osd, state, requests, status, events, services_reply, property_set_reply. */
  readonly sent: Readonly<Record<string, number>>;
  /** Down-link messages by family: services, property/set, requests_reply, status_reply, events_reply, bad_message, unmatched_reply. */
  readonly received: Readonly<Record<string, number>>;
  readonly repliesReceived: number;
  readonly requestsUnanswered: number;
  readonly topoUnanswered: number;
  readonly eventsUnanswered: number;
  readonly publishErrors: number;
  readonly connects: number;
}

export function toStats(c: Counters): SimStats {
  const snap = c.snapshot();
  const sent: Record<string, number> = {};
  const received: Record<string, number> = {};
  for (const [k, v] of Object.entries(snap)) {
    if (k.startsWith('sent.')) sent[k.slice(5)] = v;
    else if (k.startsWith('received.')) received[k.slice(9)] = v;
  }
  return {
    sent,
    received,
    repliesReceived: c.get('received.requests_reply') + c.get('received.status_reply') + c.get('received.events_reply'),
    requestsUnanswered: c.get('unanswered.requests'),
    topoUnanswered: c.get('unanswered.status'),
    eventsUnanswered: c.get('unanswered.events'),
    publishErrors: c.get('publish_errors'),
    connects: c.get('link.connects'),
  };
}
