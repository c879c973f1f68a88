/**
 * Live capacity and status per gateway, read from the shadow: `live_capacity` and `live_status` land in the
 * gateway's `state` group (pushed only on change, 30.dock-livestream.md); Pilot 2 may send `live_status` on osd
 * (30.pilot-livestream.md), which the shadow files under `status`. Parsed once per update; bad input is
 * logged and counted, never thrown.
 */
import type { LiveSource } from '../../../shared/ipc/live';
import type { DeviceSnapshot } from '../../../shared/model/device';
import { parseLiveCapacity, parseLiveStatus, type LiveStatusEntry } from '../../../shared/protocol/live';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

interface GatewayLive {
  readonly sources: readonly LiveSource[];
  readonly status: readonly LiveStatusEntry[];
}

export class LiveSources {
  private readonly byGateway = new Map<string, GatewayLive>();

  constructor(private readonly logger: Logger, private readonly counters: Counters) {}

  /** Re-read one gateway; returns true when its sources or status changed. */
  update(gw: DeviceSnapshot): boolean {
    const state = gw.groups.state?.fields ?? {};
    const statusRaw = state.live_status ?? gw.groups.status?.fields.live_status;
    const prev = this.byGateway.get(gw.sn);
    let sources = prev?.sources ?? [];
    let status = prev?.status ?? [];
    if (state.live_capacity !== undefined) {
      const cap = parseLiveCapacity(state.live_capacity);
      if (cap.ok) sources = cap.value.devices.map((d) => ({ sn: d.sn, gateway: gw.sn, online: true, cameras: d.cameras }));
      else this.reject(gw.sn, cap.error.message);
    }
    if (statusRaw !== undefined) {
      const st = parseLiveStatus(statusRaw);
      if (st.ok) status = st.value;
      else this.reject(gw.sn, st.error.message);
    }
    const next = { sources, status };
    const changed = JSON.stringify(prev ?? null) !== JSON.stringify(next);
    this.byGateway.set(gw.sn, next);
    return changed;
  }

  sources(): LiveSource[] {
    return [...this.byGateway.values()].flatMap((g) => g.sources);
  }

  /** What the device reports for `videoId`, or null. */
  statusOf(gateway: string, videoId: string): LiveStatusEntry | null {
    return this.byGateway.get(gateway)?.status.find((s) => s.videoId === videoId) ?? null;
  }

  statuses(gateway: string): readonly LiveStatusEntry[] {
    return this.byGateway.get(gateway)?.status ?? [];
  }

  private reject(sn: string, message: string): void {
    this.counters.inc('live.bad_state');
    this.logger.warn('live state ignored', { sn, message });
  }
}
