/** Turns zod issues into one readable reason naming the field path, e.g. "data.latitude: expected number, got string". */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `data.list[0].level` */
export function pathText(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** Expected types of a failed union (e.g. "number | string"), from its branches' first issues. */
function unionExpected(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const names = new Set<string>();
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code === 'invalid_type' && first.path.length === 0) names.add(first.expected);
    else if (first) names.add(first.message);
  }
  return [...names].join(' | ');
}

/** One issue → "path: expected T, got U" (or zod's message for range/format issues). */
export function issueText(prefix: string, input: unknown, issue: Issue): string {
  const where = pathText(prefix, issue.path) || prefix || '(root)';
  const got = typeName(valueAt(input, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      // zod calls a required unknown-typed key "nonoptional"
      return issue.expected === 'nonoptional' ? `${where}: required` : `${where}: expected ${issue.expected}, got ${got}`;
    case 'invalid_union':
      return `${where}: expected ${unionExpected(issue)}, got ${got}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** The first few issues joined; inputs are validated relative to `prefix` (e.g. "data"). */
export function issuesText(prefix: string, input: unknown, error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => issueText(prefix, input, i));
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
