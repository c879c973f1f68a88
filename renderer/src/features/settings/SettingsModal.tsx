/** Settings as a modal: edit a draft, check it locally, save with `settings:set`, show the engine's Result errors. */
import { useEffect, useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { Settings } from '../../../../shared/model/settings';
import { useStore } from 'zustand';
import { loadSettings, saveSettings, settingsStore } from '../../state/settings';
import { diffSettings } from './diff';
import { NumberField, TextField } from './fields';
import { LiveSection, useLiveSettings } from './LiveSection';
import { liveFieldErrors, liveServerErrors, liveUpdate } from './liveForm';
import { BrokerSection, DeviceSection, DjiSection, MapSection, type SectionProps } from './sections';
import { serverFieldErrors, validateSettings, type FieldErrors } from './validate';

export function SettingsModal({ client, onClose }: { readonly client: OutpostClient; readonly onClose: () => void }) {
  const saved = useStore(settingsStore, (s) => s.settings);
  const [draft, setDraft] = useState<Settings | null>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useLiveSettings(client);

  useEffect(() => void loadSettings(client), [client]);
  useEffect(() => setDraft((d) => d ?? saved), [saved]);

  if (!draft) return <Shell onClose={onClose}><p className="empty">Loading settings…</p></Shell>;

  const set: SectionProps['set'] = (section, patch) => setDraft((d) => (d ? { ...d, [section]: { ...d[section], ...patch } } : d));
  const save = async () => {
    const local = { ...validateSettings(draft), ...(live.draft ? liveFieldErrors(live.draft) : {}) };
    setErrors(local);
    if (Object.keys(local).length > 0) return setBanner({ kind: 'error', text: 'Fix the highlighted fields.' });
    const update = saved ? diffSettings(saved, draft) : draft;
    const liveUp = live.saved && live.draft ? liveUpdate(live.saved, live.draft) : {};
    if (Object.keys(update).length === 0 && Object.keys(liveUp).length === 0) return setBanner({ kind: 'ok', text: 'Nothing changed.' });
    setBusy(true);
    const r = Object.keys(update).length > 0 ? await saveSettings(client, update) : null;
    const lr = r?.ok !== false && Object.keys(liveUp).length > 0 ? await live.save(liveUp) : null;
    setBusy(false);
    if (r?.ok) setDraft(r.value);
    if (r && !r.ok) {
      setErrors(serverFieldErrors(r.error.details));
      setBanner({ kind: 'error', text: `${r.error.message} (${r.error.code})` });
    } else if (lr && !lr.ok) {
      setErrors(liveServerErrors(lr.error.details));
      setBanner({ kind: 'error', text: `${lr.error.message} (${lr.error.code})` });
    } else setBanner({ kind: 'ok', text: 'Saved.' });
  };
  const props: SectionProps = { s: draft, errors, set };

  return (
    <Shell onClose={onClose}>
      <div className="grid2">
        <NumberField label="HTTP port" name="httpPort" value={draft.httpPort} error={errors.httpPort} onChange={(httpPort) => setDraft({ ...draft, httpPort })} />
        <TextField label="Advertised host" name="advertisedHost" value={draft.advertisedHost} error={errors.advertisedHost} hint="address devices use to reach this laptop" onChange={(advertisedHost) => setDraft({ ...draft, advertisedHost })} />
      </div>
      <BrokerSection {...props} />
      <DeviceSection {...props} />
      <DjiSection {...props} />
      <MapSection {...props} />
      {live.draft ? <LiveSection s={live.draft} errors={errors} set={live.set} /> : null}
      <footer className="modal-foot">
        {banner ? <span className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="settings-banner">{banner.text}</span> : <span />}
        <button type="button" onClick={onClose}>Close</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()} data-testid="settings-save">{busy ? 'Saving…' : 'Save'}</button>
      </footer>
    </Shell>
  );
}

function Shell({ onClose, children }: { readonly onClose: () => void; readonly children: React.ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-label="Settings" data-testid="settings-modal">
        <header className="panel-head"><span>Settings</span></header>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
