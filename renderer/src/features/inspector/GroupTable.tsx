/** One shadow group: its fields (label, value with unit) and how old it is. */
import type { GroupState } from '../../../../shared/model/device';
import { fieldLines, formatAge } from './format';

const STALE_MS = 10_000;

export function GroupTable({ name, group, now }: { readonly name: string; readonly group: GroupState; readonly now: number }) {
  const stale = now - group.updatedAt > STALE_MS;
  return (
    <section className="group" data-testid={`group-${name}`}>
      <h3>
        <span>{name}</span>
        <span className={stale ? 'age stale' : 'age'}>{formatAge(group.updatedAt, now)}</span>
      </h3>
      <table>
        <tbody>
          {fieldLines(group.fields).map((l) => (
            <tr key={l.key}>
              <th title={l.key}>{l.label}</th>
              <td>{l.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
