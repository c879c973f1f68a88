/**
 * What the payload feature lays over a live tile showing a lens of the selected aircraft: the camera gestures
 * (double-click aims, drag turns the gimbal, wheel zooms; on the IR lens a click or a rectangle sets the metering
 * point or area) and, on the IR lens, the thermal overlay on the picture's own box (letterbox included), so it
 * follows the tile when it resizes. Registered with the wall by PayloadPanel (live/tileOverlays).
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveStreamView } from '../../../../shared/ipc/live';
import type { LiveTileOverlay } from '../live/LiveTile';
import type { Rect } from '../live/overlayGeometry';
import { useDevices } from '../../state/hooks';
import { sendCommand } from './actions';
import { IrOverlay } from './IrOverlay';
import { LensGestures } from './LensGestures';
import { lensTarget, nextZoom } from './selection';
import { payloadUi } from './store';

type Command = Parameters<typeof sendCommand>[2];

/** LiveTile's header bar (title, quality, lens, record, stop) covers this much of the tile's top. */
const TILE_HEAD_PX = 22;

export function LensTile({ client, stream, overlay }: { readonly client: OutpostClient; readonly stream: LiveStreamView; readonly overlay: LiveTileOverlay }) {
  const devices = useDevices((s) => s.devices);
  const selected = useDevices((s) => s.selected);
  const { sn, cameraIndex, videoType } = stream;
  const target = useMemo(() => lensTarget({ devices, selected }, { sn, cameraIndex, videoType }), [devices, selected, sn, cameraIndex, videoType]);
  const locked = useStore(payloadUi, (s) => s.locked);
  const unit = useStore(payloadUi, (s) => s.unit);
  const message = useStore(payloadUi, (s) => s.message);
  const [irTool, setIrTool] = useState<'meter' | 'gimbal'>('meter');
  // No picture yet: no frame to map gestures onto.
  if (!target || overlay.videoWidth === 0 || overlay.videoHeight === 0) return null;
  const { box } = overlay;
  const frame: Rect = { x: box.left, y: box.top, w: box.width, h: box.height };
  const idx = target.payloadIndex;
  const ir = target.lens === 'ir';
  const send = (c: Command): void => void sendCommand(client, target.sn, c);
  return (
    <div className="payload-tile" data-testid="payload-tile" data-lens={target.lens} data-payload-index={idx}>
      <LensGestures
        frame={frame}
        tool={ir ? irTool : 'gimbal'}
        onAim={(p) => send({ method: 'camera_aim', data: { payload_index: idx, camera_type: target.lens, locked, ...p } })}
        onDragSpeed={(s) => send({ method: 'camera_screen_drag', data: { payload_index: idx, locked, ...s } })}
        onPoint={(p) => send({ method: 'ir_metering_point_set', data: { payload_index: idx, ...p } })}
        onArea={(a) => send({ method: 'ir_metering_area_set', data: { payload_index: idx, ...a } })}
        onZoomStep={(d) => send(nextZoom(target, d))}
      >
        {ir ? <IrOverlay frame={frame} osd={target.osd} unit={unit} clearTop={TILE_HEAD_PX} /> : null}
      </LensGestures>
      <div className="payload-tile-bar" style={{ top: TILE_HEAD_PX }}>
        {ir ? (
          <button type="button" data-testid="ir-tool" onClick={() => setIrTool(irTool === 'meter' ? 'gimbal' : 'meter')}>
            IR drag: {irTool === 'meter' ? 'measure' : 'turn gimbal'}
          </button>
        ) : null}
        {message ? <span className={`payload-tile-message${message.ok ? '' : ' error'}`} data-testid="payload-tile-message">{message.text}</span> : null}
      </div>
    </div>
  );
}
