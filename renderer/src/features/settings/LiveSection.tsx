/**
 * Settings → Live video: the protocol `live_start_push` asks devices to push with, and the fields of the server the
 * user runs for it, exactly the ones the docs' `url` formats need (enums.md §3.1). Saved with `live:setSettings`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { InvokeRes, OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveSettings } from '../../../../shared/ipc/live';
import { isVideoQuality, VIDEO_QUALITIES } from '../../../../shared/protocol/live/quality';
import type { LiveProtocol } from '../../../../shared/protocol/live/urls';
import { NumberField, SelectField, TextField } from './fields';
import { liveField, livePreview } from './liveForm';
import type { FieldErrors } from './validate';

const PROTOCOLS = ['rtmp', 'whip', 'gb28181', 'agora'] as const satisfies readonly LiveProtocol[];
const PROTOCOL_LABELS: Readonly<Record<LiveProtocol, string>> = {
  rtmp: 'RTMP to Outpost (plays in the wall)',
  whip: 'WebRTC (WHIP) to your server',
  gb28181: 'GB28181 to your platform',
  agora: 'Agora',
};
const QUALITIES = ['0', '1', '2', '3', '4'] as const;
const QUALITY_LABELS = Object.fromEntries(VIDEO_QUALITIES.map((q) => [String(q.value), q.label])) as Record<(typeof QUALITIES)[number], string>;

/** Load once, edit a draft, save the changed sections. */
export function useLiveSettings(client: OutpostClient) {
  const [saved, setSaved] = useState<LiveSettings | null>(null);
  const [draft, setDraft] = useState<LiveSettings | null>(null);
  useEffect(() => {
    let on = true;
    client.invoke('live:getSettings', undefined).then(
      (v) => {
        if (!on) return;
        setSaved(v);
        setDraft(v);
      },
      (e: unknown) => console.warn('[settings] live settings load failed', e),
    );
    return () => void (on = false);
  }, [client]);
  const set = useCallback((patch: Partial<LiveSettings>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);
  const save = useCallback(
    async (update: Partial<LiveSettings>): Promise<InvokeRes<'live:setSettings'>> => {
      try {
        const r = await client.invoke('live:setSettings', update);
        if (r.ok) {
          setSaved(r.value);
          setDraft(r.value);
        }
        return r;
      } catch (e) {
        return { ok: false, error: { code: 'transport', message: `Could not reach Outpost: ${e instanceof Error ? e.message : String(e)}` } };
      }
    },
    [client],
  );
  return { saved, draft, set, save };
}

type Section = 'whip' | 'gb28181' | 'agora';

export function LiveSection({ s, errors, set }: { readonly s: LiveSettings; readonly errors: FieldErrors; readonly set: (patch: Partial<LiveSettings>) => void }) {
  const sec = <K extends Section>(k: K, patch: Partial<LiveSettings[K]>) => set({ [k]: { ...s[k], ...patch } });
  const f = (path: string) => ({ name: liveField(path), error: errors[liveField(path)] });
  const text = (v: string | null) => v ?? '';
  const preview = livePreview(s);
  const g = s.gb28181;
  return (
    <fieldset data-testid="settings-live">
      <legend>Live video</legend>
      <div className="grid3">
        <SelectField label="Push streams with" {...f('protocol')} value={s.protocol} options={PROTOCOLS} labels={PROTOCOL_LABELS} onChange={(protocol) => set({ protocol })} />
        <SelectField label="Default quality" {...f('defaultQuality')} value={String(s.defaultQuality) as (typeof QUALITIES)[number]} options={QUALITIES} labels={QUALITY_LABELS} onChange={(q) => { const n = Number(q); if (isVideoQuality(n)) set({ defaultQuality: n }); }} />
        <NumberField label="RTMP ingest port" {...f('rtmpPort')} value={s.rtmpPort} hint="0 = any free port" onChange={(rtmpPort) => set({ rtmpPort })} />
      </div>
      {s.protocol !== 'rtmp' ? <p className="field-hint">Outpost's wall plays only what devices push to its own RTMP ingest; watch these streams on your server.</p> : null}
      {s.protocol === 'whip' ? (
        <TextField label="WHIP endpoint" {...f('whip.url')} value={s.whip.url} hint="{stream} becomes each camera's stream name" onChange={(v) => sec('whip', { url: text(v) })} />
      ) : null}
      {s.protocol === 'gb28181' ? (
        <div className="grid3">
          <TextField label="Server IP (serverIP)" {...f('gb28181.serverIP')} value={g.serverIP} onChange={(v) => sec('gb28181', { serverIP: text(v) })} />
          <NumberField label="Server port (serverPort)" {...f('gb28181.serverPort')} value={g.serverPort} onChange={(serverPort) => sec('gb28181', { serverPort })} />
          <TextField label="Server ID (serverID)" {...f('gb28181.serverID')} value={g.serverID} onChange={(v) => sec('gb28181', { serverID: text(v) })} />
          <TextField label="Agent ID (agentID)" {...f('gb28181.agentID')} value={g.agentID} onChange={(v) => sec('gb28181', { agentID: text(v) })} />
          <TextField label="Agent password (agentPassword)" secret {...f('gb28181.agentPassword')} value={g.agentPassword} onChange={(v) => sec('gb28181', { agentPassword: text(v) })} />
          <NumberField label="Local port (localPort)" {...f('gb28181.localPort')} value={g.localPort} onChange={(localPort) => sec('gb28181', { localPort })} />
          <TextField label="Channel ID (channel)" {...f('gb28181.channel')} value={g.channel} onChange={(v) => sec('gb28181', { channel: text(v) })} />
        </div>
      ) : null}
      {s.protocol === 'agora' ? (
        <div className="grid3">
          <TextField label="Channel (channel)" {...f('agora.channel')} value={s.agora.channel} hint="{sn}, {camera_index}, {video_index} are filled per camera" onChange={(v) => sec('agora', { channel: text(v) })} />
          <TextField label="Token (token)" secret {...f('agora.token')} value={s.agora.token} hint="from your token server, for that channel and uid" onChange={(v) => sec('agora', { token: text(v) })} />
          <NumberField label="UID (uid)" {...f('agora.uid')} value={s.agora.uid} onChange={(uid) => sec('agora', { uid })} />
        </div>
      ) : null}
      {preview ? (
        <p className="field-hint" style={{ overflowWrap: 'anywhere' }} data-testid="live-url-preview">
          Camera {preview.videoId} would get url_type {preview.urlType}, url <code>{preview.url}</code>
        </p>
      ) : null}
    </fieldset>
  );
}
