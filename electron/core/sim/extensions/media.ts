/**
 * Simulated media: while the aircraft flies, take a photo every `photoEverySec` (up to 8 per flight); when it
 * lands, upload them and one short video through the S3 API with credentials from storage_config_get, then send
 * file_upload_callback per file. Docks only (Pilot 2 uploads through its HTTP flow). Test triggers: `uploadNow`
 * via `simMediaControl(gatewaySn)`, or env OUTPOST_SIM_MEDIA_AFTER_MS (upload one synthetic flight after that long).
 */
import type { Result } from '../../../../shared/util/result';
import type { SimDeviceApi, SimExtension, SimExtensionFactory } from '../extension';
import { offsetToLatLon } from '../geo';
import { product } from '../products';
import { uploadFlightMedia, type Capture, type UploadReport } from '../media/uploader';

export interface SimMediaControl {
  /** Uploads a synthetic flight's media now (photos around the dock), as after a landing. */
  uploadNow(photos?: number): Promise<Result<UploadReport>>;
}

const controls = new Map<string, SimMediaControl>();
/** The media control of a simulated gateway (in-process tests). */
export const simMediaControl = (gatewaySn: string): SimMediaControl | undefined => controls.get(gatewaySn);

const PHOTO_EVERY_SEC = 20;
const MAX_PHOTOS = 8;

export const mediaSimExtension: SimExtensionFactory = (api): SimExtension => {
  if (!product(api.kind).isDock) return {};
  let captures: Capture[] = [];
  let wasAirborne = false;
  let lastShot = 0;
  const tick = (): void => {
    const s = api.snapshot();
    const now = api.clock.now();
    if (s.airborne && (s.phase === 'orbit' || s.phase === 'outbound') && now - lastShot >= PHOTO_EVERY_SEC * 1000 && captures.length < MAX_PHOTOS) {
      lastShot = now;
      captures.push({ t: now, lat: s.lat, lon: s.lon, height: s.height, elevation: s.elevation, heading: s.heading });
    }
    if (wasAirborne && !s.airborne && captures.length > 0) {
      const batch = captures;
      captures = [];
      void report(api, uploadFlightMedia(api, batch));
    }
    wasAirborne = s.airborne;
  };
  const cancel = api.scheduler.every(2000, tick, 700);
  const control: SimMediaControl = { uploadNow: (n = 4) => uploadFlightMedia(api, synthetic(api, n)) };
  controls.set(api.gatewaySn, control);
  const after = Number(process.env.OUTPOST_SIM_MEDIA_AFTER_MS ?? 0);
  // The env trigger retries a few times: the dock may still be connecting or binding when it fires.
  let tries = 0;
  let timer: ReturnType<typeof api.clock.setTimeout> | null = null;
  const attempt = async (): Promise<void> => {
    const r = await control.uploadNow().catch((e: unknown) => ({ ok: false as const, error: { code: 'upload_failed', message: String(e) } }));
    if (r.ok || ++tries >= 5) return void (r.ok ? undefined : api.log.warn('media upload failed', { error: r.error.message }));
    timer = api.clock.setTimeout(() => void attempt(), 2000);
  };
  if (after > 0) timer = api.clock.setTimeout(() => void attempt(), after);
  return {
    stop: () => {
      cancel();
      if (timer) api.clock.clearTimeout(timer);
      controls.delete(api.gatewaySn);
    },
  };
};

async function report(api: SimDeviceApi, p: Promise<Result<UploadReport>>): Promise<void> {
  const r = await p.catch((e: unknown) => ({ ok: false as const, error: { code: 'upload_failed', message: String(e) } }));
  if (!r.ok) api.log.warn('media upload failed', { error: r.error.message });
}

/** Photos on a 150 m circle around the dock at 80 m, a few seconds apart, ending now. */
function synthetic(api: SimDeviceApi, n: number): Capture[] {
  const now = api.clock.now();
  return Array.from({ length: n }, (_, i) => {
    const bearing = (2 * Math.PI * i) / n;
    const p = offsetToLatLon(api.home, 150 * Math.sin(bearing), 150 * Math.cos(bearing));
    return { t: now - (n - i) * 5000, lat: p.lat, lon: p.lon, height: api.home.height + 80, elevation: 80, heading: Math.round(((bearing * 180) / Math.PI + 90) % 360) - 180 };
  });
}
