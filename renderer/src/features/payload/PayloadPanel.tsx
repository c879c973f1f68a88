/**
 * Point the camera: the selected aircraft's payload state, camera/gimbal controls, look-at from the map, and two
 * lens tiles (zoom, IR) with gestures and the thermal overlay. Mounted by App next to the inspector.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { numberOf } from '../../../../shared/protocol/payload/osd';
import { ZOOM_RANGE } from '../../../../shared/protocol/payload/table';
import { useDevices } from '../../state/hooks';
import { sendCommand } from './actions';
import { CameraState } from './CameraState';
import { Controls } from './Controls';
import { installPayloadDebugHook } from './debugHook';
import { IrOverlay } from './IrOverlay';
import { startLookAt } from './lookAt';
import { selectPayload, type PayloadSelection } from './selection';
import { payloadUi } from './store';
import { ThermalControls } from './ThermalControls';
import { VideoSurface } from './VideoSurface';
import './payload.css';

/** Tile sizes (16:10 boxes; both lenses letterbox inside). M fits two tiles side by side in the globe column. */
const SIZES = { S: [200, 125], M: [300, 188], L: [440, 275] } as const;

export function PayloadPanel({ client }: { readonly client: OutpostClient }) {
  const devices = useDevices((s) => s.devices);
  const selected = useDevices((s) => s.selected);
  const sel = useMemo(() => selectPayload({ devices, selected }), [devices, selected]);
  const message = useStore(payloadUi, (s) => s.message);
  useEffect(() => startLookAt(client), [client]);
  useEffect(() => installPayloadDebugHook(), []);
  useEffect(() => client.on('payload:photoProgress', (p) => payloadUi.setState({ progress: p })), [client]);
  if (!sel) return null;
  return (
    <section className="panel payload-panel" data-testid="payload-panel">
      <header className="panel-head">
        <span>Payload {sel.payloadIndex}</span>
        <span className="muted">{sel.sn}</span>
      </header>
      <CameraState osd={sel.osd} />
      <Controls client={client} sel={sel} />
      <ThermalControls client={client} sel={sel} />
      <Tiles client={client} sel={sel} />
      <p className={`payload-message ${message?.ok === false ? 'error' : ''}`} data-testid="payload-message" role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}

function Tiles({ client, sel }: { readonly client: OutpostClient; readonly sel: PayloadSelection }) {
  const [size, setSize] = useState<keyof typeof SIZES>('M');
  const [irTool, setIrTool] = useState<'meter' | 'gimbal'>('meter');
  const locked = useStore(payloadUi, (s) => s.locked);
  const unit = useStore(payloadUi, (s) => s.unit);
  const [w, h] = SIZES[size];
  const idx = sel.payloadIndex;
  const send = (c: Parameters<typeof sendCommand>[2]) => void sendCommand(client, sel.sn, c);
  const zoomStep = (lens: 'zoom' | 'ir', dir: 1 | -1) => {
    const range = lens === 'ir' ? ZOOM_RANGE.ir : ZOOM_RANGE.visible;
    const now = numberOf(lens === 'ir' ? sel.osd.camera.ir_zoom_factor : sel.osd.camera.zoom_factor) ?? range.min;
    const next = Math.round(Math.min(range.max, Math.max(range.min, now * (dir > 0 ? 1.25 : 0.8))) * 10) / 10;
    send({ method: 'camera_focal_length_set', data: { payload_index: idx, camera_type: lens, zoom_factor: next } });
  };
  const drag = (s: { yaw_speed: number; pitch_speed: number }) => send({ method: 'camera_screen_drag', data: { payload_index: idx, locked, ...s } });
  return (
    <div className="payload-tiles">
      <div className="row">
        {(Object.keys(SIZES) as (keyof typeof SIZES)[]).map((k) => (
          <button key={k} data-testid={`tile-size-${k}`} className={k === size ? 'armed' : ''} onClick={() => setSize(k)}>{k}</button>
        ))}
        <button data-testid="ir-tool" onClick={() => setIrTool(irTool === 'meter' ? 'gimbal' : 'meter')}>IR drag: {irTool === 'meter' ? 'measure' : 'turn gimbal'}</button>
      </div>
      <VideoSurface
        videoId={`${sel.sn}/${idx}/zoom`}
        lens="zoom"
        width={w}
        height={h}
        aspect={16 / 9}
        tool="gimbal"
        onAim={(p) => send({ method: 'camera_aim', data: { payload_index: idx, camera_type: 'zoom', locked, ...p } })}
        onDragSpeed={drag}
        onZoomStep={(d) => zoomStep('zoom', d)}
      />
      <VideoSurface
        videoId={`${sel.sn}/${idx}/ir`}
        lens="ir"
        width={w}
        height={h}
        aspect={640 / 512}
        tool={irTool}
        onAim={(p) => send({ method: 'camera_aim', data: { payload_index: idx, camera_type: 'ir', locked, ...p } })}
        onDragSpeed={drag}
        onPoint={(p) => send({ method: 'ir_metering_point_set', data: { payload_index: idx, ...p } })}
        onArea={(a) => send({ method: 'ir_metering_area_set', data: { payload_index: idx, ...a } })}
        onZoomStep={(d) => zoomStep('ir', d)}
      >
        {(frame) => <IrOverlay frame={frame} osd={sel.osd} unit={unit} />}
      </VideoSurface>
    </div>
  );
}
