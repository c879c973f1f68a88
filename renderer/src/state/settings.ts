/** Settings store: loaded with `settings:get`, saved with `settings:set` (validation errors come back as a Result). */
import { createStore } from 'zustand/vanilla';
import type { OutpostClient, SettingsUpdate } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/model/settings';
import { appError, err, type Result } from '../../../shared/util/result';

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
export const saveSettings = async (client: OutpostClient, update: SettingsUpdate): Promise<Result<Settings>> => {
  try {
    const r = await client.invoke('settings:set', update);
    if (r.ok) settingsStore.setState({ settings: r.value });
    return r;
  } catch (e) {
    return err(appError('transport', `Could not reach Outpost: ${e instanceof Error ? e.message : String(e)}`));
  }
};
