/** Sends payload commands through the one client; the outcome (or the core's refusal text) becomes the panel message. */
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { PayloadCommand, ThermalSettings } from '../../../../shared/protocol/payload/types';
import { PAYLOAD_COMMANDS } from '../../../../shared/protocol/payload/table';
import { say } from './store';

/** Never throws: the outcome (also shown as the panel message) comes back for callers that show it elsewhere (DRC HUD). */
export async function sendCommand(client: OutpostClient, sn: string, cmd: PayloadCommand): Promise<{ readonly ok: boolean; readonly text: string }> {
  const title = PAYLOAD_COMMANDS.get(cmd.method)?.title ?? cmd.method;
  let out: { ok: boolean; text: string };
  try {
    const r = await client.invoke('payload:command', { sn, ...cmd });
    out = r.ok ? { ok: true, text: `${title}: done${r.value.authorityGrabbed ? ' (took payload control)' : ''}` } : { ok: false, text: r.error.message };
  } catch (e) {
    out = { ok: false, text: `${title}: ${e instanceof Error ? e.message : String(e)}` };
  }
  say(out.ok, out.text);
  return out;
}

export async function sendThermal(client: OutpostClient, sn: string, payloadIndex: string, settings: ThermalSettings): Promise<void> {
  try {
    const r = await client.invoke('payload:thermalSet', { sn, payloadIndex, settings });
    say(r.ok, r.ok ? 'Thermal settings applied' : r.error.message);
  } catch (e) {
    say(false, `Thermal settings: ${e instanceof Error ? e.message : String(e)}`);
  }
}
