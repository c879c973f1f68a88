/** `video_quality` (Dock 2 30.live.md): 0 adaptive, 1 smooth 960×540 512 Kbps, 2 SD 720p 1 Mbps, 3 HD 720p 1.5 Mbps, 4 UHD 1080p. */
export type VideoQuality = 0 | 1 | 2 | 3 | 4;

export const VIDEO_QUALITIES: readonly { readonly value: VideoQuality; readonly label: string }[] = [
  { value: 0, label: 'Adaptive' },
  { value: 1, label: 'Smooth (960×540)' },
  { value: 2, label: 'SD (1280×720)' },
  { value: 3, label: 'HD (1280×720)' },
  { value: 4, label: 'UHD (1920×1080)' },
];

export const isVideoQuality = (q: unknown): q is VideoQuality => typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= 4;

/** Lens types `live_lens_change` accepts (docs enum): normal, wide, zoom, ir. */
export const LENS_TYPES = ['normal', 'wide', 'zoom', 'ir'] as const;
export type LensType = (typeof LENS_TYPES)[number];
export const isLensType = (t: unknown): t is LensType => typeof t === 'string' && (LENS_TYPES as readonly string[]).includes(t);
