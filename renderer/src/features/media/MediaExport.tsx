/** Export the listed files to a folder on the engine's machine (loose or one zip per flight), or download a flight's zip. */
import { useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { MediaItem } from '../../../../shared/ipc/media';
import { flightZipUrl } from './urls';

export function MediaExport({ client, items, flightId }: { readonly client: OutpostClient; readonly items: readonly MediaItem[]; readonly flightId: string | null }) {
  const [folder, setFolder] = useState('');
  const [zip, setZip] = useState(true);
  const [note, setNote] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setNote('Exporting…');
    const r = await client.invoke('media:export', { ids: items.map((i) => i.id), folder: folder.trim(), zip });
    setNote(r.ok ? `Exported ${r.value.files.length} file(s) to ${folder.trim()}` : r.error.message);
  };
  return (
    <span className="media-export">
      <input placeholder="/path/to/folder" value={folder} onChange={(e) => setFolder(e.target.value)} aria-label="Export folder" />
      <label>
        <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} /> zip per flight
      </label>
      <button type="button" disabled={!folder.trim() || items.length === 0} onClick={() => void run()}>Export {items.length}</button>
      {flightId ? <a className="media-button" href={flightZipUrl(flightId)}>Download flight zip</a> : null}
      {note ? <span className="media-note">{note}</span> : null}
    </span>
  );
}
