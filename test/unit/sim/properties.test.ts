import { describe, expect, it } from 'vitest';
import { applyPropertySet, initialProps } from '../../../electron/core/sim/properties';

describe('applyPropertySet', () => {
  it('answers scalar properties with {result} and struct properties per leaf', () => {
    const out = applyPropertySet('dock2', { height_limit: 200, distance_limit_status: { state: 1 } });
    expect(out.reply).toEqual({ height_limit: { result: 0 }, distance_limit_status: { state: { result: 0 } } });
    expect(out.accepted).toEqual({ height_limit: 200, distance_limit_status: { state: 1 } });
  });

  it('fails read-only, unknown and wrongly shaped properties with result 1 and accepts nothing for them', () => {
    const out = applyPropertySet('dock2', { mode_code: 3, obstacle_avoidance: 1, silent_mode: 1 });
    expect(out.reply).toEqual({ mode_code: { result: 1 }, obstacle_avoidance: { result: 1 }, silent_mode: { result: 0 } });
    expect(out.accepted).toEqual({ silent_mode: 1 });
    expect(applyPropertySet('rc-plus', { silent_mode: 1 }).reply).toEqual({ silent_mode: { result: 1 } });
    expect(applyPropertySet('dock2', 'junk')).toEqual({ reply: {}, accepted: {} });
  });

  it('splits initial values by target and push mode', () => {
    expect(initialProps('dock2', 'dock', 'state')).toEqual({ air_transfer_enable: 0, silent_mode: 0, user_experience_improvement: 0 });
    expect(Object.keys(initialProps('dock3', 'aircraft', 'osd')).sort()).toEqual(['distance_limit_status', 'height_limit', 'night_lights_state', 'obstacle_avoidance', 'rth_altitude']);
    expect(initialProps('rc-plus', 'dock', 'state')).toEqual({});
  });
});
