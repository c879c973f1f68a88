/** Publishing a reply that echoes the request's tid and bid (SUMMARY.md §6). */
import type { Envelope } from '../../../shared/protocol/types';
import { encode, replyEnvelope } from '../../../shared/protocol';
import type { RouterDeps } from './deps';

export function sendReply(deps: RouterDeps, topic: string, request: Envelope, method: string, data: unknown, counter: string): void {
  const env = replyEnvelope(request, method, data, { timestamp: deps.clock.now() });
  deps.publish(topic, encode(env)).then(
    () => deps.counters.inc(counter),
    (e: unknown) => {
      deps.counters.inc('replies.publish_failed');
      deps.logger.warn('reply not published', { topic, method, error: String(e) });
    },
  );
}
