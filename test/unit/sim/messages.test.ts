import { describe, expect, it } from 'vitest';
import { fleetKinds, gridOffset } from '../../../electron/core/sim/fleet';
import { FlightModel, planFromSeed } from '../../../electron/core/sim/flight';
import { hmsEvent, topoData } from '../../../electron/core/sim/messages';
import { aircraftOsd, dockOsdParts, newDockRuntime, type OsdInputs } from '../../../electron/core/sim/osd';
import { product } from '../../../electron/core/sim/products';
import { liveCapacity } from '../../../electron/core/sim/state';

const HOME = { lat: 22.9, lon: 113.7, height: 34 };

function inputs(airborne: boolean, aircraftOn = true): OsdInputs {
  const m = new FlightModel(HOME, planFromSeed(1), { autoFly: false });
  m.advanceTo(0);
  if (airborne) {
    m.launch();
    m.advanceTo(5000);
  }
  return { product: product('dock2'), gatewaySn: 'D', aircraftSn: 'A', home: HOME, flight: m.snapshot(), aircraftOn, dock: newDockRuntime(), aircraftOsdProps: { height_limit: 120 }, firstPowerOn: 1_631_945_855_969 };
}

describe('OSD builders', () => {
  it('splits the dock OSD into the three groups of the Dock 2 docs example', () => {
    const [a, b, c] = dockOsdParts(inputs(false));
    expect(Object.keys(a!).sort()).toEqual(['activation_time', 'backup_battery', 'drone_battery_maintenance_info', 'job_number', 'maintain_status', 'working_current', 'working_voltage']);
    expect(Object.keys(b!).sort()).toEqual(['flighttask_step_code', 'media_file_detail', 'wireless_link']);
    for (const k of ['network_state', 'drone_charge_state', 'drone_in_dock', 'rainfall', 'wind_speed', 'environment_temperature', 'temperature', 'humidity', 'latitude', 'longitude', 'height', 'alternate_land_point', 'first_power_on', 'position_state', 'storage', 'mode_code', 'cover_state', 'supplement_light_state', 'emergency_stop_state', 'air_conditioner', 'battery_store_mode', 'alarm_state', 'putter_state', 'sub_device']) {
      expect(c, k).toHaveProperty(k);
    }
  });

  it('keeps dock mode, cover and drone_in_dock consistent with the flight', () => {
    const docked = dockOsdParts(inputs(false))[2]!;
    expect(docked).toMatchObject({ drone_in_dock: 1, cover_state: 0, mode_code: 0 });
    const flying = dockOsdParts(inputs(true))[2]!;
    expect(flying).toMatchObject({ drone_in_dock: 0, cover_state: 1, mode_code: 4 });
    expect(dockOsdParts(inputs(true))[1]!.flighttask_step_code).toBe(1);
    expect(dockOsdParts(inputs(false, false))[2]!.sub_device).toMatchObject({ device_online_status: 0 });
  });

  it('keys payload OSD by payload index and merges settable properties', () => {
    const osd = aircraftOsd(inputs(true));
    expect(osd['81-0-0']).toMatchObject({ payload_index: '81-0-0', gimbal_pitch: -45 });
    expect(osd).toMatchObject({ mode_code: 4, height_limit: 120, elevation: 25, height: 59 });
    expect((osd.battery as { batteries: unknown[] }).batteries).toHaveLength(1);
  });
});

describe('status / events / state data', () => {
  it('builds update_topo like the docs example, empty sub_devices when the aircraft is off', () => {
    expect(topoData(product('dock3'), 'A1', true)).toMatchObject({ domain: '3', type: 3, sub_type: 0, sub_devices: [{ sn: 'A1', domain: '0', type: 100, sub_type: 1, index: 'A' }] });
    expect(topoData(product('rc-plus'), 'A1', false)).toMatchObject({ domain: '2', type: 119, sub_type: 0, sub_devices: [] });
  });

  it('builds an hms list entry with the docs fields', () => {
    const { list } = hmsEvent(product('dock2'), true);
    expect(Object.keys(list[0]!).sort()).toEqual(['args', 'code', 'device_type', 'imminent', 'in_the_sky', 'level', 'module']);
    expect(list[0]).toMatchObject({ device_type: '0-91-1', in_the_sky: 1 });
  });

  it('lists the aircraft camera in live_capacity only while it is powered', () => {
    const on = liveCapacity(product('dock2'), 'D', 'A', true).live_capacity as { device_list: { sn: string }[] };
    const off = liveCapacity(product('dock2'), 'D', 'A', false).live_capacity as { device_list: { sn: string }[] };
    expect(on.device_list.map((d) => d.sn)).toEqual(['D', 'A']);
    expect(off.device_list.map((d) => d.sn)).toEqual(['D']);
  });
});

describe('fleet helpers', () => {
  it('cycles kinds and rejects unknown ones', () => {
    expect(fleetKinds({})).toEqual(['dock2', 'dock3', 'rc-plus']);
    expect(fleetKinds({ kind: 'dock3' })).toEqual(['dock3']);
    expect(fleetKinds({ kind: 'dock2', kinds: ['rc-plus'] })).toEqual(['rc-plus']);
    expect(() => fleetKinds({ kind: 'dock9' })).toThrow(/unknown simulator kind/);
  });

  it('lays gateways on a centred grid at the given spacing', () => {
    expect(gridOffset(0, 1, 3000)).toEqual({ east: 0, north: 0 });
    const pts = Array.from({ length: 9 }, (_, i) => gridOffset(i, 9, 3000));
    expect(pts[4]).toEqual({ east: 0, north: 0 });
    expect(new Set(pts.map((p) => `${p.east},${p.north}`)).size).toBe(9);
    expect(Math.max(...pts.map((p) => p.east))).toBe(3000);
  });
});
