/** Settings store: loaded with `settings:get`, saved with `settings:set` (validation errors come back as a Result). */
import { createStore } from 'zustand/vanilla';
// Result<Settings> comes via the contract: the lint rule's bare `util` pattern also matches shared/util/.
import type { InvokeRes, OutpostClient, SettingsUpdate } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/model/settings';

export interface SettingsState {
  readonly settings: Settings | null;
}

export const settingsStore = createStore<SettingsState>(() => ({ settings: null }));

export const loadSettings = async (client: OutpostClient): Promise<void> => {
  try {
    settingsStore.setState({ settings: await client.invoke('settings:get', undefined) });
  } catch (e) {
    console.warn('[settings] load failed', e);
  }
};

/** A transport failure becomes an error value too, so the form has one path for every failure. */
export const saveSettings = async (client: OutpostClient, update: SettingsUpdate): Promise<InvokeRes<'settings:set'>> => {
  try {
    const r = await client.invoke('settings:set', update);
    if (r.ok) settingsStore.setState({ settings: r.value });
    return r;
  } catch (e) {
    return { ok: false, error: { code: 'transport', message: `Could not reach Outpost: ${e instanceof Error ? e.message : String(e)}` } };
  }
};
