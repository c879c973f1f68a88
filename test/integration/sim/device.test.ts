import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimDevice, type SimDeviceOptions } from '../../../electron/core/sim/device';
import { scaledClock } from '../../../electron/core/sim/time';
import { silentLogger } from '../../../electron/core/util/log';
import { Cloud, startBroker, type Broker, type Received } from './cloud';

const HOME = { lat: 22.9078, lon: 113.7034, height: 34.2 };

describe('SimDevice over a real aedes broker', () => {
  let broker: Broker;
  let cloud: Cloud;
  const devices: SimDevice[] = [];

  beforeEach(async () => {
    broker = await startBroker();
  });

  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.stop()));
    await cloud?.close();
    await broker.close();
  });

  function device(o: Partial<SimDeviceOptions> & Pick<SimDeviceOptions, 'kind' | 'gatewaySn' | 'aircraftSn'>): SimDevice {
    const d = new SimDevice({ url: broker.url, home: HOME, logger: silentLogger, osdHz: 10, dockOsdHz: 10, progressStepMs: 20, ...o });
    devices.push(d);
    return d;
  }

  const isFrom = (sn: string, end: string) => (r: Received) => r.topic.endsWith(end) && r.topic.includes(`/${sn}/`);

  it('brings a Dock 2 up in the documented order with the documented fields', async () => {
    cloud = await Cloud.connect(broker.url);
    const d = device({ kind: 'dock2', gatewaySn: 'DOCK2SN01', aircraftSn: 'M3TDSN01', bindingCode: 'BC-123', organizationId: 'org-1' });
    await d.start();
    const result = await d.ready();
    expect(result).toEqual({ bound: true, organizationName: 'Test Org', topoAcked: true });

    const up = cloud.received.filter((r) => /\/(requests|status)$/.test(r.topic));
    expect(up.map((r) => r.msg.method)).toEqual(['config', 'airport_bind_status', 'airport_organization_get', 'airport_organization_bind', 'update_topo']);
    for (const r of up) {
      expect(Object.keys(r.msg).sort()).toEqual(['bid', 'data', 'gateway', 'method', 'tid', 'timestamp']);
      expect(r.msg.gateway).toBe('DOCK2SN01');
      expect(typeof r.msg.timestamp).toBe('number');
    }
    const [config, bindStatus, orgGet, orgBind, topo] = up as [Received, Received, Received, Received, Received];
    expect(config.topic).toBe('thing/product/DOCK2SN01/requests');
    expect(config.msg.data).toEqual({ config_scope: 'product', config_type: 'json' });
    expect(bindStatus.msg.data).toEqual({ devices: [{ sn: 'M3TDSN01' }, { sn: 'DOCK2SN01' }] });
    expect(orgGet.msg.data).toEqual({ device_binding_code: 'BC-123', organization_id: 'org-1' });
    expect(orgBind.msg.data.bind_devices).toEqual([
      { device_binding_code: 'BC-123', device_callsign: 'Dock SN01', device_model_key: '3-2-0', organization_id: 'org-1', sn: 'DOCK2SN01' },
      { device_binding_code: 'BC-123', device_callsign: 'Drone SN01', device_model_key: '0-91-1', organization_id: 'org-1', sn: 'M3TDSN01' },
    ]);
    expect(topo.topic).toBe('sys/product/DOCK2SN01/status');
    expect(topo.msg.data).toEqual({
      domain: '3',
      type: 2,
      sub_type: 0,
      device_secret: 'secret',
      nonce: 'nonce',
      thing_version: '1.1.2',
      sub_devices: [{ sn: 'M3TDSN01', domain: '0', type: 91, sub_type: 1, index: 'A', device_secret: 'secret', nonce: 'nonce', thing_version: '1.1.2' }],
    });

    // Nothing streams before the status_reply: every osd/state comes after update_topo.
    const firstStream = await cloud.waitFor((r) => /\/(osd|state)$/.test(r.topic));
    expect(cloud.received.indexOf(firstStream)).toBeGreaterThan(cloud.received.indexOf(topo));

    // Dock OSD arrives as the docs' three parts; aircraft OSD on the aircraft SN with gateway = dock SN.
    await cloud.waitFor((r) => isFrom('DOCK2SN01', '/osd')(r) && 'sub_device' in r.msg.data);
    await cloud.waitFor((r) => isFrom('DOCK2SN01', '/osd')(r) && 'wireless_link' in r.msg.data);
    await cloud.waitFor((r) => isFrom('DOCK2SN01', '/osd')(r) && 'job_number' in r.msg.data);
    const dockC = cloud.of('/osd', 'DOCK2SN01').find((r) => 'sub_device' in r.msg.data)!;
    expect(Object.keys(dockC.msg).sort()).toEqual(['bid', 'data', 'gateway', 'tid', 'timestamp']);
    expect(dockC.msg.data).toMatchObject({ drone_in_dock: 1, cover_state: 0, mode_code: 0, latitude: HOME.lat, longitude: HOME.lon });
    expect(dockC.msg.data.sub_device).toEqual({ device_sn: 'M3TDSN01', device_model_key: '0-91-1', device_online_status: 1, device_paired: 1 });

    const ac = await cloud.waitFor(isFrom('M3TDSN01', '/osd'));
    expect(ac.msg.gateway).toBe('DOCK2SN01');
    for (const k of ['latitude', 'longitude', 'height', 'elevation', 'attitude_head', 'attitude_pitch', 'attitude_roll', 'horizontal_speed', 'vertical_speed', 'mode_code', 'home_distance']) {
      expect(typeof ac.msg.data[k], k).toBe('number');
    }
    expect(typeof ac.msg.data.battery.capacity_percent).toBe('number');
    expect(ac.msg.data['81-0-0']).toMatchObject({ payload_index: '81-0-0' });

    const fw = await cloud.waitFor((r) => isFrom('DOCK2SN01', '/state')(r) && 'firmware_version' in r.msg.data);
    expect(fw.msg.data).toEqual({ firmware_version: '10.01.1612', compatible_status: 0, firmware_upgrade_status: 0 });
    const lc = await cloud.waitFor((r) => isFrom('DOCK2SN01', '/state')(r) && 'live_capacity' in r.msg.data);
    expect(lc.msg.data.live_capacity.device_list.map((x: { sn: string }) => x.sn)).toEqual(['DOCK2SN01', 'M3TDSN01']);
    await cloud.waitFor((r) => isFrom('M3TDSN01', '/state')(r) && r.msg.data.firmware_version === '10.01.1609');

    const s = d.stats();
    expect(s.sent.requests).toBe(4);
    expect(s.sent.status).toBe(1);
    expect(s.repliesReceived).toBe(5);
    expect(s.requestsUnanswered).toBe(0);
  });

  it('skips organization binding when already bound, and retries update_topo until a status_reply', async () => {
    cloud = await Cloud.connect(broker.url, { bound: true, dropTopo: 1 });
    const d = device({ kind: 'dock3', gatewaySn: 'DOCK3SN01', aircraftSn: 'M4TDSN01', bindingCode: 'BC', topoTimeoutMs: 100, topoRetryMaxMs: 50 });
    await d.start();
    expect(await d.ready()).toEqual({ bound: true, topoAcked: true });
    const methods = cloud.received.filter((r) => /\/(requests|status)$/.test(r.topic)).map((r) => r.msg.method);
    expect(methods).toEqual(['config', 'airport_bind_status', 'update_topo', 'update_topo']);
    const topo = cloud.of('/status')[1]!;
    expect(topo.msg.data).toMatchObject({ domain: '3', type: 3, sub_type: 0, sub_devices: [{ sn: 'M4TDSN01', type: 100, sub_type: 1 }] });
    expect(d.stats().topoUnanswered).toBe(1);
  });

  it('logs and continues when a request goes unanswered', async () => {
    cloud = await Cloud.connect(broker.url, { silent: ['config'] });
    const d = device({ kind: 'dock2', gatewaySn: 'DOCK2SN02', aircraftSn: 'M3TDSN02', requestTimeoutMs: 100 });
    await d.start();
    expect(await d.ready()).toEqual({ bound: false, topoAcked: true });
    expect(d.stats().requestsUnanswered).toBe(1);
    // Not bound and no binding code: no airport_organization_* requests.
    expect(cloud.of('/requests').map((r) => r.msg.method)).toEqual(['config', 'airport_bind_status']);
  });

  it('brings an RC Plus up with update_topo only, and streams RC + M30T OSD', async () => {
    cloud = await Cloud.connect(broker.url);
    const d = device({ kind: 'rc-plus', gatewaySn: 'RCPLUS01', aircraftSn: 'M30TSN01' });
    await d.start();
    await d.ready();
    expect(cloud.of('/requests')).toEqual([]);
    expect(cloud.of('/status')[0]!.msg.data).toMatchObject({ domain: '2', type: 119, sub_type: 0, sub_devices: [{ sn: 'M30TSN01', domain: '0', type: 67, sub_type: 1 }] });
    const rc = await cloud.waitFor(isFrom('RCPLUS01', '/osd'));
    expect(Object.keys(rc.msg.data).sort()).toEqual(['capacity_percent', 'country', 'height', 'latitude', 'longitude', 'wireless_link']);
    const ac = await cloud.waitFor(isFrom('M30TSN01', '/osd'));
    expect(ac.msg.data['53-0-0']).toBeDefined();
    expect(ac.msg.data.battery.batteries).toHaveLength(2);
  });

  it('answers services with echoed tid/bid/method, rejects missing fields, and runs progress events with need_reply', async () => {
    cloud = await Cloud.connect(broker.url, { bound: true });
    const d = device({ kind: 'dock2', gatewaySn: 'DOCK2SN03', aircraftSn: 'M3TDSN03', autoFly: false });
    await d.start();
    await d.ready();
    const call = async (tid: string, method: string, data: unknown): Promise<Received> => {
      const reply = cloud.next((r) => r.topic === 'thing/product/DOCK2SN03/services_reply' && r.msg.tid === tid);
      cloud.publish('thing/product/DOCK2SN03/services', { tid, bid: `b-${tid}`, timestamp: Date.now(), method, data });
      return reply;
    };

    // Payload commands need payload control first (sim/extensions/payload.ts); replies are `{result}` (dock2 110.drc.md).
    expect((await call('t0', 'payload_authority_grab', { payload_index: '81-0-0' })).msg.data).toEqual({ result: 0 });
    const look = await call('t1', 'camera_look_at', { payload_index: '81-0-0', locked: false, latitude: 22.9, longitude: 113.7, height: 100 });
    expect(look.msg).toMatchObject({ tid: 't1', bid: 'b-t1', method: 'camera_look_at', gateway: 'DOCK2SN03', data: { result: 0 } });

    // Missing url/video_id: the live extension answers with the livestream parameter error (error-code page 513014).
    const bad = await call('t2', 'live_start_push', { url_type: 1 });
    expect(bad.msg.data.result).toBe(513014);
    const badCover = await call('t2b', 'alarm_state_switch', {});
    expect(badCover.msg.data.result).toBe(325001); // the generic table: wrong parameter

    const unknown = await call('t3', 'no_such_method', null);
    expect(unknown.msg).toMatchObject({ method: 'no_such_method', data: { result: 314000 } });

    const open = await call('t4', 'cover_open', null);
    expect(open.msg.data).toEqual({ result: 0, output: { status: 'in_progress' } });
    const done = await cloud.waitFor((r) => r.topic.endsWith('/events') && r.msg.method === 'cover_open' && r.msg.data.output.status === 'ok');
    expect(done.msg.need_reply).toBe(1);
    expect(done.msg.data.output.progress).toEqual({ percent: 100, step_key: 'open_cover' });
    await cloud.waitFor((r) => isFrom('DOCK2SN03', '/osd')(r) && r.msg.data.cover_state === 1);

    // property/set → property/set_reply, per leaf for structs, then the state push.
    const psReply = cloud.next((r) => r.topic.endsWith('/property/set_reply') && r.msg.tid === 'p1');
    cloud.publish('thing/product/DOCK2SN03/property/set', { tid: 'p1', bid: 'pb1', timestamp: Date.now(), data: { obstacle_avoidance: { horizon: 0 } } });
    expect((await psReply).msg).toMatchObject({ tid: 'p1', bid: 'pb1', data: { obstacle_avoidance: { horizon: { result: 0 } } } });
    const ps2 = cloud.next((r) => r.topic.endsWith('/property/set_reply') && r.msg.tid === 'p2');
    cloud.publish('thing/product/DOCK2SN03/property/set', { tid: 'p2', bid: 'pb2', timestamp: Date.now(), data: { silent_mode: 1, latitude: 3 } });
    expect((await ps2).msg.data).toEqual({ silent_mode: { result: 0 }, latitude: { result: 1 } });
    await cloud.waitFor((r) => isFrom('DOCK2SN03', '/state')(r) && r.msg.data.silent_mode === 1 && Object.keys(r.msg.data).length === 1);
    await cloud.waitFor((r) => isFrom('M3TDSN03', '/osd')(r) && r.msg.data.obstacle_avoidance?.horizon === 0);

    // hms events: the docs' shape, no need_reply.
    d.raiseHms();
    const hms = await cloud.waitFor((r) => r.topic === 'thing/product/DOCK2SN03/events' && r.msg.method === 'hms');
    expect(hms.msg.need_reply).toBeUndefined();
    expect(hms.msg.data.list[0]).toEqual({ args: { component_index: 0, sensor_index: 0 }, code: '0x16100083', device_type: '0-91-1', imminent: 1, in_the_sky: 0, level: 1, module: 3 });

    // Malformed input is counted, never fatal.
    cloud.publish('thing/product/DOCK2SN03/services', 'not json');
    await call('t5', 'debug_mode_open', null);
    expect(d.stats().received.bad_message).toBe(1);
    await expect.poll(() => d.stats().received.events_reply ?? 0).toBeGreaterThanOrEqual(2);
    expect(d.stats().eventsUnanswered).toBe(0);
  });

  it('flies: the aircraft position changes over time and the dock reports it out', async () => {
    cloud = await Cloud.connect(broker.url, { bound: true });
    // 40× time so climb-out (~15 s of model time) and the first metres of track take well under a second.
    const d = device({ kind: 'dock2', gatewaySn: 'DOCK2SN04', aircraftSn: 'M3TDSN04', autoFly: false, clock: scaledClock(40), osdHz: 1, dockOsdHz: 1 });
    await d.start();
    await d.ready();
    expect(d.launch()).toBe(true);
    const first = await cloud.next((r) => isFrom('M3TDSN04', '/osd')(r) && r.msg.data.elevation > 0);
    expect(first.msg.data.mode_code).toBe(4); // auto take-off
    const later = await cloud.next((r) => isFrom('M3TDSN04', '/osd')(r) && r.msg.data.elevation > first.msg.data.elevation + 1);
    expect(later.msg.data.height).toBeGreaterThan(first.msg.data.height);
    await cloud.next((r) => isFrom('DOCK2SN04', '/osd')(r) && r.msg.data.drone_in_dock === 0 && r.msg.data.mode_code === 4);

    // Out on the wayline: latitude/longitude move, speed ~10 m/s, heading along track.
    const a = await cloud.next((r) => isFrom('M3TDSN04', '/osd')(r) && r.msg.data.mode_code === 5 && r.msg.data.home_distance > 20);
    const b = await cloud.next((r) => isFrom('M3TDSN04', '/osd')(r) && r.msg.data.home_distance > a.msg.data.home_distance + 20);
    expect([b.msg.data.latitude, b.msg.data.longitude]).not.toEqual([a.msg.data.latitude, a.msg.data.longitude]);
    expect(b.msg.data.horizontal_speed).toBeGreaterThanOrEqual(8);
    expect(b.msg.data.horizontal_speed).toBeLessThanOrEqual(12);
    const north = b.msg.data.latitude - HOME.lat;
    const east = (b.msg.data.longitude - HOME.lon) * Math.cos((HOME.lat * Math.PI) / 180);
    const bearing = (Math.atan2(east, north) * 180) / Math.PI;
    expect(Math.abs(((b.msg.data.attitude_head - bearing + 540) % 360) - 180)).toBeLessThan(2);
  });

  it('sends sub_devices: [] when the aircraft powers off, and the aircraft back when it powers on', async () => {
    cloud = await Cloud.connect(broker.url, { bound: true });
    const d = device({ kind: 'dock2', gatewaySn: 'DOCK2SN05', aircraftSn: 'M3TDSN05', autoFly: false });
    await d.start();
    await d.ready();
    expect(await d.setAircraftPower(false)).toBe(true);
    const topos = cloud.of('/status', 'DOCK2SN05');
    expect(topos.at(-1)!.msg.data.sub_devices).toEqual([]);
    await cloud.next((r) => isFrom('DOCK2SN05', '/osd')(r) && r.msg.data.sub_device?.device_online_status === 0);
    const before = cloud.of('/osd', 'M3TDSN05').length;
    await cloud.next((r) => isFrom('DOCK2SN05', '/osd')(r) && 'sub_device' in r.msg.data);
    expect(cloud.of('/osd', 'M3TDSN05').length).toBe(before);

    // drone_open through the services path powers it back on.
    cloud.publish('thing/product/DOCK2SN05/services', { tid: 'o1', bid: 'ob1', timestamp: Date.now(), method: 'drone_open', data: null });
    const back = await cloud.next((r) => r.topic === 'sys/product/DOCK2SN05/status');
    expect(back.msg.data.sub_devices).toHaveLength(1);
    await cloud.next(isFrom('M3TDSN05', '/osd'));
  });
});
