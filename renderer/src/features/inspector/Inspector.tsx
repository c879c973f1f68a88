/** Right panel: every shadow group of the selected device, each field with its unit, and each group's age. */
import type { GroupName } from '../../../../shared/model/device';
import { useDevices } from '../../state/hooks';
import { modeOf } from '../fleet/fleetModel';
import { formatAge } from './format';
import { GroupTable } from './GroupTable';
import { HmsList } from './HmsList';
import { useNow } from './useNow';

const ORDER: readonly GroupName[] = ['status', 'position', 'attitude', 'battery', 'environment', 'link', 'gnss', 'camera', 'storage', 'drc', 'state'];

export function Inspector() {
  const device = useDevices((s) => (s.selected ? s.devices[s.selected] : undefined));
  const now = useNow(1000);
  if (!device) {
    return (
      <aside className="panel inspector" data-testid="inspector">
        <header className="panel-head">Inspector</header>
        <p className="empty">Select a dock or aircraft in the fleet list or on the map.</p>
      </aside>
    );
  }
  const names = ORDER.filter((g) => device.groups[g]);
  return (
    <aside className="panel inspector" data-testid="inspector">
      <header className="panel-head">
        <span>{device.callsign ?? device.modelName ?? device.sn}</span>
        <span className={device.online ? 'ok' : 'muted'}>{device.online ? 'online' : 'offline'}</span>
      </header>
      <dl className="facts">
        <dt>SN</dt><dd>{device.sn}</dd>
        <dt>Model</dt><dd>{device.modelName ?? '--'} <small className="muted">{device.modelKey ?? ''}</small></dd>
        <dt>Mode</dt><dd>{modeOf(device)}</dd>
        <dt>Gateway</dt><dd>{device.gateway ?? '--'}</dd>
        <dt>Last seen</dt><dd>{formatAge(device.lastSeen, now)}</dd>
      </dl>
      <HmsList hms={device.hms} />
      {names.length === 0 ? <p className="empty">No telemetry yet: every group is unknown.</p> : null}
      {names.map((g) => (
        <GroupTable key={g} name={g} group={device.groups[g]!} now={now} />
      ))}
    </aside>
  );
}
