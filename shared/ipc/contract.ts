/**
 * The one typed IPC contract between the engine (core) and the renderer.
 * Channel names are `domain:verb`. Both transports (Electron ipcMain/preload and
 * the serve-mode WebSocket) and the renderer client derive their types from here.
 */
import type { DeviceSnapshot, ShadowPatch } from '../model/device';
import type { Settings } from '../model/settings';
import type { Result } from '../util/result';
import { DRC_EVENT_CHANNELS, DRC_INVOKE_CHANNELS, DRC_SEND_CHANNELS, type DrcEventMap, type DrcInvokeMap, type DrcSendMap } from './drc';
import { LIVE_EVENT_CHANNELS, LIVE_INVOKE_CHANNELS, LIVE_SEND_CHANNELS, type LiveEventMap, type LiveInvokeMap, type LiveSendMap } from './live';
import { MEDIA_EVENT_CHANNELS, MEDIA_INVOKE_CHANNELS, MEDIA_SEND_CHANNELS, type MediaEventMap, type MediaInvokeMap, type MediaSendMap } from './media';
import { MISSIONS_EVENT_CHANNELS, MISSIONS_INVOKE_CHANNELS, MISSIONS_SEND_CHANNELS, type MissionsEventMap, type MissionsInvokeMap, type MissionsSendMap } from './missions';
import { PAYLOAD_EVENT_CHANNELS, PAYLOAD_INVOKE_CHANNELS, PAYLOAD_SEND_CHANNELS, type PayloadEventMap, type PayloadInvokeMap, type PayloadSendMap } from './payload';

export interface EngineStatus {
  readonly startedAt: number;
  readonly link: LinkStatus;
  readonly httpPort: number;
  readonly mqttPort: number | null;
  readonly wsPort: number | null;
  readonly counters: Readonly<Record<string, number>>;
  readonly simulate: number;
}

export interface LinkStatus {
  readonly kind: 'embedded' | 'remote';
  readonly state: 'starting' | 'up' | 'reconnecting' | 'down';
  readonly detail: string;
  readonly clients: number;
}

export interface HmsRecord {
  readonly id: number;
  readonly sn: string;
  readonly code: string;
  readonly level: number;
  readonly text: string;
  readonly receivedAt: number;
}

export interface TrackPoint {
  readonly t: number;
  readonly latitude: number;
  readonly longitude: number;
  readonly height: number | null;
}

/** request → Promise<response>: the core channels plus each capability's (./drc, ./payload, ./live). */
export interface InvokeMap extends CoreInvokeMap, DrcInvokeMap, PayloadInvokeMap, LiveInvokeMap, MissionsInvokeMap, MediaInvokeMap {}

export interface CoreInvokeMap {
  'shadow:snapshot': { req: void; res: readonly DeviceSnapshot[] };
  'engine:status': { req: void; res: EngineStatus };
  'settings:get': { req: void; res: Settings };
  'settings:set': { req: SettingsUpdate; res: Result<Settings> };
  'hms:recent': { req: { sn?: string; limit?: number }; res: readonly HmsRecord[] };
  'telemetry:track': { req: { sn: string; sinceMs?: number; limit?: number }; res: readonly TrackPoint[] };
}

/** Deep-partial settings update. */
export type SettingsUpdate = { readonly [K in keyof Settings]?: Partial<Settings[K]> };

/** renderer → core, fire-and-forget */
export interface SendMap extends CoreSendMap, DrcSendMap, PayloadSendMap, LiveSendMap, MissionsSendMap, MediaSendMap {}

export interface CoreSendMap {
  'log:renderer': { level: 'info' | 'warn' | 'error'; message: string };
}

/** core → renderer push */
export interface EventMap extends CoreEventMap, DrcEventMap, PayloadEventMap, LiveEventMap, MissionsEventMap, MediaEventMap {}

export interface CoreEventMap {
  /** Coalesced shadow changes: at most 10 patches per second per device. */
  'shadow:patch': readonly ShadowPatch[];
  'engine:status': EngineStatus;
}

export type InvokeChannel = keyof InvokeMap;
export type SendChannel = keyof SendMap;
export type EventChannel = keyof EventMap;
export type InvokeReq<C extends InvokeChannel> = InvokeMap[C]['req'];
export type InvokeRes<C extends InvokeChannel> = InvokeMap[C]['res'];

/** Runtime list of channels (used by preload and the WS transport to refuse unknown names). */
export const INVOKE_CHANNELS = [
  'shadow:snapshot',
  'engine:status',
  'settings:get',
  'settings:set',
  'hms:recent',
  'telemetry:track',
  ...DRC_INVOKE_CHANNELS,
  ...PAYLOAD_INVOKE_CHANNELS,
  ...LIVE_INVOKE_CHANNELS,
  ...MISSIONS_INVOKE_CHANNELS,
  ...MEDIA_INVOKE_CHANNELS,
] as const satisfies readonly InvokeChannel[];
export const SEND_CHANNELS = ['log:renderer', ...DRC_SEND_CHANNELS, ...PAYLOAD_SEND_CHANNELS, ...LIVE_SEND_CHANNELS, ...MISSIONS_SEND_CHANNELS, ...MEDIA_SEND_CHANNELS] as const satisfies readonly SendChannel[];
export const EVENT_CHANNELS = ['shadow:patch', 'engine:status', ...DRC_EVENT_CHANNELS, ...PAYLOAD_EVENT_CHANNELS, ...LIVE_EVENT_CHANNELS, ...MISSIONS_EVENT_CHANNELS, ...MEDIA_EVENT_CHANNELS] as const satisfies readonly EventChannel[];

/** What the renderer talks to; implemented by the preload bridge and by the WebSocket client. */
export interface OutpostClient {
  invoke<C extends InvokeChannel>(channel: C, req: InvokeReq<C>): Promise<InvokeRes<C>>;
  send<C extends SendChannel>(channel: C, msg: SendMap[C]): void;
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}

/** Core side: one handler per invoke channel. */
export type InvokeHandlers = { [C in InvokeChannel]: (req: InvokeReq<C>) => Promise<InvokeRes<C>> | InvokeRes<C> };
export type SendHandlers = { [C in SendChannel]: (msg: SendMap[C]) => void };
/** The engine's own handlers; each capability brings the rest (electron/core/features). */
export type CoreInvokeHandlers = Pick<InvokeHandlers, keyof CoreInvokeMap>;
export type CoreSendHandlers = Pick<SendHandlers, keyof CoreSendMap>;

/** WebSocket wire frames for serve mode. */
export type WsFrame =
  | { readonly t: 'invoke'; readonly id: number; readonly channel: string; readonly req: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly res: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: { code: string; message: string } }
  | { readonly t: 'send'; readonly channel: string; readonly msg: unknown }
  | { readonly t: 'event'; readonly channel: string; readonly payload: unknown };

/**
 * What the Electron preload exposes as `window.outpostBridge`: one function per
 * channel (no generic ipcRenderer access). The renderer adapts it to OutpostClient.
 */
export interface OutpostBridge {
  readonly invoke: { readonly [C in InvokeChannel]: (req: InvokeReq<C>) => Promise<InvokeRes<C>> };
  readonly send: { readonly [C in SendChannel]: (msg: SendMap[C]) => void };
  readonly on: { readonly [C in EventChannel]: (listener: (payload: EventMap[C]) => void) => () => void };
}

/** Adapt the preload bridge to the one client interface the renderer uses. */
export function clientFromBridge(b: OutpostBridge): OutpostClient {
  return {
    invoke: (channel, req) => (b.invoke[channel] as (r: unknown) => Promise<never>)(req),
    send: (channel, msg) => (b.send[channel] as (m: unknown) => void)(msg),
    on: (channel, listener) => (b.on[channel] as (l: (p: unknown) => void) => () => void)(listener as (p: unknown) => void),
  };
}
