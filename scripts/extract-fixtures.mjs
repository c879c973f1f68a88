#!/usr/bin/env node
// Extracts every JSON example from DJI's MQTT doc pages (EN v1.11 and CN latest) into
// test/fixtures/dji-docs/<edition>/<page>.json as [{source, index, line, docTopic, topic, method?, message, repaired?, expect?}].
// Each example takes the topic of the nearest preceding "Topic:" line and the method of the
// nearest preceding "Method:" line. Broken examples (comments, trailing commas, typos) are
// repaired minimally and the repair is recorded in `repaired`.
// Usage: node scripts/extract-fixtures.mjs [docsRoot]   (default /work/shared/dji-cloud-api)
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.argv[2] ?? '/work/shared/dji-cloud-api';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'dji-docs');
export const FAKE_GATEWAY_SN = 'FAKEGW0000000001';
export const FAKE_DEVICE_SN = 'FAKEDEV000000001';

const EDITIONS = [
  { name: 'en', base: join(ROOT, 'official-en', '60.api-reference'), match: /(^|\/)\d*\.?mqtt(\/|$)/ },
  { name: 'cn', base: join(ROOT, 'official-cn-latest', 'api-reference'), match: /(^|\/)mqtt(\/|$)/ },
];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** "**Topic:** thing/product/_{gateway_sn}_ /requests" → "thing/product/{gateway_sn}/requests". */
function cleanTopic(line) {
  const m = /topic[*_\s]*:\s*(?:<\/?b>|\*\*)?\s*`?([^`（(]*)/i.exec(line);
  if (!m) return null;
  const t = m[1].replace(/<\/?b>/g, '').replace(/[*_\s]/g, (c) => (c === '_' ? '_' : '')).trim();
  // Undo markdown emphasis around placeholders: _{gateway_sn}_ → {gateway_sn}
  const u = t.replace(/_?\{([a-z_]+)\}_?/g, '{$1}');
  return /^(thing|sys)\/product\//.test(u) ? u : null;
}

/**
 * topic-definition pages title each example "## <a id=\"services_reply-message-struct\">" (EN) or
 * "## [#](…#services-reply-结构示例)" (CN) and some sections have no topic line of their own.
 */
function sectionTopic(line) {
  if (!line.startsWith('##')) return null;
  const m = /id="([a-z_-]+)-message-struct"/.exec(line) ?? /#([a-z_-]+?)-%E7%BB%93%E6%9E%84/.exec(line);
  if (!m) return null;
  const name = m[1].replace(/-reply$/, '_reply').replace(/^property-set/, 'property/set').replace(/^drc-/, 'drc/');
  if (name === 'osd' || name === 'state') return `thing/product/{device_sn}/${name}`;
  if (name.startsWith('status')) return `sys/product/{gateway_sn}/${name}`;
  return `thing/product/{gateway_sn}/${name}`;
}

function fillSn(topic) {
  return topic.replace(/\{(gateway_sn|dock_sn)\}/g, FAKE_GATEWAY_SN).replace(/\{[a-z_]+\}/g, FAKE_DEVICE_SN);
}

/** Remove // and /* *\/ comments outside strings. */
function stripComments(s) {
  let out = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += s[++i] ?? '';
      else if (c === '"') inStr = false;
    } else if (c === '"') {
      inStr = true;
      out += c;
    } else if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && s[i + 1] === '*') {
      i = s.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  return out;
}

/** Ordered text repairs; each returns [newText, reason] when it changed something. */
const REPAIRS = [
  (s) => [stripComments(s), 'removed comments'],
  (s) => [s.replace(/^\s*(\.\.\.|…+|\.\.\.\.\.\.)\s*,?\s*$/gm, ''), 'removed "..." placeholder lines'],
  (s) => [s.replace(/:\s*(\.\.\.|…+)\s*([,}\]])/g, ': null$2'), 'replaced "..." value with null'],
  (s) => [s.replace(/,(\s*[}\]])/g, '$1'), 'removed trailing commas'],
  (s) => [s.replace(/}(\s*)\{/g, '},$1{').replace(/("|\d|true|false|null|}|])(\s*\n\s*")/g, '$1,$2'), 'inserted missing commas'],
  (s) => [s.replace(/[“”]/g, '"').replace(/：/g, ':').replace(/，/g, ','), 'replaced full-width punctuation'],
  (s) => [s.replace(/:\s*'([^'\n]*)'/g, ': "$1"'), 'replaced single quotes'],
  (s) => [s.replace(/:\s*([A-Za-z_][A-Za-z0-9_]*)\s*([,}\n])/g, (m, w, end) => (/^(true|false|null)$/.test(w) ? m : `: "${w}"${end}`)), 'quoted bare placeholder values'],
  (s) => [s.replace(/(-?\d+(?:\.\d+)?)\*(\d+)/g, (_, a, b) => String(Number(a) * Number(b))), 'evaluated "x*10000" arithmetic'],
];

/** Split a code block holding several top-level JSON values into one text per value. */
function splitTopLevel(s) {
  const parts = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0 && start >= 0) parts.push(s.slice(start, i + 1));
    }
  }
  return parts;
}

function tryParse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: String(e.message) };
  }
}

function parseExample(raw) {
  let text = raw;
  const reasons = [];
  let r = tryParse(text);
  for (const fix of REPAIRS) {
    if (r.ok) break;
    const [next, reason] = fix(text);
    if (next !== text) {
      text = next;
      reasons.push(reason);
      r = tryParse(text);
    }
  }
  return r.ok ? { ok: true, value: r.value, reasons } : { ok: false, error: r.error, reasons, text };
}

const FAMILY_NEEDS_METHOD = /\/(services|services_reply|events|events_reply|requests|requests_reply|status|status_reply|drc\/up|drc\/down)$/;

const ENVELOPE_KEYS = new Set(['tid', 'bid', 'timestamp', 'gateway', 'method', 'need_reply', 'seq']);
const PLACEHOLDER_ID = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx';

/** Envelope-level repairs on the parsed object (documented typos). */
function repairEnvelope(msg, topic, method, reasons) {
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return msg;
  const m = { ...msg };
  for (const k of Object.keys(m)) {
    const fixed = k.replace(/[:\s]+$/, '');
    if (fixed !== k && !(fixed in m)) {
      m[fixed] = m[k];
      delete m[k];
      reasons.push(`key "${k}" renamed to "${fixed}" (doc typo)`);
    }
  }
  if (FAMILY_NEEDS_METHOD.test(topic) && m.method === undefined && method) {
    m.method = method;
    reasons.push('added "method" from the page\'s Method: line');
  }
  if (/\/drc\/(up|down)$/.test(topic)) return m; // DRC messages carry no tid/bid (docs + demo)
  if (!('data' in m)) {
    const data = {};
    for (const k of Object.keys(m)) {
      if (ENVELOPE_KEYS.has(k)) continue;
      data[k] = m[k];
      delete m[k];
    }
    m.data = data;
    reasons.push('example omits the envelope; wrapped its fields into "data"');
  }
  for (const [k, v] of [['tid', PLACEHOLDER_ID], ['bid', PLACEHOLDER_ID], ['timestamp', 1654070968655]]) {
    if (m[k] === undefined) {
      m[k] = v;
      reasons.push(`example omits "${k}"; added a placeholder`);
    }
  }
  return m;
}

function extractPage(file, edition, base) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const source = `${edition}/${relative(base, file)}`;
  const found = [];
  const failed = [];
  let topic = null;
  let method = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const section = sectionTopic(line);
    if (section) {
      topic = section;
      continue;
    }
    if (/topic[*_\s]*:/i.test(line)) {
      const t = cleanTopic(line);
      if (t) topic = t; // pages put Method: before or after Topic:, so keep the last method
      continue;
    }
    const mm = /\*\*Method:\*\*\s*`?([A-Za-z0-9_{}-]+)`?/.exec(line);
    if (mm) {
      method = mm[1];
      continue;
    }
    if (!/^\s*```/.test(line)) continue;
    const body = [];
    for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) body.push(lines[i]);
    const raw = body.join('\n').trim();
    if (!/^[{[]/.test(stripComments(raw).trim()) || !topic) continue;
    const whole = parseExample(raw);
    const chunks = whole.ok ? [raw] : splitTopLevel(stripComments(raw));
    for (const chunk of chunks) {
    const parsed = chunks.length > 1 ? parseExample(chunk) : whole;
    if (!parsed.ok) {
      failed.push({ source, line: i + 1, topic, method, error: parsed.error });
      continue;
    }
    const reasons = chunks.length > 1 ? ['code block holds several examples; split', ...parsed.reasons] : parsed.reasons;
    let realTopic = topic;
    if (/^thing\/product\/\{[a-z_]+\}\/status(_reply)?$/.test(topic)) {
      realTopic = topic.replace(/^thing/, 'sys');
      reasons.push('topic thing/product/…/status corrected to sys/product/…/status (doc glitch)');
    }
    if (/\/services(_reply)?$/.test(realTopic) && /^drc_/.test(method ?? '') && 'seq' in (parsed.value ?? {})) {
      realTopic = realTopic.replace(/services_reply$/, 'drc/up').replace(/services$/, 'drc/down');
      reasons.push('DRC example listed under services(_reply) moved to drc/up|down (doc glitch, SUMMARY.md §5)');
    }
    const message = repairEnvelope(parsed.value, realTopic, method, reasons);
    const entry = { source, index: found.length, line: i + 1, docTopic: topic, topic: fillSn(realTopic) };
    if (method) entry.method = method;
    entry.message = message;
    if (reasons.length) entry.repaired = reasons.join(' | ');
    if (message?.method === 'some_method') {
      // topic-definition pages show the envelope with a placeholder method: a real unknown method.
      entry.expect = 'unknown_method';
    }
    found.push(entry);
    }
  }
  return { found, failed };
}

rmSync(OUT, { recursive: true, force: true });
let total = 0;
const allFailed = [];
for (const ed of EDITIONS) {
  for (const file of walk(ed.base)) {
    const rel = relative(ed.base, file);
    if (!ed.match.test(rel)) continue;
    const { found, failed } = extractPage(file, ed.name, ed.base);
    allFailed.push(...failed);
    if (!found.length) continue;
    const outFile = join(OUT, ed.name, rel.replace(/\.md$/, '.json').replace(/\//g, '__'));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(found, null, 1) + '\n');
    total += found.length;
  }
}
writeFileSync(join(OUT, 'unparsed.json'), JSON.stringify(allFailed, null, 1) + '\n');
console.log(`extracted ${total} examples; ${allFailed.length} unparsed (see unparsed.json)`);
