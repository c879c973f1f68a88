/** The "Send task" form → flighttask_prepare request, each refusal naming the documented field and range. */
import { describe, expect, it } from 'vitest';
import { checkPrepare } from '../../../electron/core/missions/prepare';
import { buildPrepare, defaultForm, parseLocal } from '../../../renderer/src/features/missions/taskForm';

const NOW = new Date('2025-06-01T12:00').getTime();
const form = defaultForm('DOCK1', 'w1');
const msg = (r: ReturnType<typeof buildPrepare>): string => (r.ok ? 'ok' : r.error.message);

describe('send-task form', () => {
  it('an immediate task carries the documented parameters, and the core accepts it', () => {
    const r = buildPrepare({ ...form, rthAltitude: 80, rthMode: 0, exitWaylineWhenRcLost: 0, waylinePrecisionType: 1 }, NOW);
    expect(r).toEqual({ ok: true, value: { gateway: 'DOCK1', waylineId: 'w1', taskType: 0, rthAltitude: 80, rthMode: 0, outOfControlAction: 0, exitWaylineWhenRcLost: 0, waylinePrecisionType: 1 } });
    if (r.ok) expect(checkPrepare(r.value, NOW).ok).toBe(true);
  });

  it('a timed task starts at the given local time, which must be in the future', () => {
    const r = buildPrepare({ ...form, taskType: 1, executeAt: '2025-06-01T13:30' }, NOW);
    expect(r.ok && r.value.executeTime).toBe(new Date('2025-06-01T13:30').getTime());
    if (r.ok) expect(checkPrepare(r.value, NOW).ok).toBe(true);
    expect(msg(buildPrepare({ ...form, taskType: 1, executeAt: '2025-06-01T11:00' }, NOW))).toMatch(/future/);
    expect(msg(buildPrepare({ ...form, taskType: 1, executeAt: '' }, NOW))).toMatch(/execute_time/);
  });

  it('a conditional task carries ready_conditions (window + battery) and optional executable_conditions', () => {
    const r = buildPrepare({ ...form, taskType: 2, executeAt: '2025-06-01T13:00', windowEnd: '2025-06-01T15:00', batteryMin: 80, storageMin: 1000 }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.readyConditions).toEqual({ battery_capacity: 80, begin_time: new Date('2025-06-01T13:00').getTime(), end_time: new Date('2025-06-01T15:00').getTime() });
    expect(r.value.executableConditions).toEqual({ storage_capacity: 1000 });
    expect(checkPrepare(r.value, NOW).ok).toBe(true);
    expect(msg(buildPrepare({ ...form, taskType: 2, executeAt: '2025-06-01T13:00', windowEnd: '2025-06-01T12:00' }, NOW))).toMatch(/end_time/);
    expect(msg(buildPrepare({ ...form, taskType: 2, executeAt: '2025-06-01T13:00', windowEnd: '2025-06-01T15:00', batteryMin: 101 }, NOW))).toMatch(/battery_capacity must be 0–100/);
  });

  it('refuses what the dock would refuse, naming the field and range', () => {
    expect(msg(buildPrepare({ ...form, rthAltitude: 10 }, NOW))).toBe('rth_altitude must be a whole number of metres in [20, 1500], got 10.');
    expect(msg(buildPrepare({ ...form, gateway: '' }, NOW))).toMatch(/dock/);
    expect(msg(buildPrepare({ ...form, waylineId: '' }, NOW))).toMatch(/route/);
    expect(parseLocal('tomorrow')).toBeNull();
  });
});
