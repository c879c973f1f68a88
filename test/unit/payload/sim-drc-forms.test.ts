/** The simulated RC Plus 2's DRC payload forms: which drc/down methods it takes and the drc/up answer shape. */
import { describe, expect, it } from 'vitest';
import { answerPayload } from '../../../electron/core/sim/payload/answer';
import { drcReply, servicesFormOf } from '../../../electron/core/sim/payload/drc-forms';
import { initialPayloadState } from '../../../electron/core/sim/payload/state';
import { product } from '../../../electron/core/sim/products';
import { PAYLOAD_COMMANDS, PAYLOAD_METHODS } from '../../../shared/protocol/payload';

const ctx = { payloadIndex: '89-0-0', nowMs: 0, heading: 10, angles: { yaw: 10, pitch: 0 } };

describe('RC Plus 2 DRC payload forms (simulator)', () => {
  it('maps every documented drc_* twin back to its services form, and nothing else', () => {
    for (const m of PAYLOAD_METHODS) {
      const drc = PAYLOAD_COMMANDS.get(m)!.drcMethod;
      if (drc) expect(servicesFormOf(drc)).toBe(m);
    }
    expect(servicesFormOf('drc_gimbal_reset')).toBe('gimbal_reset');
    expect(servicesFormOf('drc_payload_authority_grab')).toBeNull();
    expect(servicesFormOf('drc_camera_iso_set')).toBeNull(); // an exposure setting with no services twin
    expect(servicesFormOf('camera_aim')).toBeNull();
  });

  it('answers {result}; a panorama adds status; refusals keep their code', () => {
    const s = initialPayloadState();
    expect(drcReply(answerPayload(s, 'gimbal_reset', { payload_index: '89-0-0', reset_mode: 1 }, { ...ctx, viaDrc: true }))).toEqual({ result: 0 });
    answerPayload(s, 'camera_mode_switch', { payload_index: '89-0-0', camera_mode: 3 }, { ...ctx, viaDrc: true });
    expect(drcReply(answerPayload(s, 'camera_photo_take', { payload_index: '89-0-0' }, { ...ctx, viaDrc: true }))).toEqual({ result: 0, status: 'in_progress' });
    expect(drcReply(answerPayload(s, 'camera_recording_stop', { payload_index: '89-0-0' }, { ...ctx, viaDrc: true }))).toEqual({ result: 327008 });
  });

  it('the DRC grant is the authority: no payload_authority_grab on that path, still needed on services', () => {
    const s = initialPayloadState();
    const area = { payload_index: '89-0-0', x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    expect(answerPayload(s, 'ir_metering_area_set', area, ctx).reply).toEqual({ result: 327002 });
    expect(answerPayload(s, 'ir_metering_area_set', area, { ...ctx, viaDrc: true }).reply).toEqual({ result: 0 });
    expect(s).toMatchObject({ irMode: 2, irArea: { x: 0.1, y: 0.2, width: 0.3, height: 0.4 } });
  });

  it('only the RC Plus 2 takes payload commands on DRC', () => {
    expect(product('rc-plus-2')).toMatchObject({ payloadVia: 'drc', payloadIndex: '89-0-0', gateway: { domain: 2, type: 174, sub_type: 0 } });
    expect([product('dock2').payloadVia, product('dock3').payloadVia, product('rc-plus').payloadVia]).toEqual(['services', 'services', 'none']);
  });
});
