// Reading YAML as the author wrote it, and resolving data paths to line and column.
// Every scalar is kept as text (failsafe schema): "1.10" stays "1.10", "2026-03-04" stays a
// string, "NO" is not a boolean. The schema stage converts numbers and dates itself.
import {
  Alias,
  Document,
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import type { Diagnostic, Finding } from './diagnostics.js';
import { readFast } from './fast-yaml.js';
import { severityOf } from './diagnostics.js';

export interface SourceFile {
  file: string; // repository-relative, with '/'
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * A source whose syntax tree is built again only when a finding in it needs a position. A
 * parsed Document is many times the size of its text, and most files have no findings, so
 * the loader keeps none of them (a centre of thousands of learners would not fit in memory).
 */
export function lazySource(file: string, read: () => string): SourceFile {
  let parsed: { text: string; doc: Document.Parsed; lines: LineCounter } | undefined;
  const get = () => {
    if (!parsed) {
      const text = read();
      const lines = new LineCounter();
      parsed = { text, doc: parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
    }
    return parsed;
  };
  return {
    file,
    get text() {
      return get().text;
    },
    get doc() {
      return get().doc;
    },
    get lines() {
      return get().lines;
    },
  };
}

export interface Parsed {
  /** The data as plain objects and strings; undefined when the file could not be parsed. */
  value: unknown;
  findings: Finding[];
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A file's data. Most files are in the subset of YAML that fast-yaml.ts reads directly (it
 * declines anything else, errors included); the rest, and every position a finding needs,
 * come from the yaml library. */
export function parseYaml(file: string, text: string): Parsed {
  const fast = readFast(text);
  if (fast) return { value: fast.value, findings: [] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const findings: Finding[] = [];
  let fatal = false;
  const syntaxLines = new Set<number>();
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY') {
      const key = text.slice(e.pos[0]).split(/[:\n]/)[0]?.trim() ?? '';
      findings.push({
        code: 'duplicate-key',
        target: { file, offset: e.pos[0] },
        message: `duplicate key "${key}": a key may appear once in a mapping; merge the two entries or rename one`,
      });
      continue;
    }
    fatal = true;
    // One syntax problem often yields several parser errors on a line; report the first.
    const offset = syntaxOffset(text, e.code, e.message, e.pos[0]);
    const line = lines.linePos(offset).line;
    if (syntaxLines.has(line)) continue;
    syntaxLines.add(line);
    findings.push({
      code: 'yaml-syntax',
      target: { file, offset },
      message: `YAML syntax: ${firstLine(e.message)}; fix the syntax (indentation, quotes, brackets) at this point`,
    });
  }
  const value = fatal ? undefined : toPlain(doc.contents, doc);
  return { value, findings };
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

// Convert the AST to plain data ourselves rather than doc.toJS(): plain empty scalars and the
// YAML null words become null (an absent optional value), everything else stays text.
export function toPlain(node: unknown, doc: Document.Parsed, depth = 0): unknown {
  if (node == null) return null;
  if (depth > 200) return null;
  if (isAlias(node)) return toPlain((node as Alias).resolve(doc), doc, depth + 1);
  if (isScalar(node)) {
    const v = node.value;
    if (node.type === 'PLAIN' && typeof v === 'string' && NULLS.has(v)) return null;
    return v == null ? null : String(v);
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value ?? '') : String(pair.key);
      Object.defineProperty(out, k, { value: toPlain(pair.value, doc, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item, doc, depth + 1));
  return null;
}

/** The node at a data path (its key when wantKey), or the deepest node the path reaches: a
 * missing field is reported at the mapping or item that should hold it. */
function walk(doc: Document.Parsed, path: (string | number)[], wantKey: boolean): YamlNode | null {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isAlias(node)) node = (node as Alias).resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return node as YamlNode;
      if (i === path.length - 1 && wantKey) return pair.key as YamlNode;
      // An absent value (`key:` with nothing) has no node; the key stands for it.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item == null) return node as YamlNode;
      node = item;
    } else {
      return (node ?? null) as YamlNode | null;
    }
  }
  return (node ?? null) as YamlNode | null;
}

/** The offset a finding points at: the node itself, or for a missing child the parent's start. */
export function offsetOf(source: SourceFile, f: Finding): number | null {
  if (f.target.offset !== undefined) return f.target.offset;
  const path = f.target.path ?? [];
  if (path.length === 0) return null;
  const range = walk(source.doc, path, f.target.key === true)?.range;
  return range ? range[0] : null;
}

export function resolve(source: SourceFile | undefined, f: Finding): Diagnostic {
  const base = { code: f.code, severity: f.severity ?? severityOf(f.code), message: f.message, file: f.target.file };
  if (!source) return { ...base, line: 0, column: 0 };
  const offset = offsetOf(source, f);
  if (offset === null) return { ...base, line: 1, column: 1, excerpt: lineText(source, 1) };
  const { line, col } = source.lines.linePos(offset);
  return { ...base, line, column: col, excerpt: lineText(source, line) };
}

function lineText(source: SourceFile, line: number): string {
  const start = source.lines.lineStarts[line - 1] ?? 0;
  const next = source.lines.lineStarts[line];
  return source.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
}
