/** Validates `drc:enter` requests; errors name the field and its range. */
import type { DrcEnterRequest, DrcFlow, DrcStickMethod } from '../../../shared/ipc/drc';
import type { DeviceSnapshot } from '../../../shared/model/device';
import { appError, err, ok, type Result } from '../../../shared/util/result';

export interface EnterPlan {
  readonly gateway: string;
  readonly aircraft: string | null;
  readonly flow: DrcFlow;
  readonly stickHz: number;
  readonly osdHz: number;
  readonly hsiHz: number;
  readonly stickMethod: DrcStickMethod;
  readonly payloadIndex: string | null;
  readonly userCallsign: string;
  readonly takeover: boolean;
}

const intIn = (field: string, v: unknown, lo: number, hi: number, dflt: number): Result<number> => {
  if (v === undefined) return ok(dflt);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) return err(appError('invalid_request', `${field}: expected an integer ${lo}–${hi}, got ${String(v)}`));
  return ok(v);
};

export function planEnter(req: DrcEnterRequest | null | undefined, device: DeviceSnapshot | null): Result<EnterPlan> {
  if (typeof req?.gateway !== 'string' || req.gateway === '') return err(appError('invalid_request', 'gateway: expected the serial number of a dock or remote controller'));
  if (device === null) return err(appError('unknown_device', `gateway ${req.gateway}: no such device has connected`));
  if (device.gateway !== null) return err(appError('invalid_request', `gateway ${req.gateway}: is a sub-device of ${device.gateway}; DRC goes through its gateway`));
  if (!device.online) return err(appError('offline', `gateway ${req.gateway} is offline`));
  const natural: DrcFlow | null = device.deviceClass === 'dock' ? 'dock' : device.deviceClass === 'rc' ? 'pilot' : null;
  const flow = req.flow ?? natural;
  if (flow !== 'dock' && flow !== 'pilot') return err(appError('invalid_request', `flow: expected "dock" or "pilot" (device class is ${device.deviceClass})`));
  const stickHz = intIn('stickHz', req.stickHz, 5, 30, 10);
  if (!stickHz.ok) return stickHz;
  const osdHz = intIn('osdHz', req.osdHz, 1, 30, 10);
  if (!osdHz.ok) return osdHz;
  const hsiHz = intIn('hsiHz', req.hsiHz, 1, 30, 5);
  if (!hsiHz.ok) return hsiHz;
  const stickMethod = req.stickMethod ?? 'stick_control';
  if (stickMethod !== 'stick_control' && stickMethod !== 'drone_control') return err(appError('invalid_request', `stickMethod: expected "stick_control" or "drone_control", got ${String(stickMethod)}`));
  if (req.payloadIndex !== undefined && (typeof req.payloadIndex !== 'string' || !/^\d+-\d+-\d+$/.test(req.payloadIndex))) {
    return err(appError('invalid_request', `payloadIndex: expected {type-subtype-gimbalindex} like "39-0-7", got ${String(req.payloadIndex)}`));
  }
  return ok({
    gateway: req.gateway,
    aircraft: device.children[0] ?? null,
    flow,
    stickHz: stickHz.value,
    osdHz: osdHz.value,
    hsiHz: hsiHz.value,
    stickMethod,
    payloadIndex: req.payloadIndex ?? null,
    userCallsign: typeof req.userCallsign === 'string' && req.userCallsign !== '' ? req.userCallsign.slice(0, 64) : 'Outpost',
    takeover: req.takeover === true,
  });
}
