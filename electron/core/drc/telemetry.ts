/**
 * drc/up pushes → the renderer (`drc:telemetry`), and osd_info_push → the aircraft's shadow
 * position so the globe follows at the DRC OSD rate (Dock 2 110.drc.md "high frequency osd").
 */
import type { FeatureContext } from '../features/types';
import type { DrcSession } from './session';
import { readDelayInfo, readHsiInfo, readOsdInfo } from './wire';

export function forwardTelemetry(ctx: FeatureContext, s: DrcSession, method: string, data: unknown): void {
  const at = ctx.clock.now();
  const gateway = s.gateway;
  switch (method) {
    case 'osd_info_push': {
      const osd = readOsdInfo(data);
      if (!osd) return ctx.counters.inc('drc.osd_invalid');
      ctx.bus.emit('drc:telemetry', { gateway, at, osd });
      const sn = s.cfg.aircraft;
      if (sn) {
        ctx.shadow.applyProperties(
          sn,
          {
            latitude: osd.latitude,
            longitude: osd.longitude,
            height: osd.height,
            attitude_head: osd.attitude_head,
            horizontal_speed: Math.round(Math.hypot(osd.speed_x, osd.speed_y) * 100) / 100,
            vertical_speed: osd.speed_z,
          },
          'osd',
          at,
        );
      }
      return;
    }
    case 'hsi_info_push': {
      const hsi = readHsiInfo(data);
      if (hsi) ctx.bus.emit('drc:telemetry', { gateway, at, hsi });
      return;
    }
    case 'delay_info_push': {
      const delay = readDelayInfo(data);
      if (delay) ctx.bus.emit('drc:telemetry', { gateway, at, delay });
      return;
    }
    default:
      return;
  }
}
