import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { createDeviceAuth } from '../../../electron/core/link/auth';
import { createEmbeddedLink } from '../../../electron/core/link/embedded';
import { createRemoteLink } from '../../../electron/core/link/remote';
import type { InboundMessage } from '../../../electron/core/link/types';
import { Counters } from '../../../electron/core/util/counters';
import { waitFor } from './helpers';

const DOCK = '7CTDM3D00BVY4D';

// Mosquitto 2.0 grants every SUBACK on MQTT 3.1.1 and filters at delivery, so the refusal path is
// exercised against our own broker, which answers 0x80 per refused filter.
describe('remote link: uplink filters refused by the broker ACL', () => {
  it('reports and counts the refused filters, stays up, and the granted ones still flow', async () => {
    const auth = createDeviceAuth({
      credentials: () => ({ username: 'dock', password: 'dock-pass' }),
      childrenOf: () => [],
      extraPrincipals: [{ username: 'limited', password: 'limited-pass', publish: [], subscribe: ['thing/product/+/osd'] }],
    });
    const broker = createEmbeddedLink({ mqttPort: 0, host: '127.0.0.1', auth });
    await broker.start();
    const url = `mqtt://127.0.0.1:${broker.ports().mqtt}`;
    const counters = new Counters();
    const link = createRemoteLink({ url, username: 'limited', password: 'limited-pass', counters, backoff: { initialMs: 50, maxMs: 100, factor: 2 } });
    await link.start();
    expect(link.status().state).toBe('up');
    expect(link.status().detail).toContain('refused: thing/product/+/state');
    expect(counters.get('link.remote_subscribe_refused')).toBe(7);

    const d = await connectAsync(url, { clientId: DOCK, username: 'dock', password: 'dock-pass', reconnectPeriod: 0 });
    const got = waitFor<InboundMessage>(link.onMessage, () => true, 'osd through the remote link');
    await d.publishAsync(`thing/product/${DOCK}/osd`, '{"ok":1}', { qos: 1 });
    expect((await got).payload.toString()).toBe('{"ok":1}');
    await d.endAsync(true);
    await link.stop();
    await broker.stop();
  });
});
