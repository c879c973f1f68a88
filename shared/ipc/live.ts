/** IPC channels of the live capability (merged into the one contract in ./contract.ts). */

export type LiveInvokeMap = Record<never, never>;
export type LiveSendMap = Record<never, never>;
export type LiveEventMap = Record<never, never>;

export const LIVE_INVOKE_CHANNELS = [] as const;
export const LIVE_SEND_CHANNELS = [] as const;
export const LIVE_EVENT_CHANNELS = [] as const;
