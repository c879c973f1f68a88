/** Command-post layout: globe fills the screen, fleet left, inspector right, status bar below, settings as a modal. */
import { useCallback, useState } from 'react';
import type { OutpostClient } from '../../../shared/ipc/contract';
import { FleetPanel } from '../features/fleet/FleetPanel';
import { Inspector } from '../features/inspector/Inspector';
import { Globe } from '../features/map/Globe';
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
      <StatusBar onSettings={() => setSettingsOpen(true)} />
      {settingsOpen ? <SettingsModal client={client} onClose={close} /> : null}
    </div>
  );
}
