/** The "Media" button and the library as a layer over the globe (the map stays live behind it; markers stay on it). */
import { useEffect, useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { MediaLibrary } from './MediaLibrary';
import { mountMediaMarkers } from './mediaMarkers';
import { connectMedia } from './mediaStore';
import './media.css';

export function MediaPanel({ client }: { readonly client: OutpostClient }) {
  const [open, setOpen] = useState(false);
  useEffect(() => connectMedia(client), [client]);
  useEffect(() => mountMediaMarkers(), []);
  return (
    <>
      <button type="button" className="media-open" data-testid="media-open" onClick={() => setOpen((o) => !o)}>
        {open ? 'Close media' : 'Media'}
      </button>
      {open ? (
        <div className="media-layer" data-testid="media-layer">
          <MediaLibrary client={client} />
        </div>
      ) : null}
    </>
  );
}
