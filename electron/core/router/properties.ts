/** thing/product/{sn}/osd and /state → shadow groups; every OSD message is recorded. */
import type { OsdMessage, StateMessage } from '../../../shared/protocol/types';
import { topics } from '../../../shared/protocol';
import type { RouterDeps } from './deps';
import { sendReply } from './reply';

export function handleOsd(deps: RouterDeps, msg: OsdMessage, raw: string): void {
  const at = deps.clock.now();
  deps.shadow.applyProperties(msg.sn, msg.data, 'osd', at);
  deps.persist.recordOsd(msg.sn, msg.envelope.timestamp || at, msg.data, raw);
}

export function handleState(deps: RouterDeps, msg: StateMessage): void {
  deps.shadow.applyProperties(msg.sn, msg.data, 'state', deps.clock.now());
  // The demo answers state messages that ask for it on state_reply (SUMMARY.md §4.2).
  if (msg.envelope.need_reply === 1) sendReply(deps, topics.stateReply(msg.sn), msg.envelope, msg.envelope.method ?? '', { result: 0 }, 'replies.state');
}
