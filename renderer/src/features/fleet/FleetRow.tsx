/** One fleet row: a dense, clickable summary of a device. */
import type { FleetRow } from './fleetModel';

const CLASS_GLYPH: Readonly<Record<string, string>> = { dock: '▣', aircraft: '✈', rc: '◉', payload: '◎', unknown: '?' };

export function FleetRowView({ row, selected, onSelect }: { readonly row: FleetRow; readonly selected: boolean; readonly onSelect: () => void }) {
  return (
    <li
      className={`fleet-row depth-${row.depth} ${row.online ? 'online' : 'offline'} ${selected ? 'selected' : ''}`}
      data-testid={`fleet-row-${row.sn}`}
      data-online={row.online}
      onClick={onSelect}
      title={row.sn}
    >
      <span className="glyph">{CLASS_GLYPH[row.deviceClass] ?? '?'}</span>
      <span className="name">
        <span className="dot" aria-label={row.online ? 'online' : 'offline'} />
        {row.name}
        <small className="sub">
          <span className="mode" data-testid="mode">{row.online ? row.mode : 'Offline'}</span> · {row.sn}
        </small>
      </span>
      <span className="battery" title="Battery">{row.battery === null ? '--' : `${Math.round(row.battery)}%`}</span>
      <span className="signal" title="Link quality">{row.signal === null ? '--' : bars(row.signal)}</span>
      <span className={`hms ${row.hms > 0 ? 'alert' : ''}`} title="Active HMS alerts">{row.hms > 0 ? `⚠${row.hms}` : ''}</span>
    </li>
  );
}

const bars = (q: number): string => '▮'.repeat(Math.max(0, Math.min(5, Math.round(q)))).padEnd(5, '▯');
