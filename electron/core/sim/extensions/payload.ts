/**
 * Simulated payload control for the aircraft (M3TD, M4TD behind a dock; Matrice 4T behind an RC Plus 2): answers
 * the payload-control commands (electron/core/sim/payload/answer.ts) where the product takes them — `services`
 * for docks, `drc_*` on the DRC link for the RC Plus 2 (sim/payload/drc-forms.ts) — slews its gimbal towards
 * look-at targets, and reports camera, gimbal, laser-rangefinder and IR-metering state in the aircraft OSD from a
 * deterministic thermal scene. The RC Plus (M30T behind Pilot 2) documents no payload commands: its default table refuses them.
 */
import type { SimDeviceApi, SimExtension, SimExtensionFactory } from '../extension';
import { topics } from '../envelope';
import { product } from '../products';
import { answerPayload, type Answer } from '../payload/answer';
import { applyDrcCamera, cameraOsdPush, cameraStatePush, initialDrcCameraState } from '../payload/drc-camera';
import { drcReply, servicesFormOf } from '../payload/drc-forms';
import { isDrcCameraMethod } from '../../../../shared/protocol/payload';
import { anglesTo, Gimbal, groundHit, type Angles } from '../payload/gimbal';
import { cameraEntry, initialPayloadState, payloadObject } from '../payload/state';
import { applyThermalSet } from '../payload/thermal-set';
import type { TimerHandle } from '../../util/clock';

const PANORAMA_STEP_MS = 400;

export const payloadSimExtension: SimExtensionFactory = (api): SimExtension => {
  const { payloadIndex, payloadVia } = product(api.kind);
  if (payloadVia === 'none') return {};
  const s = initialPayloadState();
  // Dock 3 only: its exposure/night settings exist on the DRC link alone (dock3 remote-control.md).
  const drcCamera = api.kind === 'dock3' ? initialDrcCameraState() : null;
  const gimbal = new Gimbal({ yaw: api.snapshot().heading, pitch: 0 }, api.clock.now());
  const timers = new Set<TimerHandle>();

  const goalAngles = (): Angles => {
    const f = api.snapshot();
    if (s.goal.kind === 'angles') return s.goal.angles;
    if (s.goal.kind === 'look_at') return anglesTo({ lat: f.lat, lon: f.lon, height: f.height }, s.goal.target);
    return { yaw: f.heading, pitch: f.airborne ? -45 : 0 };
  };
  const angles = (): Angles => gimbal.advance(goalAngles(), api.clock.now());

  // The device spreads aircraftOsdProps over each OSD it builds: getters make every OSD carry the state of that moment
  // (gimbal angles depend on where the aircraft is when it reports).
  Object.defineProperty(api.aircraftOsdProps, payloadIndex, {
    enumerable: true,
    configurable: true,
    get: () => {
      const a = angles();
      const f = api.snapshot();
      return payloadObject(s, payloadIndex, a, groundHit({ lat: f.lat, lon: f.lon, height: f.height }, a, api.home.height));
    },
  });
  Object.defineProperty(api.aircraftOsdProps, 'cameras', { enumerable: true, configurable: true, get: () => [cameraEntry(s, payloadIndex, api.clock.now())] });

  const after = (ms: number, fn: () => void): void => {
    const t = api.clock.setTimeout(() => (timers.delete(t), fn()), ms);
    timers.add(t);
  };

  const cancelTimers = (): void => {
    for (const t of timers) api.clock.clearTimeout(t);
    timers.clear();
  };

  /** camera_photo_take_progress events while a panorama is taken (dock2 110.drc.md "Upload capture progress"). */
  const runPanorama = (): void => {
    cancelTimers(); // a stopped panorama's remaining steps must not report into the next one
    const steps: readonly [number, number][] = [[3002, 0], [3002, 25], [3002, 50], [3002, 75], [3005, 90], [0, 100]];
    steps.forEach(([step, percent], i) =>
      after(PANORAMA_STEP_MS * (i + 1), () => {
        if (!s.panoramaBusy) return;
        const last = i === steps.length - 1;
        if (last) s.panoramaBusy = false;
        progress(api, last ? 'ok' : 'in_progress', step, percent);
      }),
    );
  };

  /** Both forms change the same state the same way; only the envelope of the answer differs. */
  const answer = (method: string, data: unknown, viaDrc: boolean): Answer => {
    const wasBusy = s.panoramaBusy;
    const a = answerPayload(s, method, data, { payloadIndex, nowMs: api.clock.now(), heading: api.snapshot().heading, angles: angles(), viaDrc });
    if (a.reply.result !== 0) api.log.info('payload command refused', { method, result: a.reply.result, viaDrc });
    if (a.panorama) runPanorama();
    if (wasBusy && !s.panoramaBusy && method === 'camera_photo_stop') {
      cancelTimers();
      progress(api, 'ok', 3000, 0);
    }
    return a;
  };

  return {
    service(method, data) {
      if (payloadVia !== 'services') return null;
      if (!method.startsWith('camera_') && !method.startsWith('gimbal_') && !method.startsWith('ir_metering_') && method !== 'payload_authority_grab') return null;
      return answer(method, data, false).reply;
    },
    drc(method, data) {
      if (drcCamera && isDrcCameraMethod(method)) {
        const result = applyDrcCamera(drcCamera, payloadIndex, method, data);
        if (result !== 0) api.log.info('DRC camera command refused', { method, result });
        else {
          // The state pushes go out before the answer, so the new state is known when the cloud reads {result: 0}.
          api.drcUp.push?.('drc_camera_state_push', cameraStatePush(drcCamera, payloadIndex, s.cameraMode));
          api.drcUp.push?.('drc_camera_osd_info_push', cameraOsdPush(drcCamera, payloadIndex, s.exposureMode));
        }
        return { result };
      }
      const form = payloadVia === 'drc' ? servicesFormOf(method) : null;
      return form ? drcReply(answer(form, data, true)) : null;
    },
    propertySet(data) {
      return applyThermalSet(s, payloadIndex, data);
    },
    stop: cancelTimers,
  };
};

function progress(api: SimDeviceApi, status: string, step: number, percent: number): void {
  const data = { result: 0, output: { status, progress: { current_step: step, percent }, ext: { camera_mode: 3 } } };
  api.publish('events', topics.events(api.gatewaySn), data, { method: 'camera_photo_take_progress', needReply: true });
}
