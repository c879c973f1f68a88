/** Bottom status bar: broker link state, connection to the engine, ports, simulated devices. */
import { useConnection, useDevices, useEngine } from '../../state/hooks';

const CONN_TEXT = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Unauthorized — open the link with ?token=…',
} as const;

export function StatusBar({ onSettings }: { readonly onSettings: () => void }) {
  const conn = useConnection((s) => s.state);
  const transport = useConnection((s) => s.transport);
  const status = useEngine((s) => s.status);
  const online = useDevices((s) => Object.values(s.devices).filter((d) => d.online).length);
  const link = status?.link;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`pill conn-${conn}`} data-testid="conn-state" data-state={conn}>
        {CONN_TEXT[conn]} <small>({transport})</small>
      </span>
      <span className={`pill link-${link?.state ?? 'unknown'}`} data-testid="link-state" title={link?.detail ?? ''}>
        Broker: {link ? `${link.kind} · ${link.state} · ${link.clients} clients` : '--'}
      </span>
      <span className="pill">MQTT {status?.mqttPort ?? '--'}</span>
      <span className="pill">{online} online</span>
      {status && status.simulate > 0 ? <span className="pill sim">SIMULATION ×{status.simulate}</span> : null}
      <span className="spacer" />
      <button type="button" className="link-btn" onClick={onSettings} data-testid="open-settings">⚙ Settings</button>
    </footer>
  );
}
