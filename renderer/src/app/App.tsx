/** Command-post layout: globe fills the screen, fleet left, inspector right, status bar below, settings as a modal. */
import { useCallback, useState } from 'react';
import type { OutpostClient } from '../../../shared/ipc/contract';
import { DrcPanel } from '../features/drc/DrcPanel';
import { FleetPanel } from '../features/fleet/FleetPanel';
import { Inspector } from '../features/inspector/Inspector';
import { LivePanel } from '../features/live/LivePanel';
import { MediaPanel } from '../features/media/MediaPanel';
import { MissionsPanel } from '../features/missions/MissionsPanel';
import { Globe } from '../features/map/Globe';
import { PayloadPanel } from '../features/payload/PayloadPanel';
import { SettingsModal } from '../features/settings/SettingsModal';
import { StatusBar } from '../features/status/StatusBar';

export function App({ client }: { readonly client: OutpostClient }) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const close = useCallback(() => setSettingsOpen(false), []);
  return (
    <div className="app">
      <Globe client={client} />
      <FleetPanel />
      <Inspector />
      <DrcPanel client={client} />
      <PayloadPanel client={client} />
      <StatusBar onSettings={() => setSettingsOpen(true)} />
      <LivePanel client={client} />
      <MediaPanel client={client} />
      <MissionsPanel client={client} />
      {settingsOpen ? <SettingsModal client={client} onClose={close} /> : null}
    </div>
  );
}
