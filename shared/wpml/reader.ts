/** Typed reads from the element tree that record an issue (element + line) instead of throwing. */
import type { WpmlIssue } from './model';
import { child, type XNode } from './xml';

export class TreeReader {
  readonly issues: WpmlIssue[] = [];
  constructor(readonly file: string) {}

  fail(n: XNode, element: string, message: string): void {
    this.issues.push({ file: this.file, element, line: n.line, message });
  }

  /** The child element, recording "required" when absent and `required` is set. */
  node(parent: XNode, name: string, required = false): XNode | undefined {
    const c = child(parent, name);
    if (!c && required) this.fail(parent, name, `<${name}> is required in <${parent.name}> (line ${parent.line}).`);
    return c;
  }

  text(parent: XNode, name: string, required = false): string | undefined {
    return this.node(parent, name, required)?.text;
  }

  num(parent: XNode, name: string, required = false): number | undefined {
    const t = this.text(parent, name, required);
    if (t === undefined) return undefined;
    const v = Number(t);
    return t.trim() === '' || !Number.isFinite(v) ? undefined : v;
  }

  bool(parent: XNode, name: string, required = false): boolean | undefined {
    const v = this.num(parent, name, required);
    return v === undefined ? undefined : v === 1;
  }

  /** An enum value; the table pass already reported values outside the list, so here it is only cast. */
  oneOf<T extends string>(parent: XNode, name: string, values: readonly T[], required = false): T | undefined {
    const t = this.text(parent, name, required);
    return t !== undefined && (values as readonly string[]).includes(t) ? (t as T) : undefined;
  }
}
