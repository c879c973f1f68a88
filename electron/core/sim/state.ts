/** State (`pushMode 1`) `data` builders: sent once after bring-up and again whenever a value changes. */
import type { Home } from './flight';
import type { SimProduct } from './products';

export interface LiveStatus {
  readonly video_id: string;
  readonly video_type: string;
  readonly video_quality: number;
  readonly status: number;
  readonly error_status: number;
}

/** `live_capacity` per the Dock 2 / RC property tables (no example in the docs): device → camera → video. */
export function liveCapacity(p: SimProduct, gatewaySn: string, aircraftSn: string, aircraftOn: boolean): Record<string, unknown> {
  const camera = (camera_index: string, types: readonly string[]) => ({
    camera_index,
    available_video_number: 1,
    coexist_video_number_max: 1,
    video_list: [{ video_index: 'normal-0', video_type: 'normal', switchable_video_types: types }],
  });
  const devices: Record<string, unknown>[] = [];
  if (p.dockCameraIndex) {
    devices.push({ sn: gatewaySn, available_video_number: 1, coexist_video_number_max: 1, camera_list: [camera(p.dockCameraIndex, ['normal'])] });
  }
  if (aircraftOn) {
    devices.push({ sn: aircraftSn, available_video_number: 1, coexist_video_number_max: 1, camera_list: [camera(p.payloadIndex, ['wide', 'zoom', 'ir'])] });
  }
  return { live_capacity: { available_video_number: devices.length, coexist_video_number_max: 2, device_list: devices } };
}

/** Gateway state messages (several keys may be bundled in one message, per SUMMARY §6). */
export function gatewayStates(p: SimProduct, gatewaySn: string, aircraftSn: string, aircraftOn: boolean, props: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    { firmware_version: p.gatewayFirmware, compatible_status: 0, firmware_upgrade_status: 0 },
    liveCapacity(p, gatewaySn, aircraftSn, aircraftOn),
    { live_status: [] },
  ];
  if (p.isDock) {
    out.push({ acc_time: 1859010 });
    out.push({
      wireless_link_topo: {
        secret_code: Array.from({ length: 28 }, (_, i) => (i * 37) % 256),
        center_node: { sdr_id: 1, sn: aircraftSn },
        leaf_nodes: [{ sdr_id: 2, sn: gatewaySn, control_source_index: 1 }],
      },
    });
    out.push({ ...props });
  }
  return out;
}

export function aircraftStates(p: SimProduct, home: Home, props: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  return [
    { firmware_version: p.aircraftFirmware, compatible_status: 0, firmware_upgrade_status: 0 },
    { home_latitude: home.lat, home_longitude: home.lon },
    { control_source: 'A', low_battery_warning_threshold: 30, serious_low_battery_warning_threshold: 15, current_rth_mode: 1 },
    ...(Object.keys(props).length > 0 ? [{ ...props }] : []),
  ];
}
