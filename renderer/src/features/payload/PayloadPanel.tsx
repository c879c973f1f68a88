/**
 * Point the camera: the selected aircraft's payload state, camera/gimbal controls and look-at from the map. The
 * gestures and the thermal overlay live on the wall's video tiles of that aircraft (LensTile, registered here).
 * Mounted by App next to the inspector.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { registerTileOverlay } from '../live/tileOverlays';
import { useDevices } from '../../state/hooks';
import { CameraState } from './CameraState';
import { Controls } from './Controls';
import { installPayloadDebugHook } from './debugHook';
import { drcCameraTarget } from './drcCamera';
import { ExposureNight } from './ExposureNight';
import { LensTile } from './LensTile';
import { startLookAt } from './lookAt';
import { selectPayload } from './selection';
import { payloadUi } from './store';
import { ThermalControls } from './ThermalControls';
import './payload.css';

export function PayloadPanel({ client }: { readonly client: OutpostClient }) {
  const devices = useDevices((s) => s.devices);
  const selected = useDevices((s) => s.selected);
  const sel = useMemo(() => selectPayload({ devices, selected }), [devices, selected]);
  const message = useStore(payloadUi, (s) => s.message);
  useEffect(() => startLookAt(client), [client]);
  useEffect(() => installPayloadDebugHook(), []);
  useEffect(() => client.on('payload:photoProgress', (p) => payloadUi.setState({ progress: p })), [client]);
  useEffect(() => registerTileOverlay((stream, overlay) => <LensTile client={client} stream={stream} overlay={overlay} />), [client]);
  const drcCam = useMemo(() => (sel ? drcCameraTarget(devices, sel) : null), [devices, sel]);
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
      {drcCam && <ExposureNight client={client} t={drcCam} />}
      <p className="muted payload-hint" data-testid="payload-hint">
        On the live wall, this aircraft's camera tile takes the camera actions: double-click aims, drag turns the gimbal, the wheel zooms; on the IR lens a click or a rectangle measures.
      </p>
      <p className={`payload-message ${message?.ok === false ? 'error' : ''}`} data-testid="payload-message" role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
