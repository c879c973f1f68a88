/** XML text → a small element tree with line numbers (fast-xml-parser), refusing what WPML never contains. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from '../util/result';
import type { WpmlIssue } from './model';

export interface XNode {
  readonly name: string;
  readonly text: string;
  readonly children: readonly XNode[];
  readonly line: number;
}

export const XML_LIMITS = {
  /** A 10,000-waypoint file with actions is ~20 MB; more is not a route. */
  maxChars: 32 * 1024 * 1024,
  maxDepth: 24,
  maxElements: 2_000_000,
} as const;

type Raw = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  // Only the five XML entities; a DOCTYPE (where custom entities live) is refused before parsing.
  processEntities: true,
  htmlEntities: false,
});

const issue = (file: string, element: string, line: number | null, message: string): WpmlIssue => ({ file, element, line, message });

/** Parses `xml`; the root must be `<kml>`. Errors name the file, element and line. */
export function parseXml(file: string, xml: string): Result<XNode, WpmlIssue> {
  if (xml.length > XML_LIMITS.maxChars) return err(issue(file, '(file)', null, `${file} is ${xml.length} characters; the limit is ${XML_LIMITS.maxChars}.`));
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype) return err(issue(file, '!DOCTYPE', lineAt(lineStarts(xml), doctype.index), `${file} has a DOCTYPE; WPML files never do (entity declarations are refused).`));
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return err(issue(file, '(xml)', valid.err.line, `${file} is not well-formed XML: ${valid.err.msg}`));
  let raw: unknown;
  try {
    raw = parser.parse(xml);
  } catch (e) {
    return err(issue(file, '(xml)', null, `${file} could not be parsed: ${(e as Error).message}`));
  }
  const starts = lineStarts(xml);
  const counter = { n: 0 };
  const roots = toNodes(raw as Raw[], starts, 0, counter);
  if (!roots.ok) return err({ ...roots.error, file });
  const kml = roots.value.find((n) => n.name === 'kml');
  if (!kml) return err(issue(file, 'kml', 1, `${file} has no <kml> root element.`));
  return ok(kml);
}

function toNodes(list: readonly Raw[], starts: readonly number[], depth: number, counter: { n: number }): Result<XNode[], WpmlIssue> {
  const out: XNode[] = [];
  for (const item of list) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const meta = (item as Record<symbol, { startIndex?: number } | undefined>)[META];
    const line = meta?.startIndex === undefined ? 0 : lineAt(starts, meta.startIndex);
    if (depth > XML_LIMITS.maxDepth) return err(issue('', name, line, `<${name}> is nested ${depth} deep; WPML never goes past ${XML_LIMITS.maxDepth}.`));
    if (++counter.n > XML_LIMITS.maxElements) return err(issue('', name, line, `More than ${XML_LIMITS.maxElements} elements.`));
    const kids = (item[name] ?? []) as Raw[];
    const text = kids.filter((k) => '#text' in k).map((k) => String(k['#text'])).join('');
    const children = toNodes(kids, starts, depth + 1, counter);
    if (!children.ok) return children;
    out.push({ name, text, children: children.value, line });
  }
  return ok(out);
}

function lineStarts(s: string): number[] {
  const starts = [0];
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset (binary search over line starts). */
function lineAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Children named `name`. */
export const childrenNamed = (n: XNode, name: string): XNode[] => n.children.filter((c) => c.name === name);
export const child = (n: XNode, name: string): XNode | undefined => n.children.find((c) => c.name === name);
