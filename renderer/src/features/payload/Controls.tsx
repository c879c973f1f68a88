/** Camera and gimbal buttons: mode, photo, recording, zoom, gimbal reset, look-at arming. Values are checked by the core. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { CAMERA_MODES, GIMBAL_RESET_MODES } from '../../../../shared/protocol/payload/fields';
import { numberOf } from '../../../../shared/protocol/payload/osd';
import type { Lens } from '../../../../shared/protocol/payload/types';
import { sendCommand } from './actions';
import type { PayloadSelection } from './selection';
import { payloadUi } from './store';

export function Controls({ client, sel }: { readonly client: OutpostClient; readonly sel: PayloadSelection }) {
  const ui = useStore(payloadUi);
  const [zoom, setZoom] = useState('5');
  const [lens, setLens] = useState<Lens>('zoom');
  const [reset, setReset] = useState(0);
  const idx = { payload_index: sel.payloadIndex };
  const send = (c: Parameters<typeof sendCommand>[2]) => void sendCommand(client, sel.sn, c);
  const recording = numberOf(sel.osd.camera.recording_state) === 1;
  return (
    <div className="payload-controls">
      <div className="row">
        <select data-testid="cam-mode-select" value={numberOf(sel.osd.camera.camera_mode) ?? 0} onChange={(e) => send({ method: 'camera_mode_switch', data: { ...idx, camera_mode: Number(e.target.value) as 0 } })}>
          {Object.entries(CAMERA_MODES).map(([v, t]) => (
            <option key={v} value={v}>{t}</option>
          ))}
        </select>
        <button data-testid="photo" onClick={() => send({ method: 'camera_photo_take', data: idx })}>Photo</button>
        <button data-testid="photo-stop" onClick={() => send({ method: 'camera_photo_stop', data: idx })}>Stop pano</button>
        <button data-testid="record" onClick={() => send({ method: recording ? 'camera_recording_stop' : 'camera_recording_start', data: idx })}>{recording ? 'Stop rec' : 'Record'}</button>
        {ui.progress && ui.progress.status === 'in_progress' ? <span data-testid="pano-progress">{ui.progress.stepText} {ui.progress.percent ?? '--'}%</span> : null}
      </div>
      <div className="row">
        <label>
          Zoom <input data-testid="zoom-input" type="number" step="0.1" value={zoom} onChange={(e) => setZoom(e.target.value)} style={{ width: 60 }} />
        </label>
        <select value={lens} onChange={(e) => setLens(e.target.value as Lens)}>
          <option value="zoom">zoom</option>
          <option value="wide">wide</option>
          <option value="ir">IR</option>
        </select>
        <button data-testid="zoom-apply" onClick={() => send({ method: 'camera_focal_length_set', data: { ...idx, camera_type: lens, zoom_factor: Number(zoom) } })}>Set</button>
        <select value={reset} onChange={(e) => setReset(Number(e.target.value))}>
          {Object.entries(GIMBAL_RESET_MODES).map(([v, t]) => (
            <option key={v} value={v}>{t}</option>
          ))}
        </select>
        <button data-testid="gimbal-reset" onClick={() => send({ method: 'gimbal_reset', data: { ...idx, reset_mode: reset as 0 } })}>Reset gimbal</button>
      </div>
      <div className="row">
        <button data-testid="look-at-arm" className={ui.armed ? 'armed' : ''} onClick={() => payloadUi.setState({ armed: !ui.armed })}>
          {ui.armed ? 'Click the map…' : 'Look at (pick on map)'}
        </button>
        <label>
          <input type="checkbox" data-testid="look-at-locked" checked={ui.locked} onChange={(e) => payloadUi.setState({ locked: e.target.checked })} /> turn aircraft too
        </label>
        {ui.target?.sn === sel.sn ? (
          <span className="muted" data-testid="look-at-target">
            {ui.target.lat.toFixed(6)}, {ui.target.lon.toFixed(6)} · {ui.target.height.toFixed(1)} m
          </span>
        ) : null}
      </div>
    </div>
  );
}
