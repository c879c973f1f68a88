import { describe, expect, it } from 'vitest';
import { parseTopic, replyTopicOf, topics, UPLINK_SUBSCRIPTIONS } from '../../../shared/protocol';

describe('parseTopic', () => {
  it('parses every thing/product family', () => {
    const families = ['osd', 'state', 'state_reply', 'services', 'services_reply', 'events', 'events_reply', 'requests', 'requests_reply', 'property/set', 'property/set_reply', 'drc/up', 'drc/down'];
    for (const family of families) {
      expect(parseTopic(`thing/product/SN1/${family}`)).toEqual({ family, root: 'thing', sn: 'SN1' });
    }
  });

  it('parses sys/product status and status_reply only', () => {
    expect(parseTopic('sys/product/GW9/status')).toEqual({ family: 'status', root: 'sys', sn: 'GW9' });
    expect(parseTopic('sys/product/GW9/status_reply')).toEqual({ family: 'status_reply', root: 'sys', sn: 'GW9' });
    expect(parseTopic('sys/product/GW9/osd')).toBeNull();
    expect(parseTopic('thing/product/GW9/status')).toBeNull();
  });

  it('rejects foreign, empty-sn, wildcard and extra-segment topics', () => {
    for (const t of ['', 'thing/product', 'thing/product//osd', 'thing/product/+/osd', 'thing/product/#', 'thing/product/a/b/osd', 'thing/product/SN/osd/x', 'foo/product/SN/osd', 'thing/product/SN/drc']) {
      expect(parseTopic(t), t).toBeNull();
    }
  });
});

describe('topic builders', () => {
  it('build the DJI topics and round-trip through parseTopic', () => {
    const sn = 'DOCK-1';
    const built = {
      osd: topics.osd(sn), state: topics.state(sn), state_reply: topics.stateReply(sn),
      services: topics.services(sn), services_reply: topics.servicesReply(sn),
      events: topics.events(sn), events_reply: topics.eventsReply(sn),
      requests: topics.requests(sn), requests_reply: topics.requestsReply(sn),
      'property/set': topics.propertySet(sn), 'property/set_reply': topics.propertySetReply(sn),
      'drc/up': topics.drcUp(sn), 'drc/down': topics.drcDown(sn),
      status: topics.status(sn), status_reply: topics.statusReply(sn),
    };
    expect(built.status).toBe('sys/product/DOCK-1/status');
    expect(built['drc/down']).toBe('thing/product/DOCK-1/drc/down');
    for (const [family, topic] of Object.entries(built)) expect(parseTopic(topic)?.family).toBe(family);
  });

  it('replyTopicOf appends _reply on the same root', () => {
    expect(replyTopicOf(parseTopic('sys/product/G/status')!)).toBe('sys/product/G/status_reply');
    expect(replyTopicOf(parseTopic('thing/product/G/requests')!)).toBe('thing/product/G/requests_reply');
  });

  it('UPLINK_SUBSCRIPTIONS covers what devices publish', () => {
    expect(UPLINK_SUBSCRIPTIONS).toEqual([
      'thing/product/+/osd', 'thing/product/+/state', 'thing/product/+/services_reply', 'thing/product/+/events',
      'thing/product/+/requests', 'thing/product/+/property/set_reply', 'thing/product/+/drc/up', 'sys/product/+/status',
    ]);
  });
});
