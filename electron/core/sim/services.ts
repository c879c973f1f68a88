/** Answers `services` calls: a reply `data` plus an effect and optional progress events (pure; the device applies them). */
import type { SimProduct } from './products';

/** CommonErrorEnum (enums.md §4): 314000 device cannot do this now, 325001 wrong parameter. */
export const ERR_NOT_SUPPORTED = 314000;
export const ERR_WRONG_PARAMETER = 325001;
// DebugErrorCodeEnum (enums.md §4): remote-debug failures while the aircraft is out.
const ERR_POWER_OFF_AIRCRAFT_FAILED = 514110;
const ERR_CLOSE_COVER_FAILED = 514108;

export type DockField = 'alarmState' | 'supplementLight' | 'batteryStoreMode' | 'airConditionerState' | 'putterState';

export type ServiceEffect =
  | { readonly kind: 'aircraft_power'; readonly on: boolean }
  | { readonly kind: 'cover'; readonly open: boolean }
  | { readonly kind: 'debug_mode'; readonly on: boolean }
  | { readonly kind: 'launch' }
  | { readonly kind: 'return_home' }
  | { readonly kind: 'return_home_cancel' }
  | { readonly kind: 'live'; readonly start: boolean; readonly videoId: string; readonly quality: number }
  | { readonly kind: 'dock_field'; readonly field: DockField; readonly value: number };

export interface ServiceReplyData {
  readonly result: number;
  readonly output?: unknown;
  readonly [k: string]: unknown;
}

export interface ServiceOutcome {
  readonly data: ServiceReplyData;
  /** step_keys of the progress events (same method, need_reply 1) that follow; the effect lands with the last one. */
  readonly progress?: readonly string[];
  readonly effect?: ServiceEffect;
}

export interface ServiceContext {
  readonly product: SimProduct;
  readonly airborne: boolean;
  /** Flying home by RTH (not yet landing): what return_home_cancel can stop. */
  readonly returning: boolean;
  readonly aircraftOn: boolean;
}

// Remote-debug commands report progress as events of the same method (10.dock2/70.cmd.md); step keys from RemoteDebugStepKeyEnum.
const PROGRESS: Readonly<Record<string, readonly string[]>> = {
  cover_open: ['check_work_mode', 'open_cover'],
  cover_close: ['check_work_mode', 'close_cover'],
  drone_open: ['get_drone_power_state', 'turn_on_drone'],
  drone_close: ['get_drone_power_state', 'check_wired_connect_state'],
  charge_open: ['check_wired_connect_state', 'close_putter'],
  charge_close: ['stop_charge'],
  device_reboot: ['check_work_mode', 'core_mcu_reboot'],
  device_format: ['check_work_mode'],
  drone_format: ['check_work_mode'],
  putter_open: ['free_putter'],
  putter_close: ['close_putter'],
};

const ok = (output: unknown = { status: 'ok' }): ServiceReplyData => ({ result: 0, output });
const fail = (result: number): ServiceReplyData => ({ result, output: { status: 'failed' } });

export function handleService(method: string, data: unknown, ctx: ServiceContext): ServiceOutcome {
  const spec = ctx.product.services[method];
  if (!spec) return { data: fail(ERR_NOT_SUPPORTED) };
  const d = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  if (spec.required.some((k) => d[k] === undefined || d[k] === null)) return { data: fail(ERR_WRONG_PARAMETER) };
  const progress = PROGRESS[method];
  const started = (effect?: ServiceEffect): ServiceOutcome => ({ data: ok({ status: 'in_progress' }), progress, effect });
  const action = typeof d.action === 'number' ? d.action : 0;
  switch (method) {
    case 'cover_open':
      return started({ kind: 'cover', open: true });
    case 'cover_close':
      return ctx.airborne ? { data: fail(ERR_CLOSE_COVER_FAILED) } : started({ kind: 'cover', open: false });
    case 'drone_open':
      return started({ kind: 'aircraft_power', on: true });
    case 'drone_close':
      return ctx.airborne ? { data: fail(ERR_POWER_OFF_AIRCRAFT_FAILED) } : started({ kind: 'aircraft_power', on: false });
    case 'debug_mode_open':
    case 'debug_mode_close':
      return { data: ok(), effect: { kind: 'debug_mode', on: method === 'debug_mode_open' } };
    case 'alarm_state_switch':
      return { data: ok(), effect: { kind: 'dock_field', field: 'alarmState', value: action } };
    case 'battery_store_mode_switch':
      return { data: ok(), effect: { kind: 'dock_field', field: 'batteryStoreMode', value: action } };
    case 'air_conditioner_mode_switch':
      return { data: ok(), effect: { kind: 'dock_field', field: 'airConditionerState', value: action } };
    case 'supplement_light_open':
    case 'supplement_light_close':
      return { data: ok(), effect: { kind: 'dock_field', field: 'supplementLight', value: method.endsWith('open') ? 1 : 0 } };
    case 'flighttask_execute':
    case 'takeoff_to_point':
      if (!ctx.aircraftOn || ctx.airborne) return { data: fail(ERR_NOT_SUPPORTED) };
      return { data: ok({ status: 'in_progress' }), effect: { kind: 'launch' } };
    case 'return_home':
      return ctx.airborne ? { data: ok(), effect: { kind: 'return_home' } } : { data: fail(ERR_NOT_SUPPORTED) };
    case 'return_home_cancel':
      return ctx.returning ? { data: ok(), effect: { kind: 'return_home_cancel' } } : { data: fail(ERR_NOT_SUPPORTED) };
    case 'live_start_push':
    case 'live_stop_push':
      return {
        data: ok(),
        effect: { kind: 'live', start: method === 'live_start_push', videoId: String(d.video_id), quality: typeof d.video_quality === 'number' ? d.video_quality : 0 },
      };
    case 'fileupload_list':
      // The docs reply puts `files` next to `result`, without an `output` wrapper (SUMMARY §4.7).
      return { data: { result: 0, files: [] } };
    default:
      return progress ? started() : { data: ok() };
  }
}
