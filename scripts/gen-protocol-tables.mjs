#!/usr/bin/env node
// Generates shared/protocol/catalog.generated.ts from the research catalog
// (/work/shared/protocol/protocol-catalog.json): the known methods per topic family, which
// methods carry an array / null `data`, and the typed field trees used to validate
// osd/state pushes. Usage: node scripts/gen-protocol-tables.mjs [catalog.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const CATALOG = process.argv[2] ?? '/work/shared/protocol/protocol-catalog.json';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'protocol', 'catalog.generated.ts');
const catalog = JSON.parse(readFileSync(CATALOG, 'utf8'));

const FAMILY = {
  property_set: 'property/set',
  property_set_reply: 'property/set_reply',
  drc_up: 'drc/up',
  drc_down: 'drc/down',
};
const familyOf = (kind) => FAMILY[kind] ?? kind;

/**
 * Where a doc example disagrees with the field table we follow the example (brief + SUMMARY.md §5).
 * Path → spec, with the reason. Paths use the catalog's notation.
 */
const OVERRIDES = {
  'maintain_status.maintain_status_array[].last_maintain_time': {
    spec: { u: ['number', 'string'] },
    reason: 'table says date; every dock/aircraft properties example sends an epoch number',
  },
};

const SCALAR = {
  int: 'number', float: 'number', double: 'number', long: 'number', enum_int: 'number',
  string: 'string', enum_string: 'string', date: 'string', enum: 'string',
  bool: 'boolean',
  object: 'object',
  array: 'array',
  enum_list: 'array',
};

function specOfType(type) {
  const arr = /^array<(.+)>$/.exec(type);
  if (arr) return { a: specOfType(arr[1]) };
  const s = SCALAR[type];
  if (!s) throw new Error(`unknown catalog type ${type}`);
  if (s === 'object') return { o: {} };
  if (s === 'array') return { a: 'unknown' };
  return s;
}

const isObj = (s) => typeof s === 'object' && 'o' in s;
const isArr = (s) => typeof s === 'object' && 'a' in s;
const key = (s) => JSON.stringify(s);

/** Merge two specs for the same name (possibly from different device kinds). */
function merge(a, b) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (key(a) === key(b)) return a;
  if (isObj(a) && isObj(b)) {
    const o = { ...a.o };
    for (const [k, v] of Object.entries(b.o)) o[k] = merge(o[k], v);
    return { o };
  }
  if (isArr(a) && isArr(b)) return { a: a.a === 'unknown' ? b.a : b.a === 'unknown' ? a.a : merge(a.a, b.a) };
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  // A real collision across device kinds: accept either type.
  const members = [...(a.u ?? [a]), ...(b.u ?? [b])];
  return { u: [...new Map(members.map((m) => [key(m), m])).values()] };
}

/** The object node inside spec (through unions and array levels), created if missing. */
function objectNode(holder, name, depth) {
  let spec = holder.o[name];
  if (spec === undefined || spec === 'unknown') spec = holder.o[name] = depth ? { a: { o: {} } } : { o: {} };
  else if (typeof spec === 'string') {
    // Documented as a scalar on one page and as a struct on another: accept both.
    const inner = depth ? { a: { o: {} } } : { o: {} };
    holder.o[name] = { u: [spec, inner] };
    spec = inner;
  }
  if (spec.u) spec = spec.u.find((x) => isObj(x) || isArr(x)) ?? spec;
  for (let d = 0; d < depth; d++) {
    if (!isArr(spec)) return null;
    if (!isObj(spec.a) && !isArr(spec.a)) spec.a = { o: {} };
    spec = spec.a;
  }
  return isObj(spec) ? spec : null;
}

/** Insert "a.b[].c" with spec into tree (an `{o}` spec); parents are inserted first. */
function insert(tree, path, spec) {
  const parts = path.split('.');
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const m = /^(.*?)((?:\[\])*)$/.exec(parts[i]);
    node = objectNode(node, m[1], m[2].length / 2);
    if (!node) return;
  }
  const m = /^(.*?)((?:\[\])*)$/.exec(parts[parts.length - 1]);
  let leaf = spec;
  for (let d = 0; d < m[2].length / 2; d++) leaf = { a: leaf };
  node.o[m[1]] = merge(node.o[m[1]], leaf);
}

function buildTree(entries, filter = () => true) {
  const tree = { o: {} };
  for (const e of entries) {
    const fields = [...e.fields].sort((x, y) => x.name.split('.').length - y.name.split('.').length);
    for (const f of fields) {
      if (!filter(f.name)) continue;
      insert(tree, f.name, OVERRIDES[f.name]?.spec ?? specOfType(f.type));
    }
  }
  return tree;
}

// Known methods per family.
const methods = {};
const arrayData = new Set();
const nullData = new Set();
for (const e of catalog) {
  const fam = familyOf(e.kind);
  if (fam === 'osd' || fam === 'state') continue;
  (methods[fam] ??= new Set()).add(e.method);
  if (e.fields.some((f) => f.name === '[]' || f.name.startsWith('[].'))) arrayData.add(`${fam}:${e.method}`);
  if (e.data_null) nullData.add(`${fam}:${e.method}`);
}

const PAYLOAD_KEY = '{type-subtype-gimbalindex}';
const props = catalog.filter((e) => e.kind === 'osd' || e.kind === 'state');
const propertyTree = buildTree(props, (n) => !n.startsWith('{'));
const payloadTree = buildTree(
  props.map((e) => ({
    fields: e.fields
      .filter((f) => f.name.startsWith(PAYLOAD_KEY + '.'))
      .map((f) => ({ ...f, name: f.name.slice(PAYLOAD_KEY.length + 1) })),
  })),
);

// Payload firmware state `{payload_model}-{position}` and payload-index keys validated separately.
const sorted = (s) => [...s].sort();
const out = `// GENERATED by scripts/gen-protocol-tables.mjs from the research protocol-catalog.json — do not edit.
// Known MQTT methods per topic family and typed field trees for osd/state (DJI Cloud API docs + demo).
import type { FieldSpec } from './field-spec';

export const KNOWN_METHODS = {
${Object.entries(methods).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(sorted(v))},`).join('\n')}
} as const;

/** "family:method" whose \`data\` is itself an array (docs examples, e.g. airsense_warning). */
export const ARRAY_DATA_METHODS: readonly string[] = ${JSON.stringify(sorted(arrayData))};

/** "family:method" documented with \`data: null\` (parameterless services). */
export const NULL_DATA_METHODS: readonly string[] = ${JSON.stringify(sorted(nullData))};

/**
 * osd + state fields of dock, aircraft and RC merged; collisions become unions.
 * Overrides where the docs' examples disagree with their tables:
${Object.entries(OVERRIDES).map(([k, v]) => ` *   ${k}: ${v.reason}`).join('\n')}
 */
export const PROPERTY_FIELDS: FieldSpec = ${JSON.stringify(propertyTree, null, 1)};

/** Fields of an aircraft payload object keyed by payload index ("39-0-7": {...}). */
export const PAYLOAD_INDEX_FIELDS: FieldSpec = ${JSON.stringify(payloadTree, null, 1)};
`;
writeFileSync(OUT, out);
console.log(`wrote ${OUT}`);
