/** IPC channels of the payload capability (merged into the one contract in ./contract.ts). */

export type PayloadInvokeMap = Record<never, never>;
export type PayloadSendMap = Record<never, never>;
export type PayloadEventMap = Record<never, never>;

export const PAYLOAD_INVOKE_CHANNELS = [] as const;
export const PAYLOAD_SEND_CHANNELS = [] as const;
export const PAYLOAD_EVENT_CHANNELS = [] as const;
