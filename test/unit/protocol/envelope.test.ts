import { describe, expect, it } from 'vitest';
import { decode, encode, makeEnvelope, replyEnvelope, topics } from '../../../shared/protocol';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('makeEnvelope', () => {
  it('fills fresh uuid v4 tid/bid and the timestamp', () => {
    const env = makeEnvelope({ method: 'cover_open', data: {}, timestamp: 1700000000000 });
    expect(env.tid).toMatch(UUID_V4);
    expect(env.bid).toMatch(UUID_V4);
    expect(env.tid).not.toBe(env.bid);
    expect(env).toMatchObject({ method: 'cover_open', data: {}, timestamp: 1700000000000 });
    expect('gateway' in env).toBe(false);
  });

  it('keeps a given bid (a long operation spans several tids)', () => {
    const env = makeEnvelope({ data: { flight_id: 'f1' }, bid: 'f1', seq: 3, gateway: 'GW' });
    expect(env).toMatchObject({ bid: 'f1', seq: 3, gateway: 'GW' });
  });
});

describe('replyEnvelope', () => {
  it('echoes tid AND bid and the method, and the gateway', () => {
    const req = makeEnvelope({ method: 'update_topo', data: {}, tid: 't-1', bid: 'b-1', gateway: 'GW', timestamp: 1 });
    const reply = replyEnvelope(req, 'update_topo', { result: 0 }, { timestamp: 2 });
    expect(reply).toEqual({ tid: 't-1', bid: 'b-1', timestamp: 2, method: 'update_topo', gateway: 'GW', data: { result: 0 } });
  });

  it('encodes to JSON that decodes on the reply topic', () => {
    const req = makeEnvelope({ method: 'airport_bind_status', data: { devices: [] }, tid: 't', bid: 'b', timestamp: 5 });
    const text = encode(replyEnvelope(req, 'airport_bind_status', { result: 0, output: { bind_status: [] } }, { timestamp: 6 }));
    const r = decode(topics.requestsReply('GW'), text);
    expect(r.ok && r.message.envelope).toMatchObject({ tid: 't', bid: 'b', method: 'airport_bind_status' });
  });
});
