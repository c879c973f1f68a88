/** The payload's live state from the aircraft OSD: mode, recording, zoom, focus, exposure, storage, gimbal. Unknown shows "--". */
import { CAMERA_MODES, EXPOSURE_MODES, EXPOSURE_VALUES, FOCUS_MODES } from '../../../../shared/protocol/payload/fields';
import { numberOf, rangefinderTarget, type PayloadOsd } from '../../../../shared/protocol/payload/osd';

const text = (table: Readonly<Record<number, string>>, v: unknown): string => {
  const n = numberOf(v);
  return n === undefined ? '--' : (table[n] ?? String(n));
};
const fixed = (v: unknown, digits: number, unit = ''): string => {
  const n = numberOf(v);
  return n === undefined ? '--' : `${n.toFixed(digits)}${unit}`;
};
const clock = (s: number | undefined): string => (s === undefined ? '--' : `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`);

export function CameraState({ osd }: { readonly osd: PayloadOsd }) {
  const c = osd.camera;
  const g = osd.gimbal;
  const recording = numberOf(c.recording_state) === 1;
  const rf = rangefinderTarget(osd);
  const rows: [string, string, string][] = [
    ['mode', 'Mode', text(CAMERA_MODES, c.camera_mode)],
    ['recording', 'Recording', recording ? `REC ${clock(numberOf(c.record_time))}` : numberOf(c.recording_state) === 0 ? 'idle' : '--'],
    ['zoom', 'Zoom', `${fixed(c.zoom_factor ?? g.zoom_factor, 1, '×')} · IR ${fixed(c.ir_zoom_factor, 1, '×')}`],
    ['focus', 'Focus', `${text(FOCUS_MODES, c.zoom_focus_mode)} ${fixed(c.zoom_focus_value, 0)} (${fixed(c.zoom_min_focus_value, 0)}–${fixed(c.zoom_max_focus_value, 0)})`],
    ['exposure', 'Exposure', `${text(EXPOSURE_MODES, c.zoom_exposure_mode)} · ${text(EXPOSURE_VALUES, c.zoom_exposure_value)}`],
    ['storage', 'Storage left', `${fixed(c.remain_photo_num, 0, ' photos')} · ${clock(numberOf(c.remain_record_duration))}`],
    ['gimbal', 'Gimbal', `yaw ${fixed(g.gimbal_yaw, 1, '°')} pitch ${fixed(g.gimbal_pitch, 1, '°')} roll ${fixed(g.gimbal_roll, 1, '°')}`],
    ['rangefinder', 'Laser', rf ? `${fixed(rf.distance, 1, ' m')} → ${rf.lat.toFixed(6)}, ${rf.lon.toFixed(6)}` : '--'],
  ];
  return (
    <dl className="facts" data-testid="camera-state">
      {rows.map(([id, label, value]) => (
        <div key={id} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd data-testid={`cam-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
