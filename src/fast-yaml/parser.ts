// The fast parser (see ../fast-yaml.ts): block structure and plain scalars, handing flow
// collections to flow.ts and quoted and block scalars to scalars.ts. Named FastParser, not
// Reader: a Reader is where a centre's files come from (../load/reader.ts).
import { COLON, DASH, DOT, DQUOTE, HASH, LBRACE, LBRACKET, LF, PIPE, GT, SPACE, SQUOTE, decline, isBlank, isNullWord } from './chars.js';
import { addKey, canStartPlain, closeMarks, flow, KEY, mark, MAX_DEPTH, MAX_KEY, SCALAR, type Cursor, type Place } from './flow.js';
import { blockScalar, doubleQuoted, singleQuoted } from './scalars.js';

export { DECLINE } from './chars.js';
export type { Place } from './flow.js';

/** `base` for a node that may not be a block scalar (at the root, or alone on its line). */
const NO_BLOCK_SCALAR = -2;

export class FastParser implements Cursor {
  private readonly n: number;
  /** Between block constructs, the start of a line (or n). */
  private pos = 0;
  /** Where the last scalar or flow collection ended. */
  end = 0;
  /** The key found by isKey. */
  private key = '';
  /** Where the key found by isKey starts. */
  private keyAt = 0;
  /** Where the root node starts. */
  rootAt = 0;

  /** With places, where each collection, key and value starts is recorded for positions;
   * with marks too, where every scalar and flow collection starts and ends (./spans.ts). */
  constructor(
    readonly s: string,
    readonly places?: WeakMap<object, Place>,
    readonly marks?: number[],
  ) {
    this.n = s.length;
  }

  document(): unknown {
    const indent = this.nextLine();
    if (indent < 0) return null; // an empty document
    this.rootAt = this.pos + indent;
    const value = this.node(this.pos + indent, indent, NO_BLOCK_SCALAR, 0);
    if (this.nextLine() >= 0) decline(); // text after the root node
    return value;
  }

  /** Moves pos past blank and comment lines; the indentation of the line there, -1 at the end. */
  private nextLine(): number {
    const s = this.s;
    const n = this.n;
    let p = this.pos;
    while (p < n) {
      let q = p;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (c === LF) {
        p = q + 1;
        continue;
      }
      if (q >= n) break;
      if (c === HASH) {
        const e = s.indexOf('\n', q);
        p = e < 0 ? n : e + 1;
        continue;
      }
      this.pos = p;
      // `---` and `...` in the first column start or end a document (or, rarely, are plain
      // text). A `%` directive is declined as a plain scalar may not start with `%`.
      if (q === p && (c === DASH || c === DOT) && s.charCodeAt(p + 1) === c && s.charCodeAt(p + 2) === c) decline();
      return q - p;
    }
    this.pos = n;
    return -1;
  }

  /** The node whose first character is at p, in column col: a block sequence or mapping, or a
   * scalar or flow collection that ends on this line. */
  private node(p: number, col: number, base: number, depth: number): unknown {
    if (depth > MAX_DEPTH) decline();
    const s = this.s;
    if (s.charCodeAt(p) === DASH && isBlank(s.charCodeAt(p + 1))) return this.sequence(p, col, depth);
    if (this.isKey(p)) return this.mapping(col, depth);
    return this.inline(p, base, depth);
  }

  /** A block mapping in column col; its first key was just read by isKey. */
  private mapping(col: number, depth: number): Record<string, unknown> {
    const s = this.s;
    const out: Record<string, unknown> = {};
    const place = this.places && { start: this.keyAt, keys: new Map<string, [number, number]>() };
    if (place) this.places!.set(out, place);
    // its first key, marked by isKey, is its first mark
    if (place && this.marks) (place as Place).from = this.marks.length / 3 - 1;
    for (;;) {
      const key = this.key;
      const keyAt = this.keyAt;
      let p = this.end; // after the `:`
      while (s.charCodeAt(p) === SPACE) p++;
      const c = s.charCodeAt(p);
      let value: unknown = null;
      let valueAt = p; // an absent value is an empty node here, after the colon and spaces
      if (c === LF || c === HASH || c !== c) {
        // The value, if any, is on the lines below: more indented, or a sequence in this column.
        this.toNextLine(p);
        const indent = this.nextLine();
        const at = this.pos + indent;
        if (indent > col) value = this.node((valueAt = at), indent, NO_BLOCK_SCALAR, depth + 1);
        else if (indent === col && s.charCodeAt(at) === DASH && isBlank(s.charCodeAt(at + 1))) value = this.sequence((valueAt = at), col, depth + 1);
        else mark(this, valueAt, valueAt, SCALAR); // an empty value is a node where it would start
      } else {
        value = this.inline(p, col, depth + 1);
      }
      addKey(out, key, value);
      place?.keys.set(key, [keyAt, valueAt]);
      const indent = this.nextLine();
      if (indent !== col) {
        if (indent > col) decline(); // a continuation line, or bad indentation
        closeMarks(this, place);
        return out;
      }
      if (!this.isKey(this.pos + col)) decline();
    }
  }

  /** A block sequence in column col, whose first `-` is at p. */
  private sequence(p: number, col: number, depth: number): unknown[] {
    const s = this.s;
    const out: unknown[] = [];
    const place = this.places && { start: p, items: [] as number[] };
    if (place) this.places!.set(out, place);
    if (place && this.marks) (place as Place).from = this.marks.length / 3;
    for (;;) {
      let q = p + 1;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (c === LF || c === HASH || c !== c) {
        this.toNextLine(q);
        const indent = this.nextLine();
        place?.items.push(indent > col ? this.pos + indent : q);
        if (indent <= col) mark(this, q, q, SCALAR); // an empty item
        out.push(indent > col ? this.node(this.pos + indent, indent, NO_BLOCK_SCALAR, depth + 1) : null);
      } else {
        // A compact item (`- key: value`, `- - x`) or a scalar on the dash's line.
        place?.items.push(q);
        out.push(this.node(q, col + q - p, col, depth + 1));
      }
      const indent = this.nextLine();
      if (indent !== col) {
        if (indent > col) decline();
        closeMarks(this, place);
        return out;
      }
      p = this.pos + col;
      // Anything else in this column belongs to the mapping that holds this sequence.
      if (s.charCodeAt(p) !== DASH || !isBlank(s.charCodeAt(p + 1))) {
        closeMarks(this, place);
        return out;
      }
    }
  }

  /** Whether an implicit key (`key:` then a space or the end of the line) starts at p. Sets
   * this.key, and this.end after the colon. */
  private isKey(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    let i: number;
    let keyEnd: number;
    if (c === DQUOTE || c === SQUOTE) {
      this.key = c === DQUOTE ? doubleQuoted(s, p, this) : singleQuoted(s, p, this);
      i = keyEnd = this.end;
      while (s.charCodeAt(i) === SPACE) i++;
      if (s.charCodeAt(i) !== COLON || !isBlank(s.charCodeAt(i + 1))) return false;
    } else {
      if (!canStartPlain(c, s.charCodeAt(p + 1))) return false;
      for (i = p + 1; ; i++) {
        const d = s.charCodeAt(i);
        if (d === COLON && isBlank(s.charCodeAt(i + 1))) break;
        if (d === LF || d !== d || (d === HASH && s.charCodeAt(i - 1) === SPACE)) return false;
      }
      let e = i;
      while (s.charCodeAt(e - 1) === SPACE) e--;
      this.key = s.slice(p, e);
      keyEnd = e;
    }
    if (i - p > MAX_KEY) decline();
    this.end = i + 1;
    this.keyAt = p;
    mark(this, p, keyEnd, KEY);
    return true;
  }

  /** A value that starts at p and ends on its line (a block scalar: on a later line); pos is
   * left at the next line. base is the column of the collection holding it. */
  private inline(p: number, base: number, depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(p);
    let value: unknown;
    if (c === PIPE || c === GT) {
      if (base === NO_BLOCK_SCALAR) decline();
      value = blockScalar(s, p, base, this);
      this.pos = this.end;
      if (this.marks) mark(this, p, contentEnd(s, p, this.end), SCALAR);
      return value;
    }
    if (c === LBRACKET || c === LBRACE) value = flow(this, p, depth);
    else {
      if (c === DQUOTE) value = doubleQuoted(s, p, this);
      else if (c === SQUOTE) value = singleQuoted(s, p, this);
      else value = this.plain(p);
      mark(this, p, this.end, SCALAR);
    }
    this.toNextLine(this.end);
    return value;
  }

  /** A plain scalar in block context, which ends at the end of the line or a comment. */
  private plain(p: number): string | null {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (!canStartPlain(c, s.charCodeAt(p + 1))) decline(); // anchors, tags, aliases, `- `, `? `…
    let i = p + 1;
    let e = i; // after the last non-space character
    for (;;) {
      const d = s.charCodeAt(i);
      if (d === LF || d !== d) break;
      if (d === SPACE) {
        if (s.charCodeAt(i + 1) === HASH) break;
      } else {
        if (d === COLON && isBlank(s.charCodeAt(i + 1))) decline(); // `a: b: c` is an error
        e = i + 1;
      }
      i++;
    }
    this.end = e;
    const text = s.slice(p, e);
    return isNullWord(text) ? null : text;
  }

  /** After a value at i: spaces, perhaps a comment, then the line ends; pos goes to the next line. */
  private toNextLine(i: number): void {
    const s = this.s;
    const from = i;
    while (s.charCodeAt(i) === SPACE) i++;
    let c = s.charCodeAt(i);
    if (c === HASH && (i > from || s.charCodeAt(i - 1) === SPACE)) {
      i = s.indexOf('\n', i);
      if (i < 0) i = this.n;
      c = s.charCodeAt(i);
    }
    if (c === LF) this.pos = i + 1;
    else if (i >= this.n) this.pos = this.n;
    else decline();
  }
}


/** Where the yaml library ends a block scalar whose header is at p and which the parser left
 * at end (the start of the line after it): after its last line that is not blank, unless it
 * keeps its final line breaks. */
function contentEnd(s: string, p: number, end: number): number {
  const header = s.indexOf('\n', p) + 1;
  // keep chomping (`|+`) keeps the blank lines after it, and they are its lines
  if (header === 0 || /^[|>][0-9-]*\+/.test(s.slice(p, p + 4))) return end;
  let e = end;
  while (e > header) {
    const from = s.lastIndexOf('\n', e - 2) + 1;
    const to = s.charCodeAt(e - 1) === LF ? e - 1 : e;
    let i = from;
    while (i < to && s.charCodeAt(i) === SPACE) i++;
    if (i < to || from < header) break;
    e = from;
  }
  if (e > header || end > header) return e;
  // one with no text at all runs over the blank lines after it
  for (;;) {
    let i = e;
    while (s.charCodeAt(i) === SPACE) i++;
    if (s.charCodeAt(i) !== LF) return e;
    e = i + 1;
  }
}
