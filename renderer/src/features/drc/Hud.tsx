/** Flight HUD: attitude/heading, height, distance from home, speeds, battery, GPS/RTK, DRC link, speed mode, return-home hold, obstacle ring. */
import type { SpeedModeSpec } from '../../../../shared/control/speed';
import type { DrcSessionView } from '../../../../shared/ipc/drc';
import type { DeviceSnapshot } from '../../../../shared/model/device';
import { ObstacleRing } from './ObstacleRing';
import type { DrcUiState, TelemetryState } from './store';

const fmt = (v: unknown, digits = 1, unit = ''): string => (typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(digits)}${unit}` : '--');

function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const k = 111_320;
  return Math.hypot((a.latitude - b.latitude) * k, (a.longitude - b.longitude) * k * Math.cos((a.latitude * Math.PI) / 180));
}

export interface HudProps {
  readonly session: DrcSessionView | null;
  readonly telemetry: TelemetryState | undefined;
  readonly aircraft: DeviceSnapshot | undefined;
  readonly gateway: DeviceSnapshot | undefined;
  readonly speed: SpeedModeSpec;
  readonly rthHold: DrcUiState['rthHold'];
}

export function Hud({ session, telemetry, aircraft, gateway, speed, rthHold }: HudProps) {
  const osd = telemetry?.osd;
  const pos = aircraft?.groups.position?.fields;
  const att = aircraft?.groups.attitude?.fields;
  const gw = gateway?.groups.position?.fields;
  const home =
    osd && typeof gw?.latitude === 'number' && typeof gw.longitude === 'number'
      ? metresBetween(osd, { latitude: gw.latitude, longitude: gw.longitude })
      : pos?.home_distance;
  const gnss = (aircraft?.groups.gnss?.fields.position_state ?? null) as { gps_number?: number; rtk_number?: number; is_fixed?: number } | null;
  const hSpeed = osd ? Math.hypot(osd.speed_x, osd.speed_y) : att?.horizontal_speed;
  const heading = osd?.attitude_head ?? att?.attitude_head;
  const rows: readonly (readonly [string, string, string])[] = [
    ['heading', 'HDG', fmt(heading, 0, '°')],
    ['pitch', 'PIT', fmt(att?.attitude_pitch, 1, '°')],
    ['roll', 'ROL', fmt(att?.attitude_roll, 1, '°')],
    ['height', 'ALT', fmt(osd?.height ?? pos?.height, 1, ' m')],
    ['elevation', 'REL', fmt(pos?.elevation, 1, ' m')],
    ['home', 'HOME', fmt(home, 0, ' m')],
    ['hspeed', 'H.S', fmt(hSpeed, 1, ' m/s')],
    ['vspeed', 'V.S', fmt(osd?.speed_z ?? att?.vertical_speed, 1, ' m/s')],
    ['battery', 'BAT', fmt(aircraft?.groups.battery?.fields.capacity_percent, 0, ' %')],
    ['gnss', 'GPS/RTK', gnss ? `${gnss.gps_number ?? '--'}/${gnss.rtk_number ?? '--'}${gnss.is_fixed === 2 ? ' FIX' : ''}` : '--'],
    ['rtt', 'RTT', fmt(session?.link.rttMs, 0, ' ms')],
    ['sdr', 'CMD LINK', fmt(telemetry?.delay?.sdr_cmd_delay, 0, ' ms')],
    ['video', 'VIDEO', fmt(telemetry?.delay?.liveview[0]?.delay, 0, ' ms')],
    ['drcstate', 'DRC', session ? `${session.phase}${session.link.deviceDrcState === 2 ? ' · linked' : ''}` : '--'],
    ['speed', 'SPEED', `${speed.label} ${Math.round(speed.scale * 100)}%`],
  ];
  return (
    <div className="drc-hud" data-testid="drc-hud" data-lat={osd?.latitude ?? ''}>
      <div className="drc-compass" style={{ transform: `rotate(${typeof heading === 'number' ? -heading : 0}deg)` }} aria-hidden>
        N
      </div>
      <dl>
        {rows.map(([key, label, value]) => (
          <div key={key} className="drc-hud-row">
            <dt>{label}</dt>
            <dd data-testid={`drc-hud-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <ObstacleRing hsi={telemetry?.hsi} />
      {rthHold ? <RthHold hold={rthHold} /> : null}
    </div>
  );
}

/** The return-home button's hold, filling up like an RC's RTH ring; "sent" once the hold completed. */
function RthHold({ hold }: { readonly hold: NonNullable<DrcUiState['rthHold']> }) {
  const pct = Math.round(hold.progress * 100);
  return (
    <div className={`drc-rth-hold state-${hold.state}`} data-testid="drc-rth-hold" data-state={hold.state} role="progressbar" aria-label="Return home hold" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <i style={{ width: `${pct}%` }} />
      <span>{hold.state === 'fired' ? 'Return home sent' : `Hold to return home… ${pct}%`}</span>
    </div>
  );
}
