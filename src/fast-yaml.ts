// A fast parser for the part of YAML that folio's own files use: specs and portfolios.
// Parsing them with the yaml library (a full syntax tree, then toPlain in source.ts) was most of
// the time of `folio check` on a large centre. This parser goes from the text straight to the
// plain data toPlain would give, and declines (returns undefined) on anything it is not certain
// of, so that the caller falls back to the yaml library: an anchor, a tag, a multi-line flow
// collection or scalar, a directive, a second document, a tab, a duplicate key, text the yaml
// library would report as an error. It never reports errors or positions itself.
//
// The parser works line by line on the text: `pos` is always the start of a line between block
// constructs, and each block collection knows its column. Scalars are taken as slices of the
// text, never built a character at a time.
import { FastParser, DECLINE, type Place } from './fast-yaml/parser.js';
import { marksByLine, spanOf, type MarkedSpan } from './fast-yaml/spans.js';

/** Characters the parser never accepts: tabs (YAML treats them specially in indentation and
 * separation), other C0 and C1 controls, DEL, a byte-order mark after the start, and the Unicode
 * line and paragraph separators. The yaml library accepts some of them, but folio's files have
 * none, so there is nothing to gain by proving how each one behaves. */
const UNSUPPORTED = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\u2028\u2029]/;

/** The document's data as plain strings, nulls, arrays and objects, exactly as toPlain(parseDocument(text, failsafe)) gives it; undefined when this parser cannot be sure (the caller then uses the yaml library). */
export function readFast(text: string): { value: unknown } | undefined {
  return read(text);
}

/** Where data paths point, from the fast parser, for a file it reads: a finding is placed
 * without the yaml library's syntax tree, which costs many times the text in memory and time. */
export interface FastPlaces {
  /** The offset walk of source.ts gives for a path (the key with wantKey, the deepest
   * collection for a path that leaves the data); undefined where this parser cannot say. */
  offset(path: (string | number)[], wantKey: boolean): number | undefined;
  /** recordAt's answer for the node at path (../source.ts), lines numbered by lineOf;
   * undefined where the path does not reach its end or only the syntax tree can say. */
  span(path: (string | number)[], lineOf: (offset: number) => number): MarkedSpan | undefined;
}

export function placesFast(text: string): FastPlaces | undefined {
  const places = new WeakMap<object, Place>();
  const marks: number[] = [];
  const got = read(text, places, marks);
  if (!got) return undefined;
  // offsets are of the text the parser saw: without a leading byte-order mark, CRLF as LF
  if (text.charCodeAt(0) === 0xfeff || text.includes('\r')) return undefined;
  const root = got.value;
  let byLine: Map<number, number[]> | undefined;
  return {
    span(path, lineOf) {
      return spanOf(root, got.rootAt, places, marks, path, lineOf, () => (byLine ??= marksByLine(marks, lineOf)));
    },
    offset(path, wantKey) {
      let node: unknown = root;
      let at = got.rootAt;
      for (let i = 0; i < path.length; i++) {
        const step = path[i]!;
        const place = node !== null && typeof node === 'object' ? places.get(node) : undefined;
        if (!place) return at; // a scalar: the deepest node the path reaches
        if (place.keys) {
          const entry = place.keys.get(String(step));
          if (!entry) return place.start;
          if (i === path.length - 1 && wantKey) return entry[0];
          node = (node as Record<string, unknown>)[String(step)];
          at = entry[1];
        } else {
          if (typeof step !== 'number' || step >= place.items!.length) return place.start;
          node = (node as unknown[])[step];
          at = place.items![step]!;
        }
      }
      return at;
    },
  };
}

function read(text: string, places?: WeakMap<object, Place>, marks?: number[]): { value: unknown; rootAt: number } | undefined {
  try {
    // The yaml library drops a byte-order mark that opens the stream.
    let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (UNSUPPORTED.test(s)) return undefined;
    if (s.includes('\r')) {
      // CRLF line ends read as LF everywhere this parser goes; a lone CR does not.
      if (/\r(?!\n)/.test(s)) return undefined;
      s = s.replace(/\r\n/g, '\n');
    }
    const parser = new FastParser(s, places, marks);
    const value = parser.document();
    return { value, rootAt: parser.rootAt };
  } catch (e) {
    // DECLINE is the normal way out; anything else (a stack overflow, say) is declined too,
    // because the contract is to never throw.
    if (e === DECLINE) return undefined;
    return undefined;
  }
}
