/** Filters (device, flight, date, type), the thumbnail grid, and the selected item's detail. */
import { useSyncExternalStore } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { MediaItem } from '../../../../shared/ipc/media';
import { MediaDetail } from './MediaDetail';
import { MediaExport } from './MediaExport';
import { shortId, when } from './format';
import { mediaStore, selectMedia, setFilters, type MediaState } from './mediaStore';
import { thumbUrl } from './urls';

const useMedia = (): MediaState => useSyncExternalStore(mediaStore.subscribe, mediaStore.getState);

export function MediaLibrary({ client }: { readonly client: OutpostClient }) {
  const s = useMedia();
  const f = s.filters;
  const selected = s.items.find((i) => i.id === s.selected) ?? null;
  return (
    <div className="media-lib">
      <div className="media-filters">
        <label>
          Device
          <select data-testid="media-filter-device" value={f.gatewaySn} onChange={(e) => setFilters(client, { gatewaySn: e.target.value })}>
            <option value="">all</option>
            {s.facets.devices.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Flight
          <select data-testid="media-filter-flight" value={f.flightId} onChange={(e) => setFilters(client, { flightId: e.target.value })}>
            <option value="">all</option>
            {s.facets.flights.map((fl) => <option key={fl.flightId} value={fl.flightId}>{`${when(fl.firstAt)} · ${shortId(fl.flightId)} (${fl.count})`}</option>)}
          </select>
        </label>
        <label>
          Type
          <select data-testid="media-filter-kind" value={f.kind} onChange={(e) => setFilters(client, { kind: e.target.value as MediaState['filters']['kind'] })}>
            <option value="">all</option>
            <option value="photo">photos</option>
            <option value="video">videos</option>
            <option value="other">other</option>
          </select>
        </label>
        <label>
          From <input type="date" value={f.from} onChange={(e) => setFilters(client, { from: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={f.to} onChange={(e) => setFilters(client, { to: e.target.value })} />
        </label>
        <span className="media-count" data-testid="media-count">{s.items.length} files</span>
        <MediaExport client={client} items={s.items} flightId={f.flightId || null} />
      </div>
      {s.error ? <div className="media-error">{s.error}</div> : null}
      <div className="media-body">
        <div className="media-grid" data-testid="media-grid">
          {s.items.length === 0 ? <div className="media-empty">No media yet. Docks upload after landing; Pilot 2 after its upload.</div> : null}
          {s.items.map((i) => <Tile key={i.id} item={i} version={s.version} selected={i.id === s.selected} />)}
        </div>
        {selected ? <MediaDetail client={client} item={selected} version={s.version} /> : null}
      </div>
    </div>
  );
}

function Tile({ item, version, selected }: { readonly item: MediaItem; readonly version: number; readonly selected: boolean }) {
  return (
    <button type="button" className={`media-tile${selected ? ' on' : ''}`} data-testid="media-tile" data-media-id={item.id} data-thumb={item.thumb} onClick={() => selectMedia(item.id)} title={item.name}>
      {item.thumb === 'ok' ? <img src={thumbUrl(item.id, version)} alt={item.name} loading="lazy" /> : <span className="media-nothumb">{item.thumb === 'pending' ? 'making thumbnail…' : item.kind}</span>}
      {item.kind === 'video' ? <span className="media-badge">▶</span> : null}
      <span className="media-name">{item.name}</span>
    </button>
  );
}
