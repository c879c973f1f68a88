/**
 * The payload capability: typed, range-checked camera/gimbal/IR commands (`payload:command`), thermal palette
 * and isotherm through property/set (`payload:thermalSet`), and panorama progress events (`payload:photoProgress`).
 */
import type { Feature, FeatureContext, FeatureFactory } from '../features/types';
import { decodeDrcCameraPush } from '../../../shared/protocol/payload';
import { PayloadCommander } from './commander';
import { runDrcCamera } from './drc-camera';
import { NOT_IN_DRC, type PayloadDrcPort } from './drc-port';
import { photoProgressOf } from './progress';
import { setThermal } from './thermal';

/**
 * The DRC session may expose itself as `ctx.drc` (a PayloadDrcPort); read at each command, so a port that
 * appears after start-up is used. Without it every command goes on `services`.
 */
const drcOf = (ctx: FeatureContext): PayloadDrcPort => ctx.drc ?? NOT_IN_DRC;

export const payloadFeature: FeatureFactory = (ctx): Feature => {
  const logger = ctx.logger.child('payload');
  const commander = new PayloadCommander({
    caller: ctx.caller,
    shadow: ctx.shadow,
    drc: () => drcOf(ctx),
    onDrcUp: (l) => ctx.onDrcUp(l),
    clock: ctx.clock,
    logger,
    counters: ctx.counters,
  });
  const offs = [
    ctx.onEvent((gateway, method, data) => {
      if (method === 'camera_photo_take_progress') ctx.bus.emit('payload:photoProgress', photoProgressOf(gateway, data));
    }),
    // Dock 3 camera pushes on drc/up (dock3 remote-control.md): merged per payload index into the aircraft's camera group.
    ctx.onDrcUp((gateway, method, data) => {
      const push = decodeDrcCameraPush(method, data);
      const aircraft = push && ctx.shadow.childrenOf(gateway)[0];
      if (!push || !aircraft) return;
      const prev = (ctx.shadow.get(aircraft)?.groups.camera?.fields.drc_camera ?? {}) as Record<string, object>;
      const merged = { ...prev, [push.payloadIndex]: { ...(prev[push.payloadIndex] ?? {}), ...push.report } };
      ctx.shadow.applyProperties(aircraft, { drc_camera: merged }, 'osd', ctx.clock.now());
    }),
    // A gateway that went away (reboot, link loss) must be asked for the payload again.
    ctx.shadow.onChange((p) => {
      if (p.online === false) commander.authority.forgetGateway(p.sn);
    }),
  ];
  return {
    invoke: {
      'payload:command': (req) => commander.run(req),
      'payload:drcCamera': (req) => runDrcCamera({ shadow: ctx.shadow, drc: () => drcOf(ctx), onDrcUp: (l) => ctx.onDrcUp(l), clock: ctx.clock, logger, counters: ctx.counters }, req),
      'payload:thermalSet': (req) => setThermal({ shadow: ctx.shadow, publish: ctx.publish, clock: ctx.clock, counters: ctx.counters }, req),
    },
    stop: () => {
      for (const off of offs) off();
    },
  };
};
