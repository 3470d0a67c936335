// Reading YAML as the author wrote it, and resolving data paths to line and column.
// Every scalar is kept as text (failsafe schema): "1.10" stays "1.10", "2026-03-04" stays a
// string, "NO" is not a boolean. The schema stage converts numbers and dates itself.
import { Alias, Document, LineCounter, isAlias, isMap, isScalar, isSeq, visit, type Node as YamlNode, type Pair } from 'yaml';
import type { Diagnostic, Finding, Target } from './diagnostics.js';
import { placesFast, readFast, type FastPlaces } from './fast-yaml.js';
import { lineAt, syntaxHint } from './yaml-hint.js';
import { q, severityOf } from './diagnostics.js';
import { MAX_ALIAS_VALUES, MAX_NESTING, MAX_VALUE, MAX_VALUES, keyText, oversized, type Oversize, lineCounterOf, parseBounded, toPlainBounded, type PlainProblem } from './yaml-bounds.js';

export interface SourceFile {
  file: string; // repository-relative, with '/'
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Positions from the fast reader, for a file it reads (no syntax tree needed). */
  places?: FastPlaces;
}

/**
 * A source whose syntax tree is built again only when a finding in it needs a position that
 * the fast reader cannot give. A parsed Document is many times the size of its text, and most
 * files have no findings, so the loader keeps none of them (a centre of thousands of learners
 * would not fit in memory).
 */
export function lazySource(file: string, read: () => string): SourceFile {
  let text: string | undefined;
  let doc: Document.Parsed | undefined;
  let lines: LineCounter | undefined;
  let places: FastPlaces | null | undefined;
  return {
    file,
    get text() {
      return (text ??= read());
    },
    get doc() {
      return (doc ??= parseBounded(this.text).doc);
    },
    get lines() {
      return (lines ??= lineCounterOf(this.text));
    },
    get places() {
      if (places === undefined) places = placesFast(this.text) ?? null;
      return places ?? undefined;
    },
  };
}

export interface Parsed {
  /** The data as plain objects and strings; undefined when the file could not be parsed. */
  value: unknown;
  findings: Finding[];
}

/** A file's data. Most files are in the subset of YAML that fast-yaml.ts reads directly (it
 * declines anything else, errors included); the rest, and every position a finding needs,
 * come from the yaml library, within the bounds of yaml-bounds.ts. */
export function parseYaml(file: string, text: string): Parsed {
  const parsed = parseText(file, text);
  const over = parsed.value === undefined ? undefined : oversized(parsed.value);
  if (!over) return parsed;
  return { value: undefined, findings: [...parsed.findings, oversizeFinding(file, over)] };
}

function oversizeFinding(file: string, o: Oversize): Finding {
  if (o.kind === 'too-many-values') {
    const message = `the file holds more than ${MAX_VALUES.toLocaleString('en-GB')} keys and values, more than folio reads in one file (a large portfolio holds about 20,000); the file is skipped: check that it was not generated or pasted by mistake`;
    return { code: 'too-many-values', messageId: 'over-limit', data: { limit: MAX_VALUES }, target: { file, path: o.path }, message };
  }
  const what = o.key ? 'key' : 'value';
  const message = `this ${what} is ${o.length.toLocaleString('en-GB')} characters long, more than the ${MAX_VALUE.toLocaleString('en-GB')} folio reads in one ${what}; the file is skipped: shorten it, or keep the text in an evidence file and point at it`;
  return { code: 'value-too-long', messageId: o.key ? 'key-too-long' : 'value-too-long', data: { length: o.length, limit: MAX_VALUE }, target: { file, path: o.path, key: o.key }, message };
}

function parseText(file: string, text: string): Parsed {
  const fast = readFast(text);
  if (fast) return { value: fast.value, findings: [] };
  const lines = lineCounterOf(text);
  const { doc, tooDeep } = parseBounded(text);
  if (tooDeep !== undefined) return { value: undefined, findings: [limitFinding(file, { kind: 'too-deep', offset: tooDeep })] };
  const findings: Finding[] = [];
  let fatal = false;
  const syntaxLines = new Set<number>();
  for (const e of doc.errors) {
    fatal = true;
    // One syntax problem often yields several parser errors on a line; report the first.
    const offset = syntaxOffset(text, e.code, e.message, e.pos[0]);
    const { line, col } = lines.linePos(offset);
    if (syntaxLines.has(line)) continue;
    syntaxLines.add(line);
    findings.push({
      code: 'yaml-syntax',
      // The parser's own error code names the problem; its wording is the parser's.
      messageId: e.code.toLowerCase().replace(/_/g, '-'),
      data: { parserCode: e.code, parserMessage: firstLine(e.message) },
      target: { file, offset },
      message: `YAML syntax: ${syntaxHint(e.code, lineAt(text, offset - col + 1)) ?? `${firstLine(e.message)}; fix the syntax (indentation, quotes, brackets) at this point`}`,
    });
  }
  const plain = toPlainBounded(doc.contents, doc);
  for (const p of plain.problems) findings.push(limitFinding(file, p));
  return { value: fatal ? undefined : plain.value, findings };
}

function limitFinding(file: string, p: PlainProblem): Finding {
  const target = { file, offset: p.offset };
  switch (p.kind) {
    case 'duplicate-key':
      return { code: 'duplicate-key', messageId: 'key-twice', data: { key: p.key }, target, message: `duplicate key ${q(p.key)}: a key may appear once in a mapping; merge the two entries or rename one` };
    case 'too-deep':
      return { code: 'too-deep', messageId: 'over-limit', data: { limit: MAX_NESTING }, target, message: `lists and mappings are nested more than ${MAX_NESTING} levels deep here (aliases included), more than folio reads; the file is skipped: flatten it (a portfolio needs six levels)` };
    case 'alias-expansion':
      return { code: 'alias-expansion', messageId: 'over-limit', data: { limit: MAX_ALIAS_VALUES }, target, message: `the aliases of this file stand for more than ${MAX_ALIAS_VALUES.toLocaleString('en-GB')} values in all, more than folio expands; the file is skipped: write the values out or use fewer aliases` };
  }
}

// An unclosed quote or bracket is detected where the file or block ends; the useful place is
// the character that opened it, the last one of its kind before that point.
function syntaxOffset(text: string, code: string, message: string, at: number): number {
  if (code === 'MISSING_CHAR') {
    const quote = /closing (["'])quote/.exec(message)?.[1];
    if (quote) {
      const open = text.lastIndexOf(quote, at - 1);
      if (open >= 0) return open;
    }
  }
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (bracket) {
    const open = text.lastIndexOf(bracket === ']' ? '[' : '{', at - 1);
    if (open >= 0) return open;
  }
  return at;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The data of a node, as parseYaml gives it (null when a limit stops the conversion). */
export function toPlain(node: unknown, doc: Document.Parsed): unknown {
  return toPlainBounded(node, doc).value ?? null;
}

/** The node at a data path (its key when wantKey), or the deepest node the path reaches: a
 * missing field is reported at the mapping or item that should hold it. With exact, a path
 * that does not reach its end gives null instead. */
function walk(doc: Document.Parsed, path: (string | number)[], wantKey: boolean, exact = false): YamlNode | null {
  let node: unknown = doc.contents;
  const short = (at: unknown) => (exact ? null : ((at ?? null) as YamlNode | null));
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isAlias(node)) node = (node as Alias).resolve(doc);
    if (isMap(node)) {
      const pair = pairsOf(node, doc).get(String(step));
      if (!pair) return short(node);
      if (i === path.length - 1 && wantKey) return pair.key as YamlNode;
      // An absent value (`key:` with nothing) has no node; the key stands for it.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item == null) return short(node);
      node = item;
    } else {
      return short(node);
    }
  }
  return (node ?? null) as YamlNode | null;
}

// The pairs of a mapping by key (an alias key by the text it names), the first of equal keys,
// built once per mapping: a file with many findings in one mapping looks each one up.
const pairIndex = new WeakMap<object, Map<string, Pair>>();
function pairsOf(map: { items: Pair[] }, doc: Document.Parsed): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      // A complex key (`? [a]`) is named in data by its text, as keyText writes it.
      if (p.key == null) continue;
      const k = keyText(p.key, doc);
      if (!index.has(k)) index.set(k, p);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/** A record in a file (an assessment, a sign-off…): where it starts, the lines that hold it,
 * and its value as plain data. */
export interface RecordSpan {
  /** Offset of the record's first character. */
  offset: number;
  /** Every line holding one of its keys or values, ascending: a comment line inside a block
   * mapping is not part of the record, a line of a block scalar is. */
  lines: number[];
  /** Those of its lines that also hold keys or values of something else (a flow item's other
   * fields): git cannot tell a change to them from a change to the record. */
  shared: number[];
  value: unknown;
}

/** The record at a data path, or undefined when the path does not lead to a node. */
export function recordAt(source: SourceFile, path: (string | number)[]): RecordSpan | undefined {
  // a file the fast reader reads is answered from its marks, without a syntax tree
  const fast = source.places?.span(path, (offset) => source.lines.linePos(offset).line);
  if (fast) return fast;
  const node = walk(source.doc, path, false, true);
  if (!node?.range) return undefined;
  const lines = new Set<number>();
  const cover = (range: readonly number[] | null | undefined) => {
    if (!range) return;
    const first = source.lines.linePos(range[0]!).line;
    // a range ends after its last character, often at the start of the next line
    const last = source.lines.linePos(Math.max(range[0]!, range[1]! - 1)).line;
    for (let l = first; l <= last; l++) lines.add(l);
  };
  // the brackets of a flow collection hold it too (a line with only "}" is part of it)
  const brackets = (n: { flow?: boolean; range?: readonly number[] | null }) => {
    if (!n.flow || !n.range) return;
    cover([n.range[0]!, n.range[0]! + 1]);
    cover([n.range[1]! - 1, n.range[1]!]);
  };
  if (isScalar(node) || isAlias(node)) cover(node.range);
  else
    visit(node, {
      Scalar: (_k, n) => void cover(n.range),
      Alias: (_k, n) => void cover(n.range),
      Map: (_k, n) => void brackets(n),
      Seq: (_k, n) => void brackets(n),
    });
  const own = walk(source.doc, path, true, true); // the record's key is on its line by right
  const [start, end] = [node.range[0], node.range[1]];
  const shared = [...lines].filter((l) => (scalarsByLine(source).get(l) ?? []).some((n) => n !== own && (n.range![1] <= start || n.range![0] >= end)));
  return { offset: node.range[0], lines: [...lines].sort((a, b) => a - b), shared: shared.sort((a, b) => a - b), value: toPlain(node, source.doc) };
}

// Every scalar of a document by the lines it is on, built once per document: records of a
// portfolio ask it for each of their lines.
const scalarIndex = new WeakMap<Document.Parsed, Map<number, YamlNode[]>>();
function scalarsByLine(source: SourceFile): Map<number, YamlNode[]> {
  let index = scalarIndex.get(source.doc);
  if (index) return index;
  index = new Map();
  scalarIndex.set(source.doc, index);
  const add = (n: YamlNode) => {
    if (!n.range) return;
    const first = source.lines.linePos(n.range[0]).line;
    const last = source.lines.linePos(Math.max(n.range[0], n.range[1] - 1)).line;
    for (let l = first; l <= last; l++) {
      const on = index!.get(l);
      if (on) on.push(n);
      else index!.set(l, [n]);
    }
  };
  visit(source.doc, { Scalar: (_k, n) => void add(n), Alias: (_k, n) => void add(n) });
  return index;
}

/** The offset of a line's first character that is not a space: where a finding on that line
 * of a record points. */
export function lineOffset(source: SourceFile, line: number): number {
  const start = source.lines.lineStarts[line - 1] ?? 0;
  const indent = /^[ \t]*/.exec(source.text.slice(start, start + 200))![0].length;
  return start + indent;
}

/** The offset a finding points at: the node itself, or for a missing child the parent's start. */
export function offsetOf(source: SourceFile, f: Pick<Finding, 'target'>): number | null {
  if (f.target.offset !== undefined) return f.target.offset;
  const path = f.target.path ?? [];
  if (path.length === 0) return null;
  const fast = source.places?.offset(path, f.target.key === true);
  if (fast !== undefined) return fast;
  const range = walk(source.doc, path, f.target.key === true)?.range;
  return range ? range[0] : null;
}

export function resolve(source: SourceFile | undefined, f: Finding): Diagnostic {
  const base: Diagnostic = { code: f.code, severity: f.severity ?? severityOf(f.code), message: f.message, file: f.target.file, line: 0, column: 0 };
  if (f.messageId !== undefined) base.messageId = f.messageId;
  if (f.data !== undefined) base.data = f.data;
  return { ...base, ...placeAt(source, f.target) };
}

/** Where a target points in its file (line 0 for the file as a whole, or one that cannot be
 * read): what a finding is placed by, and what places a gap in CI reports. */
export function placeAt(source: SourceFile | undefined, target: Target): { line: number; column: number; excerpt?: string; excerptColumn?: number } {
  if (!source || target.whole) return { line: 0, column: 0 };
  return positionAt(source, offsetOf(source, { target }) ?? 0);
}

/** Excerpts longer than this are cut to a window around the column. */
export const MAX_EXCERPT = 240;

/** Line, column and the line's text at an offset: where a finding placed by offset points. A
 * long line is quoted only around the column, with an ellipsis where it was cut, and
 * excerptColumn says where the column falls in the excerpt. */
export function positionAt(source: SourceFile, offset: number): { line: number; column: number; excerpt: string; excerptColumn?: number } {
  const { line, col } = source.lines.linePos(offset);
  const start = source.lines.lineStarts[line - 1] ?? 0;
  const next = source.lines.lineStarts[line];
  const end = next === undefined ? source.text.length : next - 1;
  if (end - start <= MAX_EXCERPT) return { line, column: col, excerpt: source.text.slice(start, end).replace(/\r$/, '') };
  const from = Math.max(start, Math.min(start + col - 1 - MAX_EXCERPT / 2, end - MAX_EXCERPT));
  const to = Math.min(end, from + MAX_EXCERPT);
  const before = from > start ? '…' : '';
  const excerpt = `${before}${source.text.slice(from, to).replace(/\r$/, '')}${to < end ? '…' : ''}`;
  return { line, column: col, excerpt, excerptColumn: start + col - from + before.length };
}
