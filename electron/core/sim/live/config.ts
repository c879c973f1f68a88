/** Simulated video settings: 1280×720@30 by default; `OUTPOST_SIM_VIDEO=320x180@15` (tests, small machines). */
export interface LiveSimOptions {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly ffmpeg: string;
  /** Result codes to answer the next `live_start_push` calls with, in order (error injection for tests). */
  readonly failStarts: readonly number[];
  /** A push that dies on its own is restarted after this long, like a device reconnecting. */
  readonly restartDelayMs: number;
}

export const DEFAULT_LIVE_SIM: LiveSimOptions = { width: 1280, height: 720, fps: 30, ffmpeg: 'ffmpeg', failStarts: [], restartDelayMs: 1000 };

export function liveSimFromEnv(v: string | undefined): LiveSimOptions {
  const m = v ? /^(\d{2,4})x(\d{2,4})@(\d{1,2})$/.exec(v) : null;
  return m ? { ...DEFAULT_LIVE_SIM, width: Number(m[1]), height: Number(m[2]), fps: Number(m[3]) } : DEFAULT_LIVE_SIM;
}

/** Bitrate per video_quality (30.live.md: smooth 512 Kbps, SD 1 Mbps, HD 1.5 Mbps, UHD 3 Mbps), scaled to the frame size. */
export function kbpsFor(quality: number, width: number, height: number): number {
  const base = [1000, 512, 1000, 1500, 3000][quality] ?? 1000;
  return Math.max(100, Math.round((base * width * height) / (1280 * 720)));
}
