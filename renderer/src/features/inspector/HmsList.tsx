/** Active HMS alerts of the selected device, most severe first. */
import type { HmsEntry } from '../../../../shared/model/device';

const LEVEL = ['notice', 'caution', 'warning'] as const;

export function HmsList({ hms }: { readonly hms: readonly HmsEntry[] }) {
  if (hms.length === 0) return null;
  const sorted = [...hms].sort((a, b) => b.level - a.level || b.receivedAt - a.receivedAt);
  return (
    <section className="group hms-list" data-testid="hms-list">
      <h3><span>HMS</span><span className="age">{hms.length}</span></h3>
      <ul>
        {sorted.map((h) => (
          <li key={`${h.code}-${h.receivedAt}`} className={`hms-${LEVEL[h.level] ?? 'notice'}`}>
            <code>{h.code}</code> {h.text || '--'}
          </li>
        ))}
      </ul>
    </section>
  );
}
