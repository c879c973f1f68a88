/**
 * Topic → handler dispatch: one exhaustive switch over the topic family.
 * Unknown or malformed messages are counted and logged with topic and reason, never thrown.
 */
import type { InboundMessage } from '../link/types';
import type { DecodeError, Message } from '../../../shared/protocol/types';
import { decode, DEFAULT_MAX_BYTES, parseTopic, topics } from '../../../shared/protocol';
import type { RouterDeps } from './deps';
import { handleEvents } from './events';
import { handleOsd, handleState } from './properties';
import { replyToBadRequest, handleRequests } from './requests';
import { sendReply } from './reply';
import { handleStatus, handleWill } from './status';

export class Router {
  private readonly lastLog = new Map<string, number>();

  constructor(private readonly deps: RouterDeps) {}

  handle(msg: InboundMessage): void {
    const { counters } = this.deps;
    counters.inc('messages.in');
    try {
      if (msg.payload.length === 0) {
        const t = parseTopic(msg.topic);
        if (t && t.family === 'status') return handleWill(this.deps, t.sn);
      }
      // Decode the bytes to text once: the recorder stores the same text as received.
      const text = msg.payload.byteLength <= DEFAULT_MAX_BYTES ? msg.payload.toString('utf8') : null;
      const r = decode(msg.topic, text ?? msg.payload);
      if (!r.ok) return this.rejected(r.error);
      this.dispatch(r.message, text ?? msg.payload.toString('utf8'));
    } catch (e) {
      // A handler bug must not take the engine down; count it and keep going.
      counters.inc('router.handler_error');
      this.deps.logger.error('handler failed', { topic: msg.topic, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  }

  private dispatch(m: Message, raw: string): void {
    const d = this.deps;
    switch (m.family) {
      case 'status':
        return handleStatus(d, m);
      case 'osd':
        d.counters.inc('messages.osd');
        return handleOsd(d, m, raw);
      case 'state':
        return handleState(d, m);
      case 'events':
        return handleEvents(d, m);
      case 'requests':
        return handleRequests(d, m);
      case 'services_reply':
        d.shadow.touch(m.sn, d.clock.now());
        d.caller.handleReply(m.sn, m.envelope, m.data);
        return;
      case 'property/set_reply':
        d.counters.inc('property_set.reply');
        return;
      case 'drc/up':
        d.counters.inc('drc.up');
        d.onDrcUp?.(m.sn, m.method, m.data, m.seq);
        return;
      case 'services':
      case 'events_reply':
      case 'requests_reply':
      case 'status_reply':
      case 'property/set':
      case 'drc/down':
      case 'state_reply':
        // Cloud→device families: our own publishes; a device must not send these.
        d.counters.inc('messages.downlink_ignored');
        return;
    }
  }

  private rejected(e: DecodeError): void {
    const d = this.deps;
    d.counters.inc('decode.rejected');
    d.counters.inc(`decode.${e.code}`);
    this.logThrottled(e);
    // The device still deserves an answer where one is due.
    if (e.envelope && e.sn) {
      if (e.family === 'requests') replyToBadRequest(d, e.sn, e.envelope, `${e.code}: ${e.reason}`);
      else if (e.family === 'events' && e.envelope.need_reply === 1)
        sendReply(d, topics.eventsReply(e.sn), e.envelope, e.envelope.method ?? '', { result: 0 }, 'replies.events');
    }
  }

  /** One log line per (code, topic) per 10 s, so a flood of bad messages can't flood the log. */
  private logThrottled(e: DecodeError): void {
    const key = `${e.code}|${e.topic}`;
    const now = this.deps.clock.now();
    const last = this.lastLog.get(key);
    if (last !== undefined && now - last < 10_000) return;
    if (this.lastLog.size > 10_000) this.lastLog.clear();
    this.lastLog.set(key, now);
    this.deps.logger.warn('message rejected', { topic: e.topic, code: e.code, reason: e.reason });
  }
}
