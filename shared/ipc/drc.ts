/** IPC channels of the drc capability (merged into the one contract in ./contract.ts). */

export type DrcInvokeMap = Record<never, never>;
export type DrcSendMap = Record<never, never>;
export type DrcEventMap = Record<never, never>;

export const DRC_INVOKE_CHANNELS = [] as const;
export const DRC_SEND_CHANNELS = [] as const;
export const DRC_EVENT_CHANNELS = [] as const;
