/** Small labelled inputs for the settings form; each shows its own error. */
import type { ReactNode } from 'react';

interface Base {
  readonly label: string;
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: string;
}

function Row({ label, name, error, hint, children }: Base & { readonly children: ReactNode }) {
  return (
    <label className={`field ${error ? 'invalid' : ''}`} data-testid={`field-${name}`}>
      <span className="field-label">{label}</span>
      {children}
      {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}

export function TextField(p: Base & { readonly value: string | null; readonly onChange: (v: string | null) => void; readonly secret?: boolean }) {
  return (
    <Row {...p}>
      <input type={p.secret ? 'password' : 'text'} name={p.name} value={p.value ?? ''} onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)} />
    </Row>
  );
}

export function NumberField(p: Base & { readonly value: number; readonly onChange: (v: number) => void }) {
  return (
    <Row {...p}>
      <input type="number" name={p.name} value={Number.isNaN(p.value) ? '' : p.value} onChange={(e) => p.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))} />
    </Row>
  );
}

export function SelectField<T extends string>(p: Base & { readonly value: T; readonly options: readonly T[]; readonly labels?: Readonly<Record<T, string>>; readonly onChange: (v: T) => void }) {
  return (
    <Row {...p}>
      <select name={p.name} value={p.value} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.options.map((o) => (
          <option key={o} value={o}>{p.labels?.[o] ?? o}</option>
        ))}
      </select>
    </Row>
  );
}
