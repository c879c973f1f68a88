/** Table-driven pass over the whole tree: every element known, every value of its documented type and range. */
import type { WpmlIssue } from './model';
import { ELEMENTS, type ElementSpec } from './schema';
import type { XNode } from './xml';

const NUM = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;

export function checkTree(file: string, root: XNode): WpmlIssue[] {
  const issues: WpmlIssue[] = [];
  const walk = (n: XNode, parent: string): void => {
    const spec = ELEMENTS[n.name];
    if (!spec) {
      issues.push({ file, element: n.name, line: n.line, message: `Unknown element <${n.name}> in <${parent}> (line ${n.line}): not part of WPML.` });
      return;
    }
    if (spec.type === 'struct') {
      for (const c of n.children) walk(c, n.name);
      return;
    }
    if (n.children.length > 0) {
      issues.push({ file, element: n.name, line: n.line, message: `<${n.name}> (line ${n.line}) must hold a value, not child elements.` });
      return;
    }
    const problem = valueProblem(spec, n.text);
    if (problem) issues.push({ file, element: n.name, line: n.line, message: `<${n.name}> (line ${n.line}): ${problem}` });
  };
  walk(root, '(document)');
  return issues;
}

/** Why `text` is not a valid value of `spec`, or null. */
export function valueProblem(spec: ElementSpec, text: string): string | null {
  switch (spec.type) {
    case 'text':
    case 'coordinates':
    case 'struct':
      return null;
    case 'enum':
      return spec.values?.includes(text) ? null : `"${text}" is not one of ${(spec.values ?? []).join(', ')}.`;
    case 'bool':
      return text === '0' || text === '1' ? null : `"${text}" must be 0 or 1.`;
    case 'int':
    case 'float': {
      if (!(spec.type === 'int' ? INT : NUM).test(text)) return `"${text}" is not ${spec.type === 'int' ? 'an integer' : 'a number'}.`;
      const v = Number(text);
      if (spec.min !== undefined && (spec.minExclusive ? v <= spec.min : v < spec.min)) return `${v} is below the range ${range(spec)}.`;
      if (spec.max !== undefined && v > spec.max) return `${v} is above the range ${range(spec)}.`;
      return null;
    }
  }
}

const range = (s: ElementSpec): string => `${s.minExclusive ? '(' : '['}${s.min ?? '-∞'}, ${s.max ?? '∞'}]`;
