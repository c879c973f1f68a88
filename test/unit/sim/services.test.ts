import { describe, expect, it } from 'vitest';
import { product } from '../../../electron/core/sim/products';
import { ERR_NOT_SUPPORTED, ERR_WRONG_PARAMETER, handleService } from '../../../electron/core/sim/services';

const dock2 = { product: product('dock2'), airborne: false, returning: false, aircraftOn: true };

describe('handleService', () => {
  it('acks every documented Dock 2 service given its required fields', () => {
    const methods = Object.entries(product('dock2').services);
    expect(methods.length).toBeGreaterThan(80);
    for (const [method, spec] of methods) {
      const data = Object.fromEntries(spec.required.map((k) => [k, 1]));
      // return_home needs an aircraft in the air, return_home_cancel one flying home; everything else is fine on the ground.
      const home = method === 'return_home' || method === 'return_home_cancel';
      const out = handleService(method, data, { ...dock2, airborne: home, returning: method === 'return_home_cancel' });
      expect(out.data.result, method).toBe(0);
    }
  });

  it('rejects a missing required field with 325001 and an unknown method with 314000', () => {
    expect(handleService('live_start_push', { url: 'rtmp://x', video_id: 'a' }, dock2).data).toEqual({ result: ERR_WRONG_PARAMETER, output: { status: 'failed' } });
    expect(handleService('camera_photo_take', null, dock2).data.result).toBe(ERR_WRONG_PARAMETER);
    expect(handleService('not_a_method', {}, dock2).data.result).toBe(ERR_NOT_SUPPORTED);
    // RC Plus only documents the live services.
    const rc = { ...dock2, product: product('rc-plus') };
    expect(handleService('cover_open', null, rc).data.result).toBe(ERR_NOT_SUPPORTED);
    expect(handleService('live_stop_push', { video_id: 'x' }, rc).data.result).toBe(0);
    // Dock 3 adds rtk_calibration.
    expect(handleService('rtk_calibration', null, { ...dock2, product: product('dock3') }).data.result).toBe(0);
    expect(handleService('rtk_calibration', null, dock2).data.result).toBe(ERR_NOT_SUPPORTED);
  });

  it('turns remote-debug commands into progress steps and effects', () => {
    const open = handleService('cover_open', null, dock2);
    expect(open.data).toEqual({ result: 0, output: { status: 'in_progress' } });
    expect(open.progress).toEqual(['check_work_mode', 'open_cover']);
    expect(open.effect).toEqual({ kind: 'cover', open: true });
    expect(handleService('drone_close', null, dock2).effect).toEqual({ kind: 'aircraft_power', on: false });
    expect(handleService('drone_close', null, { ...dock2, airborne: true }).data.result).toBe(514110);
    expect(handleService('debug_mode_open', null, dock2).effect).toEqual({ kind: 'debug_mode', on: true });
    expect(handleService('alarm_state_switch', { action: 1 }, dock2).effect).toEqual({ kind: 'dock_field', field: 'alarmState', value: 1 });
    expect(handleService('flighttask_execute', { flight_id: 'f' }, dock2).effect).toEqual({ kind: 'launch' });
    expect(handleService('flighttask_execute', { flight_id: 'f' }, { ...dock2, aircraftOn: false }).data.result).toBe(ERR_NOT_SUPPORTED);
    expect(handleService('return_home', null, { ...dock2, airborne: true }).effect).toEqual({ kind: 'return_home' });
    expect(handleService('return_home_cancel', null, { ...dock2, airborne: true, returning: true }).effect).toEqual({ kind: 'return_home_cancel' });
    // Nothing to cancel: not flying home.
    expect(handleService('return_home_cancel', null, { ...dock2, airborne: true }).data.result).toBe(ERR_NOT_SUPPORTED);
  });

  it('replies fileupload_list with files next to result, as the docs do', () => {
    expect(handleService('fileupload_list', { module_list: ['0', '3'] }, dock2).data).toEqual({ result: 0, files: [] });
  });
});
