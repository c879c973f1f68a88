/**
 * The payload capability: typed, range-checked camera/gimbal/IR commands (`payload:command`), thermal palette
 * and isotherm through property/set (`payload:thermalSet`), and panorama progress events (`payload:photoProgress`).
 */
import type { Feature, FeatureContext, FeatureFactory } from '../features/types';
import { PayloadCommander } from './commander';
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
    // A gateway that went away (reboot, link loss) must be asked for the payload again.
    ctx.shadow.onChange((p) => {
      if (p.online === false) commander.authority.forgetGateway(p.sn);
    }),
  ];
  return {
    invoke: {
      'payload:command': (req) => commander.run(req),
      'payload:thermalSet': (req) => setThermal({ shadow: ctx.shadow, publish: ctx.publish, clock: ctx.clock, counters: ctx.counters }, req),
    },
    stop: () => {
      for (const off of offs) off();
    },
  };
};
