import { describe, expect, it } from 'vitest';
import { decode, topics, type DecodeResult, type Message } from '../../../shared/protocol';

const GW = 'GW0001';
const env = (extra: Record<string, unknown>) => JSON.stringify({ tid: 't-1', bid: 'b-1', timestamp: 1700000000000, ...extra });
const errorOf = (r: DecodeResult) => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.message)}`);
  return r.error;
};
const messageOf = (r: DecodeResult): Message => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.message;
};

describe('decode errors', () => {
  it('oversize: bytes and strings over the limit', () => {
    const big = new Uint8Array(300 * 1024);
    expect(errorOf(decode(topics.osd(GW), big)).code).toBe('oversize');
    const e = errorOf(decode(topics.osd(GW), env({ data: { x: 'é'.repeat(60) } }), { maxBytes: 100 }));
    expect(e.code).toBe('oversize');
    expect(e.reason).toMatch(/limit is 100/);
    // multi-byte text near the limit is measured in UTF-8 bytes, not characters
    expect(errorOf(decode(topics.osd(GW), `{"a":"${'é'.repeat(40)}"}`, { maxBytes: 60 })).code).toBe('oversize');
  });

  it('bad_topic', () => {
    const e = errorOf(decode('thing/product/GW/telemetry', env({ data: {} })));
    expect(e).toMatchObject({ code: 'bad_topic', topic: 'thing/product/GW/telemetry' });
  });

  it('malformed_json: not JSON, and JSON that is not an object', () => {
    expect(errorOf(decode(topics.osd(GW), '{"tid":')).code).toBe('malformed_json');
    expect(errorOf(decode(topics.osd(GW), new TextEncoder().encode('[1,2]'))).reason).toMatch(/expected a JSON object, got array/);
    expect(errorOf(decode(topics.osd(GW), 'null')).code).toBe('malformed_json');
  });

  it('bad_envelope names the field', () => {
    const e = errorOf(decode(topics.osd(GW), JSON.stringify({ tid: 5, bid: 'b', timestamp: 1, data: {} })));
    expect(e.code).toBe('bad_envelope');
    expect(e.reason).toBe('tid: expected string, got number');
    expect(errorOf(decode(topics.osd(GW), JSON.stringify({ bid: 'b', timestamp: 1, data: {} }))).reason).toMatch(/^tid: expected string, got nothing/);
    expect(errorOf(decode(topics.osd(GW), JSON.stringify({ tid: 't', bid: 'b', timestamp: 1 }))).reason).toBe('data: required');
    expect(errorOf(decode(topics.events(GW), env({ data: {} }))).reason).toBe('method: required on events messages');
  });

  it('unknown_method carries the parsed envelope so the engine can still answer', () => {
    const e = errorOf(decode(topics.requests(GW), env({ method: 'teleport', data: {} })));
    expect(e.code).toBe('unknown_method');
    expect(e.reason).toMatch(/"teleport"/);
    expect(e.envelope).toMatchObject({ tid: 't-1', bid: 'b-1', method: 'teleport' });
    expect(e).toMatchObject({ sn: GW, family: 'requests' });
    // A method of another family is unknown here: hms is an event, not a request.
    expect(errorOf(decode(topics.requests(GW), env({ method: 'hms', data: { list: [] } }))).code).toBe('unknown_method');
  });

  it('invalid_data names the path and the expected type', () => {
    const osd = errorOf(decode(topics.osd(GW), env({ data: { latitude: '22.5' } })));
    expect(osd).toMatchObject({ code: 'invalid_data', reason: 'data.latitude: expected number, got string' });
    const nested = errorOf(decode(topics.osd(GW), env({ data: { battery: { batteries: [{ index: 0 }, { index: '1' }] } } })));
    expect(nested.reason).toBe('data.battery.batteries[1].index: expected number, got string');
    const hms = errorOf(decode(topics.events(GW), env({ method: 'hms', data: { list: [{ level: 'high' }] } })));
    expect(hms.code).toBe('invalid_data');
    expect(hms.reason).toMatch(/^hms: data\.list\[0\]\.level: expected number, got string/);
    expect(hms.envelope?.method).toBe('hms');
    const bind = errorOf(decode(topics.requests(GW), env({ method: 'airport_organization_bind', data: { bind_devices: [{ sn: 1 }] } })));
    expect(bind.reason).toMatch(/data\.bind_devices\[0\]\.device_binding_code: expected string, got nothing \(missing\)/);
    const reply = errorOf(decode(topics.servicesReply(GW), env({ method: 'cover_open', data: { result: 'ok' } })));
    expect(reply.reason).toBe('cover_open: data.result: expected number, got string');
    const generic = errorOf(decode(topics.events(GW), env({ method: 'flighttask_progress', data: 42 })));
    expect(generic.reason).toBe('flighttask_progress: data: expected object, got number');
  });

  it('never throws on hostile input', () => {
    const inputs = ['', '{', '"x"', '1e999', '{"__proto__":{"x":1},"tid":"a","bid":"b","timestamp":1,"data":{}}', new Uint8Array([0xff, 0xfe, 0x00])];
    for (const p of inputs) expect(() => decode(topics.osd(GW), p)).not.toThrow();
  });
});

describe('decode messages', () => {
  it('update_topo: domain/type/sub_type normalised to numbers from strings or ints', () => {
    const data = {
      domain: '3', type: 2, sub_type: '0', device_secret: 's', nonce: 'n', thing_version: '1.2',
      sub_devices: [{ sn: 'AC1', domain: '0', type: '91', sub_type: 1, index: 'A' }],
    };
    const m = messageOf(decode(topics.status(GW), env({ method: 'update_topo', data })));
    expect(m.family).toBe('status');
    if (m.family !== 'status') return;
    expect(m.data).toMatchObject({ domain: 3, type: 2, sub_type: 0, sub_devices: [{ sn: 'AC1', domain: 0, type: 91, sub_type: 1, index: 'A' }] });
    expect(m.envelope.data).toBe(m.data);
  });

  it('update_topo: empty sub_devices (aircraft off) is valid; a non-numeric code is not', () => {
    const ok = messageOf(decode(topics.status(GW), env({ method: 'update_topo', data: { domain: 3, type: 1, sub_type: 0, sub_devices: [] } })));
    expect(ok.data).toMatchObject({ sub_devices: [] });
    const bad = errorOf(decode(topics.status(GW), env({ method: 'update_topo', data: { domain: 'dock', type: 1, sub_type: 0, sub_devices: [] } })));
    expect(bad.code).toBe('invalid_data');
    expect(bad.reason).toMatch(/data\.domain: /);
  });

  it('events: need_reply 1 → needReply true; hms flags normalised', () => {
    const list = [{ level: 2, module: 3, in_the_sky: true, code: '0x16100083', device_type: '0-67-0', imminent: 0, args: { component_index: 0, sensor_index: 1 } }];
    const m = messageOf(decode(topics.events(GW), env({ method: 'hms', need_reply: 1, data: { list } })));
    expect(m).toMatchObject({ family: 'events', method: 'hms', needReply: true, sn: GW });
    expect(m.data).toMatchObject({ list: [{ in_the_sky: 1 }] });
    const n = messageOf(decode(topics.events(GW), env({ method: 'file_upload_callback', data: { file: {} } })));
    expect(n).toMatchObject({ needReply: false });
  });

  it('osd: keeps unknown fields and payload-index objects, validates payload fields', () => {
    const data = { mode_code: 3, brand_new_field: 'x', '39-0-7': { gimbal_pitch: -90, something: 1 } };
    const m = messageOf(decode(topics.osd('AC1'), new TextEncoder().encode(env({ data }))));
    expect(m).toMatchObject({ family: 'osd', sn: 'AC1', data });
    const bad = errorOf(decode(topics.osd('AC1'), env({ data: { '39-0-7': { gimbal_pitch: 'down' } } })));
    expect(bad.reason).toBe('data.39-0-7.gimbal_pitch: expected number, got string');
  });

  it('requests the engine answers decode to typed data', () => {
    const cases: [string, unknown][] = [
      ['config', { config_type: 'json', config_scope: 'product' }],
      ['airport_bind_status', { devices: [{ sn: 'D' }, { sn: 'A' }] }],
      ['airport_organization_get', { device_binding_code: 'c', organization_id: 'o' }],
      ['airport_organization_bind', { bind_devices: [{ device_binding_code: 'c', organization_id: 'o', device_callsign: 'x', sn: 'D', device_model_key: '3-2-0' }] }],
      ['storage_config_get', { module: 0 }],
      ['flighttask_resource_get', { flight_id: 'f' }],
    ];
    for (const [method, data] of cases) {
      const m = messageOf(decode(topics.requests(GW), env({ method, data, gateway: GW })));
      expect(m).toMatchObject({ family: 'requests', method, data });
    }
    expect(errorOf(decode(topics.requests(GW), env({ method: 'storage_config_get', data: { module: '0' } }))).code).toBe('invalid_data');
  });

  it('services_reply: result number with optional output', () => {
    const m = messageOf(decode(topics.servicesReply(GW), env({ method: 'cover_open', data: { result: 0, output: { status: 'in_progress' } } })));
    expect(m).toMatchObject({ family: 'services_reply', method: 'cover_open', data: { result: 0, output: { status: 'in_progress' } } });
  });

  it('drc/up without tid/bid/timestamp (as DJI documents) decodes with seq', () => {
    const m = messageOf(decode(topics.drcUp(GW), JSON.stringify({ method: 'osd_info_push', seq: 7, data: { height: 10 } })));
    expect(m).toMatchObject({ family: 'drc/up', method: 'osd_info_push', seq: 7, envelope: { tid: '', bid: '', timestamp: 0 } });
  });

  it('cloud-sent families decode too (simulator side)', () => {
    expect(messageOf(decode(topics.services(GW), env({ method: 'return_home', data: null }))).family).toBe('services');
    expect(messageOf(decode(topics.propertySet(GW), env({ data: { height_limit: 120 } }))).family).toBe('property/set');
    expect(messageOf(decode(topics.statusReply(GW), env({ method: 'update_topo', data: { result: 0 } }))).family).toBe('status_reply');
    expect(messageOf(decode(topics.drcDown(GW), JSON.stringify({ method: 'stick_control', seq: 1, data: { roll: 1024 } }))).family).toBe('drc/down');
    // cover_open is documented with data null (parameterless); live_start_push is not
    expect(messageOf(decode(topics.services(GW), env({ method: 'cover_open', data: null }))).data).toBeNull();
    expect(errorOf(decode(topics.services(GW), env({ method: 'live_start_push', data: null }))).code).toBe('invalid_data');
  });
});
