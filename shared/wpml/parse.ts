/** KMZ bytes → validated WpmlFile, or an error listing every problem (element + line). Nothing partial. */
import { appError, err, ok, type AppError, type Result } from '../util/result';
import { checkTree } from './check';
import type { Template, Wayline, WpmlFile, WpmlIssue } from './model';
import { readHead, readTemplate, readWayline } from './parse-tree';
import { TreeReader } from './reader';
import { validateFile } from './validate';
import { childrenNamed, parseXml } from './xml';
import { readZip, type ZipLimits } from './zip';

export const TEMPLATE_ENTRY = 'wpmz/template.kml';
export const WAYLINES_ENTRY = 'wpmz/waylines.wpml';
export const RES_PREFIX = 'wpmz/res/';

/** The parsed file and the XML it came from. */
export interface ParsedKmz {
  readonly file: WpmlFile;
  readonly entries: ReadonlyMap<string, Uint8Array>;
}

export function parseKmz(bytes: Uint8Array, limits?: ZipLimits): Result<ParsedKmz, AppError> {
  const zip = readZip(bytes, limits);
  if (!zip.ok) return err(appError(zip.error.code, zip.error.message, { issues: [{ file: '(kmz)', element: zip.error.entry, line: null, message: zip.error.message }] }));
  const entries = zip.value;
  for (const name of entries.keys()) {
    if (name !== TEMPLATE_ENTRY && name !== WAYLINES_ENTRY && !name.startsWith(RES_PREFIX)) {
      return failWith([{ file: '(kmz)', element: name, line: null, message: `Unexpected entry "${name}": a KMZ holds only ${TEMPLATE_ENTRY}, ${WAYLINES_ENTRY} and ${RES_PREFIX}… (overview.md).` }]);
    }
  }
  const template = entries.get(TEMPLATE_ENTRY);
  const waylines = entries.get(WAYLINES_ENTRY);
  if (!template || !waylines) {
    const missing = !template ? TEMPLATE_ENTRY : WAYLINES_ENTRY;
    return failWith([{ file: '(kmz)', element: missing, line: null, message: `The KMZ has no ${missing}.` }]);
  }
  const dec = new TextDecoder('utf-8', { fatal: true });
  let tXml: string;
  let wXml: string;
  try {
    tXml = dec.decode(template);
    wXml = dec.decode(waylines);
  } catch {
    return failWith([{ file: '(kmz)', element: '(encoding)', line: null, message: 'template.kml or waylines.wpml is not UTF-8 text.' }]);
  }
  const resources = [...entries.keys()].filter((n) => n.startsWith(RES_PREFIX)).sort();
  const parsed = parseWpml(tXml, wXml, resources);
  return parsed.ok ? ok({ file: parsed.value, entries }) : parsed;
}

/** The two XML documents → WpmlFile (used by parseKmz and by tests on the docs' examples). */
export function parseWpml(templateXml: string, waylinesXml: string, resources: readonly string[] = []): Result<WpmlFile, AppError> {
  const issues: WpmlIssue[] = [];
  const tRoot = parseXml('template.kml', templateXml);
  const wRoot = parseXml('waylines.wpml', waylinesXml);
  if (!tRoot.ok) issues.push(tRoot.error);
  if (!wRoot.ok) issues.push(wRoot.error);
  if (!tRoot.ok || !wRoot.ok) return failWith(issues);
  issues.push(...checkTree('template.kml', tRoot.value), ...checkTree('waylines.wpml', wRoot.value));
  const tr = new TreeReader('template.kml');
  const wr = new TreeReader('waylines.wpml');
  const tDoc = tr.node(tRoot.value, 'Document', true);
  const wDoc = wr.node(wRoot.value, 'Document', true);
  const tHead = tDoc ? readHead(tr, tDoc) : {};
  const wHead = wDoc ? readHead(wr, wDoc) : {};
  const templates = tDoc ? childrenNamed(tDoc, 'Folder').map((f) => readTemplate(tr, f)) : [];
  const waylines = wDoc ? childrenNamed(wDoc, 'Folder').map((f) => readWayline(wr, f)) : [];
  issues.push(...tr.issues, ...wr.issues);
  // The executing file's missionConfig is authoritative (waylines-wpml.md); the template's must exist too.
  const mission = wHead.mission ?? tHead.mission;
  if (issues.length > 0 || !mission || templates.some((t) => !t) || waylines.some((w) => !w)) return failWith(issues);
  const file: WpmlFile = {
    ...(tHead.author !== undefined ? { author: tHead.author } : {}),
    ...(tHead.createTime !== undefined ? { createTime: tHead.createTime } : {}),
    ...(tHead.updateTime !== undefined ? { updateTime: tHead.updateTime } : {}),
    mission,
    templates: templates as Template[],
    waylines: waylines as Wayline[],
    resources,
  };
  const semantic = validateFile(file);
  return semantic.length > 0 ? failWith(semantic) : ok(file);
}

function failWith(issues: readonly WpmlIssue[]): Result<never, AppError> {
  const first = issues[0];
  const head = first ? `${first.file}: ${first.message}` : 'The file is not valid WPML.';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return err(appError('wpml_invalid', head + more, { issues }));
}
