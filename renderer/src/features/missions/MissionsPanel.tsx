/**
 * Plan and run missions: the "Missions" button opens a panel over the inspector with the library, the route editor
 * (waypoints placed and dragged on the globe) and the task sender with live progress. The globe stays usable.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { devicesStore } from '../../state/devices';
import { installMissionsDebugHook } from './debugHook';
import { Editor } from './Editor';
import { Library } from './Library';
import { mountMissionsMap } from './mapEditing';
import { connectMissions, missionsStore, setView, type MissionsView } from './store';
import { TaskPanel } from './TaskPanel';
import './missions.css';

const TABS: readonly { view: MissionsView; label: string }[] = [
  { view: 'library', label: 'Library' },
  { view: 'editor', label: 'Route editor' },
  { view: 'task', label: 'Send & follow' },
];

/** The first dock known (online first) becomes the default take-off/target dock. */
function defaultDock(): () => void {
  const pick = (): void => {
    if (missionsStore.getState().dockSn) return;
    const docks = Object.values(devicesStore.getState().devices).filter((d) => d.deviceClass === 'dock');
    const dock = docks.find((d) => d.online) ?? docks[0];
    if (dock) missionsStore.setState({ dockSn: dock.sn });
  };
  pick();
  return devicesStore.subscribe(pick);
}

export function MissionsPanel({ client }: { readonly client: OutpostClient }) {
  const open = useStore(missionsStore, (s) => s.open);
  const view = useStore(missionsStore, (s) => s.view);
  const message = useStore(missionsStore, (s) => s.message);
  useEffect(() => connectMissions(client), [client]);
  useEffect(() => mountMissionsMap(), []);
  useEffect(() => installMissionsDebugHook(), []);
  useEffect(() => defaultDock(), []);
  return (
    <>
      <button type="button" className="missions-open" data-testid="missions-open" onClick={() => missionsStore.setState((s) => ({ open: !s.open, drawing: false }))}>
        {open ? 'Close missions' : 'Missions'}
      </button>
      {open ? (
        <section className="panel missions-panel" data-testid="missions-panel">
          <header className="panel-head">
            {TABS.map((t) => (
              <button key={t.view} type="button" className={t.view === view ? 'on' : ''} data-testid={`missions-tab-${t.view}`} onClick={() => setView(t.view)}>
                {t.label}
              </button>
            ))}
          </header>
          {message ? (
            <div className={message.ok ? 'ms-message ok' : 'ms-message ms-error'} data-testid="missions-message" onClick={() => missionsStore.setState({ message: null })}>
              {message.text}
              {message.lines?.length ? (
                <ul>
                  {message.lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {view === 'library' ? <Library client={client} /> : view === 'editor' ? <Editor client={client} /> : <TaskPanel client={client} />}
        </section>
      ) : null}
    </>
  );
}
