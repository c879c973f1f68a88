/** Livestream protocol: video_id, live_capacity/live_status parsing, url builders, error texts (pure). */
export * from './video-id';
export * from './capacity';
export * from './urls';
export * from './errors';
export * from './quality';
export * from './timecode';
export * from './targets';
