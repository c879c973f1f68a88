/** Auto-stream policy: edge-triggered on take-off (mode_code leaves 0), DRC connected, landing and gateway offline. */
import { describe, expect, it } from 'vitest';
import { AutoPolicy, wantsStream } from '../../../electron/core/live/auto';

const on = { gatewayOnline: true, aircraftMode: 0, drcState: 0 };

describe('AutoPolicy', () => {
  it('starts on take-off, once, and stops on landing', () => {
    const p = new AutoPolicy(['GW']);
    expect(p.step('GW', on)).toBeNull();
    expect(p.step('GW', { ...on, aircraftMode: 4 })).toEqual({ kind: 'start' });
    expect(p.step('GW', { ...on, aircraftMode: 5 })).toBeNull();
    expect(p.step('GW', { ...on, aircraftMode: 0 })).toEqual({ kind: 'stop' });
  });
  it('starts when DRC connects and stops when the dock goes offline', () => {
    const p = new AutoPolicy(['GW']);
    expect(p.step('GW', { ...on, drcState: 2 })).toEqual({ kind: 'start' });
    expect(p.step('GW', { ...on, drcState: 2, gatewayOnline: false })).toEqual({ kind: 'stop' });
  });
  it('does nothing for a gateway whose policy is off', () => {
    const p = new AutoPolicy();
    expect(p.step('GW', { ...on, aircraftMode: 4 })).toBeNull();
    p.set('GW', true);
    expect(p.step('GW', { ...on, aircraftMode: 4 })).toEqual({ kind: 'start' });
  });
  it('an unknown or disconnected aircraft is not flying', () => {
    expect(wantsStream({ ...on, aircraftMode: null })).toBe(false);
    expect(wantsStream({ ...on, aircraftMode: 14 })).toBe(false);
  });
});
