/** Pure: the smallest `settings:set` update that turns the saved settings into the draft (untouched sections are not sent). */
import type { SettingsUpdate } from '../../../../shared/ipc/contract';
import type { Settings } from '../../../../shared/model/settings';

export const diffSettings = (saved: Settings, draft: Settings): SettingsUpdate => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof Settings)[]) {
    const a = saved[key];
    const b = draft[key];
    if (b !== null && typeof b === 'object' && a !== null && typeof a === 'object') {
      const changed = Object.entries(b).filter(([k, v]) => !Object.is((a as unknown as Record<string, unknown>)[k], v));
      if (changed.length > 0) out[key] = Object.fromEntries(changed);
    } else if (!Object.is(a, b)) out[key] = b;
  }
  return out as SettingsUpdate;
};
