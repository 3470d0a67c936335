// The yaml library with bounds on what one file can make it do. Left to itself it overflows the
// stack on a file nested a thousand levels deep, spends time quadratic in the keys of one mapping
// checking them for duplicates, and (through aliases) lets a few hundred bytes stand for
// billions of values. Here the nesting is measured while the library's parser runs and the
// document is composed only when it is within the limit; duplicate keys are found with one set
// per mapping; and turning the tree into plain data stops at a budget of values made by aliases
// and at the same nesting limit, aliases included. Each limit is reported where it was crossed.
import { sparseKeys } from './fast-yaml/flow.js';
import { Composer, Document, Lexer, LineCounter, Parser, YAMLParseError, isAlias, isMap, isScalar, isSeq, type Alias, type CST } from 'yaml';

/** Collections nested deeper than this are refused: folio's files need six levels at most. */
export const MAX_NESTING = 64;
/** Values that aliases may stand for in one file, counted each time an alias is expanded. */
export const MAX_ALIAS_VALUES = 100_000;

const OPTIONS = { schema: 'failsafe', prettyErrors: false, uniqueKeys: false } as const;

/** Lines are counted on the text itself, not by the parser: after a syntax error the parser
 * can swallow line ends, and every later position would drift. */
export function lineCounterOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

export interface BoundedDoc {
  /** The document; an empty one when the text was too deeply nested to compose. */
  doc: Document.Parsed;
  /** Where nesting first went past MAX_NESTING, when it did. */
  tooDeep?: number;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

export function parseBounded(text: string): BoundedDoc {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let tooDeep: number | undefined;
  for (const lexeme of new Lexer().lex(text, false)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document, the open collections and at most a few scalars:
    // it is only counted when it could be too deep.
    if (parser.stack.length > MAX_NESTING && parser.stack.filter((t) => COLLECTIONS.has(t.type)).length > MAX_NESTING) {
      tooDeep = parser.offset;
      break;
    }
  }
  if (tooDeep !== undefined) return { doc: new Composer(OPTIONS).compose([], true, 0).next().value as Document.Parsed, tooDeep };
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  const composer = new Composer(OPTIONS);
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      // as parseDocument does: a second document is an error of the first
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return { doc: doc! };
}

export type PlainProblem =
  | { kind: 'too-deep'; offset: number }
  | { kind: 'alias-expansion'; offset: number }
  | { kind: 'duplicate-key'; offset: number; key: string };

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

class Stop {}

/**
 * The tree as plain data, as folio reads it: plain empty scalars and the YAML null words become
 * null (an absent optional value), everything else stays text. Problems are collected; on the
 * first limit crossed the conversion stops and value is undefined.
 */
export function toPlainBounded(node: unknown, doc: Document.Parsed): { value: unknown; problems: PlainProblem[] } {
  const problems: PlainProblem[] = [];
  let aliased = 0;
  // inAlias: the outermost alias being expanded, where a limit crossed inside it is reported
  const convert = (n: unknown, depth: number, inAlias: unknown): unknown => {
    if (n == null) return null;
    if (inAlias && ++aliased > MAX_ALIAS_VALUES) {
      problems.push({ kind: 'alias-expansion', offset: offsetOfNode(inAlias) });
      throw new Stop();
    }
    if (isAlias(n)) {
      const target = (n as Alias).resolve(doc);
      if (target && !isScalar(target) && depth >= MAX_NESTING) {
        problems.push({ kind: 'too-deep', offset: offsetOfNode(n) });
        throw new Stop();
      }
      return convert(target, depth, inAlias ?? n);
    }
    if (isScalar(n)) {
      const v = n.value;
      if (n.type === 'PLAIN' && typeof v === 'string' && NULLS.has(v)) return null;
      return v == null ? null : String(v);
    }
    if (!isMap(n) && !isSeq(n)) return null;
    if (depth >= MAX_NESTING) {
      problems.push({ kind: 'too-deep', offset: offsetOfNode(n) });
      throw new Stop();
    }
    if (isSeq(n)) return n.items.map((item) => convert(item, depth + 1, inAlias));
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      const k = keyText(pair.key, doc);
      const value = convert(pair.value, depth + 1, inAlias);
      if (Object.hasOwn(out, k)) problems.push({ kind: 'duplicate-key', offset: offsetOfNode(pair.key), key: k });
      else if (k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57) sparseKeys(out);
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  try {
    return { value: convert(node, 0, undefined), problems };
  } catch (e) {
    if (e instanceof Stop) return { value: undefined, problems };
    throw e;
  }
}

/** A key as text: a scalar's value, the value of the scalar an alias names. */
export function keyText(key: unknown, doc: Document.Parsed): string {
  const k = isAlias(key) ? (key as Alias).resolve(doc) ?? key : key;
  return isScalar(k) ? String(k.value ?? '') : String(k);
}

function offsetOfNode(n: unknown): number {
  const range = (n as { range?: number[] } | null)?.range;
  return range?.[0] ?? 0;
}

/** No value a centre writes comes near this (the longest unit guidance is under a thousand
 * characters); a longer one would be copied into every report that shows it. */
export const MAX_VALUE = 10_000;

/** Keys and values in one file. A large real portfolio (a thousand evidence items) holds about
 * 20,000; each value can bring several findings, and 150,000 broken items in one file took
 * gigabytes to report. */
export const MAX_VALUES = 50_000;

export type Oversize = { kind: 'value-too-long'; path: (string | number)[]; key: boolean; length: number } | { kind: 'too-many-values'; path: (string | number)[] };

/** The first key or text longer than MAX_VALUE, or the value past MAX_VALUES, walked without
 * recursion, in document order. */
export function oversized(value: unknown): Oversize | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  let count = 0;
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (++count > MAX_VALUES) return { kind: 'too-many-values', path };
    if (typeof v === 'string') {
      if (v.length > MAX_VALUE) return { kind: 'value-too-long', path, key: false, length: v.length };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (k.length > MAX_VALUE) return { kind: 'value-too-long', path: [...path, k], key: true, length: k.length };
        stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
      }
    }
  }
  return undefined;
}
