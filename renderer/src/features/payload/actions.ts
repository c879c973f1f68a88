/** Sends payload commands through the one client; the outcome (or the core's refusal text) becomes the panel message. */
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { PayloadCommand, ThermalSettings } from '../../../../shared/protocol/payload/types';
import { PAYLOAD_COMMANDS } from '../../../../shared/protocol/payload/table';
import { say } from './store';

export async function sendCommand(client: OutpostClient, sn: string, cmd: PayloadCommand): Promise<boolean> {
  const title = PAYLOAD_COMMANDS.get(cmd.method)?.title ?? cmd.method;
  try {
    const r = await client.invoke('payload:command', { sn, ...cmd });
    if (r.ok) say(true, `${title}: done${r.value.authorityGrabbed ? ' (took payload control)' : ''}`);
    else say(false, r.error.message);
    return r.ok;
  } catch (e) {
    say(false, `${title}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

export async function sendThermal(client: OutpostClient, sn: string, payloadIndex: string, settings: ThermalSettings): Promise<void> {
  try {
    const r = await client.invoke('payload:thermalSet', { sn, payloadIndex, settings });
    say(r.ok, r.ok ? 'Thermal settings applied' : r.error.message);
  } catch (e) {
    say(false, `Thermal settings: ${e instanceof Error ? e.message : String(e)}`);
  }
}
