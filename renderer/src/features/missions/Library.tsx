/** The mission library: stored routes with their figures, KMZ import (problems shown by element and line), export, delete. */
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { WaylineSummary } from '../../../../shared/ipc/missions';
import { base64ToBytes, bytesToBase64, kmzFileName } from './files';
import { formatDistance, formatDuration, issueLines } from './format';
import { edit, missionsStore, say, setView, showWayline } from './store';

async function importFile(client: OutpostClient, file: File): Promise<void> {
  const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  const r = await client.invoke('missions:import', { name: file.name, base64 });
  if (r.ok) say(true, `Imported "${r.value.name}": ${r.value.waypointCount} waypoints, ${formatDistance(r.value.distanceM)}.`);
  else say(false, `${file.name} was not imported: ${r.error.message}`, issueLines(r.error.details));
}

async function exportRoute(client: OutpostClient, w: WaylineSummary): Promise<void> {
  const r = await client.invoke('missions:export', { id: w.id });
  if (!r.ok) return say(false, r.error.message);
  const url = URL.createObjectURL(new Blob([base64ToBytes(r.value.base64)], { type: 'application/vnd.google-earth.kmz' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = kmzFileName(r.value.name);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function editRoute(client: OutpostClient, w: WaylineSummary): Promise<void> {
  const r = await client.invoke('missions:get', { id: w.id });
  if (!r.ok) return say(false, r.error.message);
  if (!r.value.draft) return say(false, `"${w.name}" was imported from a file; only routes drawn in Outpost can be edited here.`);
  edit({ type: 'load', id: w.id, name: w.name, draft: r.value.draft });
  setView('editor');
}

async function remove(client: OutpostClient, w: WaylineSummary): Promise<void> {
  if (!window.confirm(`Delete the route "${w.name}"?`)) return;
  const r = await client.invoke('missions:delete', { id: w.id });
  if (!r.ok) return say(false, r.error.message);
  if (missionsStore.getState().shown?.id === w.id) missionsStore.setState({ shown: null });
  say(true, `Deleted "${w.name}".`);
}

export function Library({ client }: { readonly client: OutpostClient }) {
  const library = useStore(missionsStore, (s) => s.library);
  const shown = useStore(missionsStore, (s) => s.shown?.id ?? null);
  const input = useRef<HTMLInputElement>(null);
  const sorted = [...library].sort((a, b) => Number(b.favourite) - Number(a.favourite) || b.updatedAt - a.updatedAt);
  return (
    <div className="ms-library">
      <div className="ms-row">
        <button type="button" onClick={() => input.current?.click()}>
          Import KMZ…
        </button>
        <input
          ref={input}
          type="file"
          accept=".kmz"
          hidden
          data-testid="missions-import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(client, f);
          }}
        />
        <button type="button" data-testid="missions-new" onClick={() => (edit({ type: 'new' }), setView('editor'), missionsStore.setState({ drawing: true }))}>
          New route
        </button>
      </div>
      {sorted.length === 0 ? <p className="empty">No routes yet: import a KMZ or draw one on the map.</p> : null}
      <table className="ms-table" data-testid="missions-library">
        <thead>
          <tr>
            <th title="Favourite">★</th>
            <th>Name</th>
            <th>Aircraft</th>
            <th>WPs</th>
            <th>Distance</th>
            <th>Time</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.map((w) => (
            <tr key={w.id} className={w.id === shown ? 'on' : ''} data-testid={`wayline-${w.name}`} onClick={() => void showWayline(client, w.id)}>
              <td>
                <button
                  type="button"
                  className={`ms-star${w.favourite ? ' on' : ''}`}
                  title={w.favourite ? 'Remove from favourites' : 'Add to favourites'}
                  onClick={(e) => (e.stopPropagation(), void client.invoke('missions:favourite', { id: w.id, favourite: !w.favourite }))}
                >
                  {w.favourite ? '★' : '☆'}
                </button>
              </td>
              <td className="ms-name" title={w.templateTypes.join(', ')}>{w.name}</td>
              <td>{w.droneName}</td>
              <td>{w.waypointCount}</td>
              <td>{formatDistance(w.distanceM)}</td>
              <td>{formatDuration(w.durationS)}</td>
              <td className="ms-actions" onClick={(e) => e.stopPropagation()}>
                <button type="button" title="Send this route to a dock" onClick={() => (void showWayline(client, w.id), setView('task'))}>Fly</button>
                <button type="button" onClick={() => void editRoute(client, w)}>Edit</button>
                <button type="button" onClick={() => void exportRoute(client, w)}>Export</button>
                <button type="button" onClick={() => void remove(client, w)}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
