/** Live video for every simulated gateway: answers live_* and pushes real RTMP with ffmpeg (sim/live/). */
import type { SimExtensionFactory } from '../extension';
import { liveSimFromEnv, type LiveSimOptions } from '../live/config';
import { SimLive } from '../live/service';

/** A factory with explicit options (tests: small frames, injected failures). */
export function createLiveSimExtension(o: Partial<LiveSimOptions> = {}, onCreate?: (live: SimLive) => void): SimExtensionFactory {
  return (api) => {
    const live = new SimLive(api, { ...liveSimFromEnv(process.env.OUTPOST_SIM_VIDEO), ...o });
    onCreate?.(live);
    return { service: (method, data) => live.service(method, data), stop: () => live.stop() };
  };
}

export const liveSimExtension: SimExtensionFactory = createLiveSimExtension();
