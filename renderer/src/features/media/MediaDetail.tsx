/** The selected file: preview, where and when, the EXIF/XMP readout, show on map, download, prioritise, delete (confirmed). */
import { useEffect, useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { MediaItem, MediaMetadata } from '../../../../shared/ipc/media';
import { bytes, dash, when } from './format';
import { flyToMedia } from './mediaMarkers';
import { selectMedia } from './mediaStore';
import { downloadUrl, thumbUrl } from './urls';

export function MediaDetail({ client, item, version }: { readonly client: OutpostClient; readonly item: MediaItem; readonly version: number }) {
  const [meta, setMeta] = useState<MediaMetadata | string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setMeta(null);
    setConfirm(false);
    setNote(null);
    if (item.kind !== 'photo' || item.size === null) return;
    let live = true;
    client.invoke('media:metadata', { id: item.id }).then(
      (r) => live && setMeta(r.ok ? r.value : r.error.message),
      (e: unknown) => live && setMeta(String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, item.id, item.kind, item.size]);

  const del = async (): Promise<void> => {
    const r = await client.invoke('media:delete', { ids: [item.id] });
    if (r.ok) selectMedia(null);
    else setNote(r.error.message);
  };
  const prioritize = async (): Promise<void> => {
    if (!item.gatewaySn || !item.flightId) return;
    const r = await client.invoke('media:prioritize', { gateway: item.gatewaySn, flightId: item.flightId });
    setNote(r.ok ? 'The dock will upload this flight first.' : r.error.message);
  };

  return (
    <aside className="media-detail" data-testid="media-detail">
      {item.thumb === 'ok' ? <img className="media-preview" src={thumbUrl(item.id, version)} alt={item.name} /> : null}
      <h3>{item.name}</h3>
      <dl className="media-facts">
        <dt>Captured</dt><dd>{when(item.capturedAt)}</dd>
        <dt>Device</dt><dd>{item.gatewaySn ?? '--'} ({item.source})</dd>
        <dt>Flight</dt><dd>{item.flightId ?? '--'}</dd>
        <dt>Position</dt><dd>{item.lat === null ? '--' : `${item.lat.toFixed(6)}, ${item.lng?.toFixed(6)}`}</dd>
        <dt>Altitude</dt><dd>{dash(item.absoluteAltitude, 1, ' m')} abs · {dash(item.relativeAltitude, 1, ' m')} rel</dd>
        <dt>Gimbal yaw</dt><dd>{dash(item.gimbalYaw, 1, '°')}</dd>
        <dt>Size</dt><dd>{bytes(item.size)}</dd>
      </dl>
      <div className="media-actions">
        <button type="button" disabled={item.lat === null} onClick={() => flyToMedia(item)}>Show on map</button>
        {item.size !== null ? <a className="media-button" href={downloadUrl(item.id)} download={item.name}>Download</a> : null}
        {item.source === 'dock' && item.flightId ? <button type="button" onClick={() => void prioritize()}>Upload this flight first</button> : null}
        {confirm ? (
          <span className="media-confirm">
            Delete {item.name} for good? <button type="button" data-testid="media-delete-yes" onClick={() => void del()}>Delete</button>
            <button type="button" onClick={() => setConfirm(false)}>Keep</button>
          </span>
        ) : (
          <button type="button" data-testid="media-delete" onClick={() => setConfirm(true)}>Delete…</button>
        )}
      </div>
      {note ? <div className="media-note">{note}</div> : null}
      {item.kind === 'photo' ? <Readout meta={meta} /> : null}
    </aside>
  );
}

function Readout({ meta }: { readonly meta: MediaMetadata | string | null }) {
  if (meta === null) return <div className="media-note">Reading EXIF/XMP…</div>;
  if (typeof meta === 'string') return <div className="media-note">{meta}</div>;
  const rows: [string, string][] = [
    ['Camera', [meta.make, meta.model].filter(Boolean).join(' ') || '--'],
    ['Taken', meta.capturedAt ?? '--'],
    ['GPS', meta.latitude === null ? '--' : `${meta.latitude.toFixed(7)}, ${meta.longitude?.toFixed(7)}`],
    ['Absolute altitude', dash(meta.absoluteAltitude, 2, ' m')],
    ['Relative altitude', dash(meta.relativeAltitude, 2, ' m')],
    ['Gimbal yaw / pitch / roll', `${dash(meta.gimbalYaw, 1, '°')} / ${dash(meta.gimbalPitch, 1, '°')} / ${dash(meta.gimbalRoll, 1, '°')}`],
    ['Aircraft yaw', dash(meta.flightYaw, 1, '°')],
    ['Size', meta.width === null ? '--' : `${meta.width} × ${meta.height ?? '--'}`],
  ];
  return (
    <details className="media-exif" open data-testid="media-exif">
      <summary>EXIF / XMP</summary>
      <table>
        <tbody>
          {rows.map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}
        </tbody>
      </table>
      <details>
        <summary>All tags ({Object.keys(meta.raw).length})</summary>
        <table>
          <tbody>
            {Object.entries(meta.raw).map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}
          </tbody>
        </table>
      </details>
    </details>
  );
}
