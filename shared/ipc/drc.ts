/** IPC channels of the drc capability (merged into the one contract in ./contract.ts). */
import type { Sticks } from '../control/sticks';
import type { Result } from '../util/result';

export type DrcFlow = 'dock' | 'pilot';
export type DrcStickMethod = 'stick_control' | 'drone_control';
/** grabbing/requesting authority → (pilot: awaiting the pilot's answer) → entering → active → exiting → ended. */
export type DrcPhase = 'grabbing' | 'requesting' | 'awaiting_pilot' | 'entering' | 'active' | 'exiting' | 'ended';

/** Why a session ended; `message` in DrcEnd says it in words. */
export type DrcEndReason =
  | 'exited'
  | 'cancelled'
  | 'authority_refused'
  | 'pilot_failed'
  | 'pilot_canceled'
  | 'enter_refused'
  | 'timeout'
  | 'heartbeat_lost'
  | 'broker_down'
  | 'authority_taken'
  | 'authority_lost'
  | 'device_left'
  | 'engine_stopping';

export interface DrcEnd {
  readonly reason: DrcEndReason;
  readonly message: string;
  readonly at: number;
}

/** What the core does with the operator's input right now (dead-man). */
export type DrcInputState = 'none' | 'live' | 'stale' | 'released' | 'latched';

export interface DrcSessionView {
  readonly id: string;
  readonly gateway: string;
  readonly aircraft: string | null;
  readonly flow: DrcFlow;
  readonly phase: DrcPhase;
  readonly stickMethod: DrcStickMethod;
  readonly stickHz: number;
  readonly startedAt: number;
  /** Pilot 2's answer to cloud_control_auth_request, when it came. */
  readonly pilotAnswer: 'ok' | 'failed' | 'canceled' | null;
  readonly end: DrcEnd | null;
  readonly link: {
    /** Heartbeat round trip (echo of our own heart_beat timestamp), ms. */
    readonly rttMs: number | null;
    readonly lastEchoAt: number | null;
    /** Dock osd `drc_state` / drc_status_notify: 0 not connected, 1 connecting, 2 connected. */
    readonly deviceDrcState: number | null;
  };
  readonly input: {
    readonly state: DrcInputState;
    /** Why the core is sending neutral sticks, in words (null while live). */
    readonly why: string | null;
  };
  readonly sent: { readonly sticks: number; readonly heartbeats: number; readonly lastSeq: number };
}

export interface DrcEnterRequest {
  readonly gateway: string;
  /** Default from the device class: dock → dock flow, RC → Pilot 2 flow. */
  readonly flow?: DrcFlow;
  /** Stick stream rate, 5–30 Hz (default 10). */
  readonly stickHz?: number;
  /** drc_mode_enter osd_frequency / hsi_frequency, 1–30 Hz (default 10 / 5). */
  readonly osdHz?: number;
  readonly hsiHz?: number;
  /** Default stick_control; drone_control for firmware that only has it. */
  readonly stickMethod?: DrcStickMethod;
  /** Also grab payload authority for this payload (dock flow), e.g. "39-0-7". */
  readonly payloadIndex?: string;
  /** Take over a session another operator holds on this gateway. */
  readonly takeover?: boolean;
  readonly userCallsign?: string;
}

export interface DrcSticksMessage {
  readonly gateway: string;
  readonly sessionId: string;
  readonly sticks: Sticks;
  /** Epoch ms when the renderer sampled the gamepad. */
  readonly sampledAt: number;
  /** False when the renderer lost its input (gamepad unplugged, window hidden): the core goes neutral at once. */
  readonly active?: boolean;
  /** Why input is inactive, in words (shown back to the operator). */
  readonly why?: string;
}

/** osd_info_push (Dock 2 110.drc.md "DRC-high frequency osd information pushing"). */
export interface DrcOsdInfo {
  readonly attitude_head: number;
  readonly latitude: number;
  readonly longitude: number;
  readonly height: number;
  readonly speed_x: number;
  readonly speed_y: number;
  readonly speed_z: number;
  readonly gimbal_pitch?: number;
  readonly gimbal_roll?: number;
  readonly gimbal_yaw?: number;
}

export interface DrcTelemetry {
  readonly gateway: string;
  readonly at: number;
  readonly osd?: DrcOsdInfo;
  /** hsi_info_push: around_distances (mm, clockwise from the nose), up/down distance (mm). */
  readonly hsi?: { readonly around_distances: readonly number[]; readonly up_distance: number | null; readonly down_distance: number | null };
  /** delay_info_push: command link delay and per-stream video delay (ms). */
  readonly delay?: { readonly sdr_cmd_delay: number | null; readonly liveview: readonly { readonly video_id: string; readonly delay: number }[] };
}

/**
 * The device's answer to `return_home` (services on the gateway: dock2 50.wayline.md "One-key return",
 * dock3 wayline.md, dji-rc-plus-2 drc.md "一键返航"; data null, reply output.status).
 */
export interface ReturnHomeOutcome {
  readonly gateway: string;
  /** output.status of the reply (ok, in_progress, sent…), null when the device sent none. */
  readonly status: string | null;
  /** What the device answered, in words. */
  readonly text: string;
}

export interface DrcInvokeMap {
  'drc:enter': { req: DrcEnterRequest; res: Result<DrcSessionView> };
  'drc:exit': { req: { gateway: string }; res: Result<DrcSessionView> };
  'drc:emergencyStop': { req: { gateway: string }; res: Result<{ seq: number; sentAt: number }> };
  'drc:sessions': { req: void; res: readonly DrcSessionView[] };
  /** One-key return home of the gateway's aircraft; works with or without a DRC session. */
  'drc:returnHome': { req: { gateway: string }; res: Result<ReturnHomeOutcome> };
  /** Cancels a return home (`return_home_cancel`): the aircraft hovers; in a DRC session the sticks fly it. */
  'drc:returnHomeCancel': { req: { gateway: string }; res: Result<ReturnHomeOutcome> };
}

export interface DrcSendMap {
  'drc:sticks': DrcSticksMessage;
}

export interface DrcEventMap {
  /** Every session transition and link/input health change. */
  'drc:state': DrcSessionView;
  /** drc/up pushes (osd/hsi/delay) of gateways in a session, as they arrive. */
  'drc:telemetry': DrcTelemetry;
}

export const DRC_INVOKE_CHANNELS = ['drc:enter', 'drc:exit', 'drc:emergencyStop', 'drc:sessions', 'drc:returnHome', 'drc:returnHomeCancel'] as const;
export const DRC_SEND_CHANNELS = ['drc:sticks'] as const;
export const DRC_EVENT_CHANNELS = ['drc:state', 'drc:telemetry'] as const;
