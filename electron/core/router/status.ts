/** sys/product/{gateway}/status: update_topo → shadow topology + status_reply {result: 0}. */
import type { StatusMessage } from '../../../shared/protocol/types';
import { modelKey, topics } from '../../../shared/protocol';
import type { RouterDeps } from './deps';
import { sendReply } from './reply';

export function handleStatus(deps: RouterDeps, msg: StatusMessage): void {
  const at = deps.clock.now();
  const topo = msg.data;
  deps.shadow.applyTopo(msg.sn, topo, at);
  deps.persist.saveTopology(
    msg.sn,
    modelKey(topo.domain, topo.type, topo.sub_type),
    topo.sub_devices.map((s) => ({ sn: s.sn, modelKey: modelKey(s.domain, s.type, s.sub_type), index: s.index })),
    at,
  );
  sendReply(deps, topics.statusReply(msg.sn), msg.envelope, 'update_topo', { result: 0 }, 'replies.status');
}

/** An empty payload on the status topic is the device's MQTT will: the gateway is gone. */
export function handleWill(deps: RouterDeps, gatewaySn: string): void {
  deps.counters.inc('offline.will');
  deps.logger.info('will message: gateway offline', { sn: gatewaySn });
  deps.shadow.markGatewayOffline(gatewaySn, 'will');
}
