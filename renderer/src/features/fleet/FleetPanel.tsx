/** Left panel: every dock with its aircraft nested beneath, online state, mode, battery, signal, HMS count. */
import { useMemo } from 'react';
import { select, setFollow } from '../../state/devices';
import { useDevices } from '../../state/hooks';
import { fleetRows } from './fleetModel';
import { FleetRowView } from './FleetRow';

export function FleetPanel() {
  const devices = useDevices((s) => s.devices);
  const selected = useDevices((s) => s.selected);
  const follow = useDevices((s) => s.follow);
  const rows = useMemo(() => fleetRows(devices), [devices]);
  const selectedIsAircraft = selected !== null && devices[selected]?.deviceClass === 'aircraft';
  return (
    <aside className="panel fleet" data-testid="fleet-panel">
      <header className="panel-head">
        <span>Fleet</span>
        <span className="muted">{rows.filter((r) => r.online).length}/{rows.length} online</span>
      </header>
      <label className={`follow ${selectedIsAircraft ? '' : 'disabled'}`}>
        <input type="checkbox" checked={follow} disabled={!selectedIsAircraft} onChange={(e) => setFollow(e.target.checked)} data-testid="follow-toggle" />
        Follow selected aircraft
      </label>
      {rows.length === 0 ? <p className="empty">No devices yet. Docks appear here when they connect.</p> : null}
      <ul className="fleet-list">
        {rows.map((r) => (
          <FleetRowView key={r.sn} row={r} selected={r.sn === selected} onSelect={() => select(r.sn === selected ? null : r.sn)} />
        ))}
      </ul>
    </aside>
  );
}
