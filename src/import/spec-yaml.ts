// Writing what a form gives into a unit specification's YAML. A new spec and an existing one
// go through the same merge, so both come out in one layout. Merging edits the parsed
// Document in place: comments, quoting and key order of the spec stay as the author left
// them; only values the form gives are added, and a value the spec already holds is changed
// only when the caller allows it (--force).
import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { criterionSchema, outcomeSchema, unitSchema } from '../schema/unit.js';
import { parseBounded } from '../yaml-bounds.js';
import type { ImportedCriterion, ImportedOutcome, ImportedUnit } from './types.js';

export interface Conflict {
  /** Where, in the spec's words: "title", "outcome 2 methods", "criterion 1.4 text". */
  at: string;
  spec: string;
  form: string;
}

export interface MergeReport {
  /** What the form added that the spec did not have. */
  filled: string[];
  /** Values the spec holds that the form gives differently. */
  conflicts: Conflict[];
}

export interface MergeOptions {
  /** Replace values the spec holds with the form's (--force); otherwise keep the spec's. */
  overwrite: boolean;
  /** The form was matched by its criteria, not named: never change criterion wording. */
  keepWording: boolean;
  /** The spec's id, for a form that gives none. */
  id: string;
  source: string;
}

// A key the spec lacks goes where the unit file's format (schema/unit.ts) places it.
const UNIT_KEYS = Object.keys(unitSchema.shape);
const OUTCOME_KEYS = Object.keys(outcomeSchema.shape);
const CRITERION_KEYS = Object.keys(criterionSchema.shape);

export function parseSpec(text: string): Document.Parsed | undefined {
  // Nested beyond what folio reads, the spec is unreadable here as it is for check.
  if (parseBounded(text).tooDeep !== undefined) return undefined;
  const doc = parseDocument(text, { schema: 'failsafe', keepSourceTokens: false });
  return doc.errors.length || !isMap(doc.contents) ? undefined : doc;
}

export function emptySpec(): Document {
  const doc = new Document(new YAMLMap(), { schema: 'failsafe' });
  return doc;
}

export function renderSpec(doc: Document): string {
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}

/** The criteria of a spec as id → text, for matching a form that gives no unit number. */
export function criteriaOf(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const outcomes = (doc.contents as YAMLMap).get('outcomes');
  if (!isSeq(outcomes)) return out;
  for (const o of outcomes.items) {
    const criteria = isMap(o) ? o.get('criteria') : undefined;
    if (!isSeq(criteria)) continue;
    for (const c of criteria.items) if (isMap(c)) out.set(str(c.get('id')) ?? '', str(c.get('text')) ?? '');
  }
  return out;
}

export function mergeUnit(doc: Document, u: ImportedUnit, opts: MergeOptions): MergeReport {
  const report: MergeReport = { filled: [], conflicts: [] };
  const root = doc.contents as YAMLMap;
  const ctx = { doc, report, opts };
  if (!root.has('unit')) put(root, 'unit', quoted(opts.id), UNIT_KEYS);
  scalar(ctx, root, 'title', u.title, 'title', UNIT_KEYS);
  scalar(ctx, root, 'level', num(u.level), 'level', UNIT_KEYS);
  scalar(ctx, root, 'credits', num(u.credits), 'credits', UNIT_KEYS);
  scalar(ctx, root, 'glh', num(u.glh), 'guided learning hours', UNIT_KEYS);
  union(ctx, root, 'aliases', u.aliases, 'aliases', UNIT_KEYS);
  union(ctx, root, 'source', [opts.source], 'source', UNIT_KEYS);
  scalar(ctx, root, 'guidance', u.guidance, 'guidance', UNIT_KEYS);

  eachById(root, 'outcomes', UNIT_KEYS, OUTCOME_KEYS, u.outcomes, (node, o, fresh) => {
    if (fresh) report.filled.push(`outcome ${o.id}`);
    mergeOutcome(ctx, node, o);
  });
  return report;
}

interface Ctx {
  doc: Document;
  report: MergeReport;
  opts: MergeOptions;
}

function mergeOutcome(ctx: Ctx, node: YAMLMap, o: ImportedOutcome) {
  const where = `outcome ${o.id}`;
  scalar(ctx, node, 'title', o.title, `${where} title`, OUTCOME_KEYS);
  // The type is written out even where the title implies it (issue 17): a reader of the spec
  // sees it without knowing the rule, and a title edited later does not change it unseen.
  const stated = str(node.get('type'));
  if (o.type && o.type !== stated) {
    if (!stated || ctx.opts.overwrite) {
      put(node, 'type', new Scalar(o.type), OUTCOME_KEYS);
      if (!stated) ctx.report.filled.push(`${where} type`);
    }
    if (stated) ctx.report.conflicts.push({ at: `${where} type`, spec: stated, form: o.type });
  }
  if (o.methods) {
    const current = list(node.get('methods'));
    if (!current) {
      put(node, 'methods', flow(o.methods), OUTCOME_KEYS);
      ctx.report.filled.push(`${where} methods`);
    } else if ([...current].sort().join() !== [...o.methods].sort().join()) {
      ctx.report.conflicts.push({ at: `${where} methods`, spec: current.join(', '), form: o.methods.join(', ') });
      if (ctx.opts.overwrite) put(node, 'methods', flow(o.methods), OUTCOME_KEYS);
    }
  }
  eachById(node, 'criteria', OUTCOME_KEYS, CRITERION_KEYS, o.criteria, (child, c, fresh) => {
    if (fresh) ctx.report.filled.push(`criterion ${c.id}`);
    mergeCriterion(ctx, child, c);
  });
}

/** Walk a list of id-keyed maps (outcomes, criteria) in the form's order, adding missing ones after the previous. */
function eachById<T extends { id: string }>(parent: YAMLMap, key: string, order: string[], childOrder: string[], items: T[], merge: (node: YAMLMap, item: T, fresh: boolean) => void) {
  let seq = parent.get(key);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    put(parent, key, seq, order);
  }
  const list = (seq as YAMLSeq).items;
  let after = -1;
  for (const item of items) {
    let i = list.findIndex((n) => isMap(n) && str(n.get('id')) === item.id);
    const fresh = i < 0;
    if (fresh) {
      const node = new YAMLMap();
      put(node, 'id', quoted(item.id), childOrder);
      list.splice(after + 1, 0, node);
      i = after + 1;
    }
    after = i;
    merge(list[i] as YAMLMap, item, fresh);
  }
}

function mergeCriterion(ctx: Ctx, node: YAMLMap, c: ImportedCriterion) {
  const where = `criterion ${c.id}`;
  if (ctx.opts.keepWording && node.has('text')) {
    const spec = str(node.get('text'));
    if (c.text && spec !== undefined && norm(spec) !== norm(c.text)) ctx.report.conflicts.push({ at: `${where} text`, spec, form: c.text });
  } else scalar(ctx, node, 'text', c.text, `${where} text`, CRITERION_KEYS);
  scalar(ctx, node, 'guidance', c.guidance, `${where} guidance`, CRITERION_KEYS);
}

/** Set key to the form's value where the spec has none; record a difference where it has one. */
function scalar(ctx: Ctx, node: YAMLMap, key: string, value: string | null, where: string, order: string[]) {
  if (value === null || value === '') return;
  const current = str(node.get(key));
  if (current === undefined || current.trim() === '') {
    put(node, key, text(value), order);
    ctx.report.filled.push(where);
    return;
  }
  if (norm(current) === norm(value)) return;
  ctx.report.conflicts.push({ at: where, spec: current, form: value });
  if (ctx.opts.overwrite) {
    const existing = node.get(key, true);
    if (isScalar(existing) && !value.includes('\n')) existing.value = value;
    else put(node, key, text(value), order);
  }
}

/** aliases and source: add what is missing, never remove. A single source becomes a list. */
function union(ctx: Ctx, node: YAMLMap, key: string, values: string[], where: string, order: string[]) {
  if (!values.length) return;
  const current = node.get(key, true);
  const have = isSeq(current) ? current.items.map((n) => str(n) ?? '') : isScalar(current) && str(current) ? [str(current)!] : [];
  const missing = values.filter((v) => !have.includes(v));
  if (!missing.length) return;
  const all = [...have, ...missing];
  if (key === 'source' && all.length === 1) put(node, key, new Scalar(all[0]), order);
  else if (isSeq(current)) for (const m of missing) current.items.push(flow([m]).items[0]!);
  else put(node, key, flow(all), order);
  ctx.report.filled.push(`${where} ${missing.join(', ')}`);
}

/** Insert or replace key, keeping the unit file's key order for keys the spec does not have yet. */
function put(node: YAMLMap, key: string, value: unknown, order: string[]) {
  const at = node.items.findIndex((p) => str(p.key) === key);
  if (at >= 0) {
    const pair = node.items[at]!;
    const old = pair.value;
    pair.value = value;
    // keep a comment that sat on the replaced value
    if (isScalar(old) && (isScalar(value) || isSeq(value)) && old.comment) (value as Scalar).comment = old.comment;
    return;
  }
  const rank = order.indexOf(key);
  let i = node.items.findIndex((p) => {
    const r = order.indexOf(str(p.key) ?? '');
    return r > rank;
  });
  if (i < 0) i = node.items.length;
  node.items.splice(i, 0, new Pair(new Scalar(key), value));
}

function text(value: string): Scalar {
  const s = new Scalar(value);
  if (value.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  return s;
}

function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

function flow(values: string[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  // "03" must stay the text 03 for a reader that takes plain 03 for the number 3
  for (const v of values) seq.items.push(/^[\d.+-]|^(true|false|null|yes|no|on|off|~)$/i.test(v) ? quoted(v) : new Scalar(v));
  return seq;
}

function list(node: unknown): string[] | undefined {
  if (!isSeq(node)) return undefined;
  return node.items.map((n) => str(n) ?? '');
}

function str(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? undefined : String(node.value);
  if (typeof node === 'string') return node;
  return undefined;
}

function num(n: number | null): string | null {
  return n === null ? null : String(n);
}

/** Whitespace and line breaks do not make a difference between two texts. */
export function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
