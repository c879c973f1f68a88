/** shared/protocol/payload: the typed payload-control command table, its validators, and OSD readers. */
export * from './types';
export * from './fields';
export { PAYLOAD_COMMANDS, PAYLOAD_METHODS, isPayloadMethod, DRC_PAYLOAD_GATEWAY_MODELS, ZOOM_RANGE, LOOK_AT_HEIGHT } from './table';
export type { CommandSpec } from './table';
export { validatePayloadCommand } from './validate';
export type { DeviceLimits } from './validate';
export { validateThermal, PALETTES, GAIN_MODES, THERMAL_KEYS } from './thermal';
export * from './osd';
export { NO_AUTHORITY_CODES, photoStepText } from './codes';
export * from './drc-camera';
export { validateDrcCameraCommand } from './drc-camera-validate';
export * from './drc-camera-push';
