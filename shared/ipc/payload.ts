/** IPC channels of the payload capability (merged into the one contract in ./contract.ts). */
import type { DrcCameraCommand, DrcCameraMethod } from '../protocol/payload/drc-camera';
import type { PayloadCommand, PayloadMethod, PhotoProgress, ThermalSettings } from '../protocol/payload/types';
import type { Result } from '../util/result';

/** A payload command for a device: `sn` is the aircraft (or its gateway); the core finds the gateway. */
export type PayloadCommandRequest = { readonly sn: string } & PayloadCommand;

export interface PayloadCommandOutcome {
  readonly method: PayloadMethod;
  /** `services` (thing/product/{gw}/services) or `drc` (drc/down as drc_*, RC Plus 2 in DRC). */
  readonly via: 'services' | 'drc';
  readonly gateway: string;
  readonly output: unknown;
  /** payload_authority_grab was sent first (first command for this payload, or after a "no control" refusal). */
  readonly authorityGrabbed: boolean;
}

/** A Dock 3 DRC-only camera setting (drc_camera_iso_set…): `sn` is the aircraft or the dock. */
export type DrcCameraRequest = { readonly sn: string } & DrcCameraCommand;

export interface DrcCameraOutcome {
  readonly method: DrcCameraMethod;
  readonly gateway: string;
}

export interface ThermalSetRequest {
  readonly sn: string;
  readonly payloadIndex: string;
  readonly settings: ThermalSettings;
}

export interface PayloadInvokeMap {
  /** Validated against the documented ranges before anything is sent; device result codes come back as readable text. */
  'payload:command': { req: PayloadCommandRequest; res: Result<PayloadCommandOutcome> };
  /** Palette / gain / isotherm through property/set; resolves once the aircraft OSD shows the new values. */
  'payload:thermalSet': { req: ThermalSetRequest; res: Result<ThermalSettings> };
  /** Dock 3 exposure/night settings on drc/down; refused outside an active DRC session (they have no services form). */
  'payload:drcCamera': { req: DrcCameraRequest; res: Result<DrcCameraOutcome> };
}
export type PayloadSendMap = Record<never, never>;
export interface PayloadEventMap {
  /** `camera_photo_take_progress` (panorama) as it arrives. */
  'payload:photoProgress': PhotoProgress;
}

export const PAYLOAD_INVOKE_CHANNELS = ['payload:command', 'payload:thermalSet', 'payload:drcCamera'] as const;
export const PAYLOAD_SEND_CHANNELS = [] as const;
export const PAYLOAD_EVENT_CHANNELS = ['payload:photoProgress'] as const;
