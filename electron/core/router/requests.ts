/** thing/product/{gateway}/requests: every method gets a requests_reply (known or not). */
import type { Envelope, RequestsMessage } from '../../../shared/protocol/types';
import { topics } from '../../../shared/protocol';
import { unknownRequestReply } from '../services/requests';
import type { RouterDeps } from './deps';
import { sendReply } from './reply';

export function handleRequests(deps: RouterDeps, msg: RequestsMessage): void {
  deps.shadow.touch(msg.sn, deps.clock.now());
  const handler = deps.requestHandlers[msg.method];
  let data: unknown;
  try {
    data = handler ? handler(msg.sn, (msg.data ?? {}) as Record<string, unknown>) : unknownRequestReply(msg.method);
  } catch (e) {
    deps.counters.inc('requests.handler_error');
    deps.logger.error('request handler failed', { method: msg.method, sn: msg.sn, error: String(e) });
    data = { result: 1, output: { status: 'failed', message: `${msg.method}: internal error in Outpost` } };
  }
  deps.counters.inc(`requests.${msg.method}`);
  sendReply(deps, topics.requestsReply(msg.sn), msg.envelope, msg.method, data, 'replies.requests');
}

/** A requests message that failed validation still gets an answer, with an error result. */
export function replyToBadRequest(deps: RouterDeps, gateway: string, env: Envelope, reason: string): void {
  const method = env.method ?? '';
  sendReply(deps, topics.requestsReply(gateway), env, method, { result: 2, output: { status: 'failed', message: reason } }, 'replies.requests');
}
