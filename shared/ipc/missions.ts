/** IPC channels of the missions capability (merged into the one contract in ./contract.ts). */

export type MissionsInvokeMap = Record<never, never>;
export type MissionsSendMap = Record<never, never>;
export type MissionsEventMap = Record<never, never>;

export const MISSIONS_INVOKE_CHANNELS = [] as const;
export const MISSIONS_SEND_CHANNELS = [] as const;
export const MISSIONS_EVENT_CHANNELS = [] as const;
