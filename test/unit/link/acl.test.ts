import { describe, expect, it } from 'vitest';
import {
  decideAllowList,
  decideDevice,
  looksLikeSn,
  snLevelOf,
  subDevicesOfUpdateTopo,
  topicMatches,
  type AclOp,
} from '../../../electron/core/link/acl';

const DOCK = '7CTDM3D00BVY4D';
const DRONE = '1581F6Q8D243100BQ2R8';
const OTHER = '4TADKAQ000002H';

describe('decideDevice', () => {
  type Row = readonly [AclOp, string, string | null, readonly string[], true | string, string?];
  const table: readonly Row[] = [
    // op, topic, bound, children, allow (true) or refusal reason, expected bind
    ['publish', `thing/product/${DOCK}/osd`, DOCK, [], true],
    ['publish', `sys/product/${DOCK}/status`, DOCK, [], true],
    ['publish', `thing/product/${DRONE}/osd`, DOCK, [DRONE], true],
    ['publish', `thing/product/${DRONE}/osd`, DOCK, [], 'foreign_sn_publish'],
    ['publish', `thing/product/${OTHER}/osd`, DOCK, [DRONE], 'foreign_sn_publish'],
    ['subscribe', `thing/product/${DOCK}/services`, DOCK, [], true],
    ['subscribe', `thing/product/${DOCK}/#`, DOCK, [], true],
    ['subscribe', `thing/product/${OTHER}/services`, DOCK, [], 'foreign_sn_subscribe'],
    ['subscribe', 'thing/product/+/services', DOCK, [], 'wildcard_sn'],
    ['subscribe', '#', DOCK, [], 'wildcard_sn'],
    ['subscribe', 'thing/#', DOCK, [], 'wildcard_sn'],
    ['subscribe', '+/product/X/osd', DOCK, [], 'wildcard_sn'],
    ['subscribe', 'thing/product/#', null, [], 'wildcard_sn'],
    ['publish', 'foo/bar', DOCK, [], 'not_a_device_topic'],
    ['publish', 'thing/other/X/osd', DOCK, [], 'not_a_device_topic'],
    ['publish', '$SYS/broker/x', DOCK, [], 'reserved_topic'],
    ['publish', `thing/product/${DOCK}/osd`, null, [], true, DOCK],
    ['publish', `sys/product/${OTHER}/status`, null, [], true, OTHER],
    ['subscribe', `thing/product/${DOCK}/services`, null, [], true, DOCK],
  ];

  it.each(table.map((r) => ({ r })))('$r.0 $r.1 (bound $r.2, children $r.3) → $r.4', ({ r }) => {
    const [op, topic, bound, children, expected, bind] = r;
    const d = decideDevice({ op, topic, bound, children });
    if (expected === true) {
      expect(d).toEqual(bind === undefined ? { allow: true } : { allow: true, bind });
    } else {
      expect(d).toEqual({ allow: false, reason: expected });
    }
  });
});

describe('topic helpers', () => {
  it('looksLikeSn accepts DJI serials and refuses other client ids', () => {
    expect(looksLikeSn(DOCK)).toBe(true);
    expect(looksLikeSn(DRONE)).toBe(true);
    expect(looksLikeSn('mqttjs_1a2b3c')).toBe(false);
    expect(looksLikeSn('pilot-2')).toBe(false);
    expect(looksLikeSn('ABC')).toBe(false);
  });

  it('snLevelOf finds the SN level of device topics only', () => {
    expect(snLevelOf(`thing/product/${DOCK}/osd`)).toBe(DOCK);
    expect(snLevelOf(`thing/product/${DOCK}/property/set`)).toBe(DOCK);
    expect(snLevelOf('thing/product/+/osd')).toBe('+');
    expect(snLevelOf(`thing/product/${DOCK}`)).toBeNull();
    expect(snLevelOf('a/b/c/d')).toBeNull();
  });

  it('topicMatches follows MQTT wildcard rules', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).toBe(true);
    expect(topicMatches('a/+/c', 'a/b/d')).toBe(false);
    expect(topicMatches('a/#', 'a')).toBe(true);
    expect(topicMatches('a/#', 'a/b/c')).toBe(true);
    expect(topicMatches('a/b', 'a/b/c')).toBe(false);
    expect(topicMatches('#', '$SYS/x')).toBe(false);
    expect(topicMatches('a/b/c', 'a/b')).toBe(false);
  });
});

describe('decideAllowList (DRC principal)', () => {
  const allow = { publish: [`thing/product/${DOCK}/drc/up`], subscribe: [`thing/product/${DOCK}/drc/down`] };
  it('allows exactly the listed topics in the listed direction', () => {
    expect(decideAllowList('publish', `thing/product/${DOCK}/drc/up`, allow).allow).toBe(true);
    expect(decideAllowList('subscribe', `thing/product/${DOCK}/drc/down`, allow).allow).toBe(true);
    expect(decideAllowList('publish', `thing/product/${DOCK}/drc/down`, allow)).toEqual({ allow: false, reason: 'not_in_allow_list' });
    expect(decideAllowList('subscribe', `thing/product/${DOCK}/drc/up`, allow).allow).toBe(false);
    expect(decideAllowList('subscribe', 'thing/product/+/drc/down', allow).allow).toBe(false);
    expect(decideAllowList('subscribe', '#', allow).allow).toBe(false);
  });
  it('a filter entry covers concrete topics but not broader filters', () => {
    const wide = { publish: ['thing/product/+/drc/up'], subscribe: ['thing/product/+/drc/down'] };
    expect(decideAllowList('publish', `thing/product/${OTHER}/drc/up`, wide).allow).toBe(true);
    expect(decideAllowList('subscribe', 'thing/product/+/drc/down', wide).allow).toBe(true);
    expect(decideAllowList('subscribe', `thing/product/${OTHER}/drc/down`, wide).allow).toBe(true);
    expect(decideAllowList('subscribe', 'thing/product/#', wide).allow).toBe(false);
  });
});

describe('subDevicesOfUpdateTopo', () => {
  const topo = (data: unknown): Buffer => Buffer.from(JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, method: 'update_topo', data }));
  it('reads sub_devices[].sn', () => {
    expect(subDevicesOfUpdateTopo(topo({ domain: '3', sub_devices: [{ sn: DRONE, domain: '0' }] }))).toEqual([DRONE]);
  });
  it('an empty topology (aircraft off) yields []', () => {
    expect(subDevicesOfUpdateTopo(topo({ sub_devices: [] }))).toEqual([]);
    expect(subDevicesOfUpdateTopo(topo({}))).toEqual([]);
  });
  it('not an update_topo or not JSON → null', () => {
    expect(subDevicesOfUpdateTopo(Buffer.from('{oops'))).toBeNull();
    expect(subDevicesOfUpdateTopo(Buffer.from(JSON.stringify({ method: 'other', data: {} })))).toBeNull();
    expect(subDevicesOfUpdateTopo(Buffer.from('42'))).toBeNull();
  });
  it('skips malformed entries', () => {
    expect(subDevicesOfUpdateTopo(topo({ sub_devices: [{ sn: 5 }, null, { sn: DRONE }] }))).toEqual([DRONE]);
  });
});
