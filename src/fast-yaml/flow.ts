// Flow collections (`[a, b]`, `{k: v}` closed on their line) for the fast parser (see
// ../fast-yaml.ts), and what they share with the block structure of parser.ts: where each
// collection and key starts, the limits on nesting and keys, and adding a key as toPlain does.
// Apart from parser.ts so that neither file outgrows a reading.
import { COLON, COMMA, DASH, DQUOTE, HASH, LBRACE, LBRACKET, LF, QUESTION, RBRACE, RBRACKET, SPACE, SQUOTE, decline, isBlank, isFlowIndicator, isIndicator, isNullWord } from './chars.js';
import { doubleQuoted, singleQuoted, type End } from './scalars.js';

/** Where a collection starts, and its keys and values (mappings) or items (sequences). */
export interface Place {
  start: number;
  keys?: Map<string, [key: number, value: number]>;
  items?: number[];
  /** With marks: the collection's marks are marks[3 * from] up to marks[3 * to]. */
  from?: number;
  to?: number;
}

/** What a mark is: a value scalar, a key, or a flow collection's brackets (see ./spans.ts). */
export const SCALAR = 0;
export const KEY = 1;
export const BRACKETS = 2;

/** The parser as a flow collection sees it: the text, where the last value ended (End), and
 * where places are recorded when positions are wanted. */
export interface Cursor extends End {
  readonly s: string;
  readonly places?: WeakMap<object, Place>;
  /** With places, every scalar and flow collection as start, end, kind (./spans.ts). */
  readonly marks?: number[];
}

/** Records a mark (when marks are wanted); its index. */
export function mark(at: Cursor, start: number, end: number, kind: number): number {
  const m = at.marks;
  if (!m) return -1;
  m.push(start, end, kind);
  return m.length / 3 - 1;
}

/** Sets where a collection's marks end (it began at place.from). */
export function closeMarks(at: Cursor, place: Place | undefined): void {
  if (place && at.marks) place.to = at.marks.length / 3;
}

/** Deeper nesting is declined, well below MAX_NESTING of ../yaml-bounds.ts: the yaml library
 * then reports a file nested too deep, and recursion here never comes near overflowing. */
export const MAX_DEPTH = 48;
/** The yaml library rejects an implicit key longer than 1024 characters; stay well below. */
export const MAX_KEY = 1000;

/** A flow sequence or mapping that closes on the line it opens; at.end is left after it. */
export function flow(at: Cursor, p: number, depth: number): unknown[] | Record<string, unknown> {
  if (depth > MAX_DEPTH) decline();
  const s = at.s;
  let i = p + 1;
  if (s.charCodeAt(p) === LBRACKET) {
    const out: unknown[] = [];
    const place = at.places && { start: p, items: [] as number[] };
    if (place) at.places!.set(out, place);
    const own = mark(at, p, p, BRACKETS);
    if (place) (place as Place).from = own;
    for (;;) {
      i = skipSpaces(s, i);
      if (s.charCodeAt(i) === RBRACKET) break;
      place?.items.push(i);
      out.push(flowNode(at, i, depth, false));
      i = skipSpaces(s, at.end);
      const c = s.charCodeAt(i);
      if (c === COMMA) i++;
      else if (c === RBRACKET) break;
      else decline(); // `[a: b]` makes a pair, a line end continues the collection, …
    }
    at.end = i + 1;
    if (own >= 0) at.marks![3 * own + 1] = at.end;
    closeMarks(at, place);
    return out;
  }
  const out: Record<string, unknown> = {};
  const place = at.places && { start: p, keys: new Map<string, [number, number]>() };
  if (place) at.places!.set(out, place);
  const own = mark(at, p, p, BRACKETS);
  if (place) (place as Place).from = own;
  for (;;) {
    i = skipSpaces(s, i);
    let c = s.charCodeAt(i);
    if (c === RBRACE) break;
    const keyAt = i;
    let valueAt = i; // without a colon the key stands for its value
    const key = flowNode(at, i, depth, true) as string;
    if (at.end - i > MAX_KEY) decline();
    i = skipSpaces(s, at.end);
    c = s.charCodeAt(i);
    let value: unknown = null;
    if (c === COLON) {
      // A plain key stops only at a colon before a space or a flow indicator, so what
      // follows the colon here is the value, for plain and quoted keys alike.
      i = skipSpaces(s, i + 1);
      c = s.charCodeAt(i);
      valueAt = i;
      if (c !== COMMA && c !== RBRACE) {
        value = flowNode(at, i, depth, false);
        i = skipSpaces(s, at.end);
        c = s.charCodeAt(i);
      } else mark(at, i, i, SCALAR); // an empty value is a node where it would start
    }
    addKey(out, key, value);
    place?.keys.set(key, [keyAt, valueAt]);
    if (c === COMMA) i++;
    else if (c === RBRACE) break;
    else decline();
  }
  at.end = i + 1;
  if (own >= 0) at.marks![3 * own + 1] = at.end;
  closeMarks(at, place);
  return out;
}

/** A scalar or nested collection inside a flow collection, at p; as a key, its text. */
function flowNode(at: Cursor, p: number, depth: number, isKey: boolean): unknown {
  const s = at.s;
  const c = s.charCodeAt(p);
  if (c === LBRACKET || c === LBRACE) {
    if (isKey) decline();
    return flow(at, p, depth + 1);
  }
  if (c === DQUOTE || c === SQUOTE) {
    const text = c === DQUOTE ? doubleQuoted(s, p, at) : singleQuoted(s, p, at);
    mark(at, p, at.end, isKey ? KEY : SCALAR);
    return text;
  }
  const next = s.charCodeAt(p + 1);
  if (!canStartPlain(c, next) || ((c === DASH || c === QUESTION || c === COLON) && isFlowIndicator(next))) decline();
  let i = p + 1;
  let e = i;
  for (;;) {
    const d = s.charCodeAt(i);
    if (d === SPACE) {
      if (s.charCodeAt(i + 1) === HASH) decline(); // a comment: the collection goes on below
    } else {
      if (d === LF || d !== d) decline();
      if (isFlowIndicator(d)) break;
      if (d === COLON) {
        const after = s.charCodeAt(i + 1);
        if (isBlank(after) || isFlowIndicator(after)) break;
      }
      e = i + 1;
    }
    i++;
  }
  at.end = e;
  mark(at, p, e, isKey ? KEY : SCALAR);
  const text = s.slice(p, e);
  return !isKey && isNullWord(text) ? null : text;
}

/** Whether a plain scalar may start with c followed by next. */
export function canStartPlain(c: number, next: number): boolean {
  if (c === SPACE || c === LF || c !== c || isIndicator(c)) return false;
  if (c === DASH || c === QUESTION || c === COLON) return !isBlank(next);
  return true;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Adds a key as toPlain does (an own property even for `__proto__`); a repeated key is an
 * error in the yaml library, so it is declined. */
export function addKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(out, key)) decline();
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) sparseKeys(out);
    out[key] = value;
  }
}

/** Before a key that may be a number: V8 stores keys like "1000" as array elements, and gives
 * an object a dense store of that many slots (8 KB for `{1000: x}`). A key far out of range,
 * added and deleted, makes the store a dictionary instead, so a file of small mappings with
 * numeric keys cannot make memory grow a thousandfold. */
export function sparseKeys(out: object): void {
  const o = out as Record<number, unknown>;
  o[4294967294] = 0;
  delete o[4294967294];
}
