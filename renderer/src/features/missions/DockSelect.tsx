/** The dock a route is planned for and sent to (its position is the take-off point); docks online first. */
import { useStore } from 'zustand';
import { useDevices } from '../../state/hooks';
import { missionsStore } from './store';

export function DockSelect({ label }: { readonly label: string }) {
  const dockSn = useStore(missionsStore, (s) => s.dockSn);
  const docks = useDevices((s) => s.devices);
  const list = Object.values(docks)
    .filter((d) => d.deviceClass === 'dock')
    .sort((a, b) => Number(b.online) - Number(a.online) || a.sn.localeCompare(b.sn));
  return (
    <label className="ms-field">
      <span>{label}</span>
      <select value={dockSn ?? ''} data-testid="missions-dock" onChange={(e) => missionsStore.setState({ dockSn: e.target.value || null })}>
        <option value="">-- choose a dock --</option>
        {list.map((d) => (
          <option key={d.sn} value={d.sn}>
            {d.callsign ?? d.modelName ?? d.sn} ({d.sn}){d.online ? '' : ' · offline'}
          </option>
        ))}
      </select>
    </label>
  );
}
