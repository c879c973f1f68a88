/** IPC channels of the media capability (merged into the one contract in ./contract.ts). */

export type MediaInvokeMap = Record<never, never>;
export type MediaSendMap = Record<never, never>;
export type MediaEventMap = Record<never, never>;

export const MEDIA_INVOKE_CHANNELS = [] as const;
export const MEDIA_SEND_CHANNELS = [] as const;
export const MEDIA_EVENT_CHANNELS = [] as const;
