/** Small form controls: a number field that commits on Enter/blur (so half-typed values are not clamped), and a select. */
import { useEffect, useState } from 'react';

export function NumField(p: {
  readonly label: string;
  readonly value: number | undefined;
  readonly onCommit: (v: number | null) => void;
  readonly unit?: string;
  readonly step?: number;
  readonly placeholder?: string;
  readonly testId?: string;
  readonly title?: string;
}) {
  const [text, setText] = useState(p.value === undefined ? '' : String(p.value));
  useEffect(() => setText(p.value === undefined ? '' : String(p.value)), [p.value]);
  const commit = (): void => {
    const t = text.trim();
    if (t === '') return p.onCommit(null);
    const n = Number(t);
    if (Number.isFinite(n)) p.onCommit(n);
    else setText(p.value === undefined ? '' : String(p.value));
  };
  return (
    <label className="ms-field" title={p.title}>
      <span>{p.label}</span>
      <input
        type="number"
        step={p.step ?? 1}
        value={text}
        placeholder={p.placeholder}
        data-testid={p.testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {p.unit ? <span className="muted">{p.unit}</span> : null}
    </label>
  );
}

export function Select<T extends string | number>(p: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string; readonly disabled?: boolean; readonly title?: string | null }[];
  readonly onChange: (v: T) => void;
  readonly testId?: string;
  readonly title?: string;
}) {
  return (
    <label className="ms-field" title={p.title}>
      <span>{p.label}</span>
      <select
        value={String(p.value)}
        data-testid={p.testId}
        onChange={(e) => {
          const o = p.options.find((x) => String(x.value) === e.target.value);
          if (o) p.onChange(o.value);
        }}
      >
        {p.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)} disabled={o.disabled} title={o.title ?? undefined}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
