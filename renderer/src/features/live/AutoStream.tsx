/**
 * The auto-stream policy per gateway (`live:setAuto`): start the aircraft's main camera on take-off or when DRC
 * begins, stop it on landing or when the gateway goes offline. Only what the policy started is ever stopped.
 */
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveWall } from '../../../../shared/ipc/live';
import { setError } from './liveStore';

/** Gateways with an aircraft camera in live_capacity (a policy for anything else would have nothing to start). */
export const autoGateways = (wall: LiveWall | null): string[] =>
  [...new Set((wall?.sources ?? []).filter((s) => s.sn !== s.gateway && s.cameras.length > 0).map((s) => s.gateway))].sort();

export function AutoStream({ client, wall }: { readonly client: OutpostClient; readonly wall: LiveWall | null }) {
  const gateways = autoGateways(wall);
  if (gateways.length === 0) return null;
  const toggle = (gateway: string, enabled: boolean): void =>
    void client.invoke('live:setAuto', { gateway, enabled }).then((r) => setError(r.ok ? null : r.error.message));
  return (
    <div className="live-auto" data-testid="live-auto">
      <div title="Start the main camera when the aircraft takes off or DRC begins; stop it on landing or when the dock goes offline. Streams started by hand are never stopped.">
        Auto-stream on take-off / DRC
      </div>
      {gateways.map((g) => (
        <label key={g} className="live-auto-row">
          <input type="checkbox" data-testid={`live-auto-${g}`} checked={wall?.auto.includes(g) ?? false} onChange={(e) => toggle(g, e.target.checked)} /> {g}
        </label>
      ))}
    </div>
  );
}
