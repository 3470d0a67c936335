// Quoted and block scalars for the fast parser (see ../fast-yaml.ts). Each function starts at
// the scalar's indicator, returns its text, and leaves in `at.end` where the scalar stopped.
import { BACKSLASH, DASH, DQUOTE, GT, HASH, LF, SPACE, SQUOTE, decline } from './chars.js';

export interface End {
  end: number;
}

/** A single-quoted scalar closed on its own line. One that runs onto the next line is declined:
 * its line folding is a rule this parser does not need. */
export function singleQuoted(s: string, p: number, at: End): string {
  let lineEnd = s.indexOf('\n', p);
  if (lineEnd < 0) lineEnd = s.length;
  let text = '';
  let i = p + 1;
  for (;;) {
    const q = s.indexOf("'", i);
    if (q < 0 || q > lineEnd) decline();
    if (s.charCodeAt(q + 1) !== SQUOTE) {
      at.end = q + 1;
      return text + s.slice(i, q);
    }
    text += s.slice(i, q + 1); // '' is one quote
    i = q + 2;
  }
}

// The one-character escapes of a double-quoted scalar, indexed by the character after `\`.
const ESCAPES: (string | undefined)[] = [];
for (const [c, v] of Object.entries({
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
})) {
  ESCAPES[c.charCodeAt(0)] = v;
}
const HEX_WIDTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar closed on its own line. An invalid escape is an error in the yaml
 * library, and a `\` at the end of the line continues the scalar: both are declined. */
export function doubleQuoted(s: string, p: number, at: End): string {
  let text = '';
  let i = p + 1;
  let from = i;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === DQUOTE) {
      at.end = i + 1;
      return text + s.slice(from, i);
    }
    if (c === LF || c !== c) decline();
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    text += s.slice(from, i);
    const e = s.charCodeAt(i + 1);
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      text += simple;
      i += 2;
    } else {
      const width = HEX_WIDTH[s.charAt(i + 1)] ?? decline();
      let code = 0;
      for (let k = i + 2; k < i + 2 + width; k++) {
        const d = hexDigit(s.charCodeAt(k));
        if (d < 0) decline();
        code = code * 16 + d;
      }
      if (code > 0x10ffff) decline(); // an error in the yaml library
      text += String.fromCodePoint(code); // a lone surrogate from \uD800 is kept, as yaml does
      i += 2 + width;
    }
    from = i;
  }
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * A literal (`|`) or folded (`>`) block scalar whose header starts at p. `base` is the column of
 * the collection holding it: content lines must be indented further, and an explicit indentation
 * indicator counts from it (this is what the yaml library does in compact `- key: |2` items too).
 * `at.end` is left at the start of the line that ends the scalar.
 */
export function blockScalar(s: string, p: number, base: number, at: End): string {
  const n = s.length;
  const folded = s.charCodeAt(p) === GT;
  let i = p + 1;
  let chomp = 0; // -1 strip, 0 clip, 1 keep
  let chompSeen = false;
  let explicit = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if (!chompSeen && (c === DASH || c === 43)) {
      chomp = c === DASH ? -1 : 1;
      chompSeen = true;
    } else if (explicit === 0 && c >= 49 && c <= 57) {
      explicit = c - 48;
    } else break;
    i++;
  }
  // The rest of the header line: nothing, or a comment after a space.
  if (s.charCodeAt(i) === SPACE) {
    while (s.charCodeAt(i) === SPACE) i++;
    if (s.charCodeAt(i) === HASH) i = lineEnd(s, i);
  }
  if (i < n && s.charCodeAt(i) !== LF) decline();
  const first = i + 1;
  if (first >= n) {
    at.end = n;
    return '';
  }

  let indent = base + explicit;
  if (explicit === 0) {
    // The first line with text sets the indentation; blank lines before it may not be longer.
    let longestBlank = 0;
    indent = -1;
    for (let q = first; q < n; ) {
      let r = q;
      while (s.charCodeAt(r) === SPACE) r++;
      if (r < n && s.charCodeAt(r) !== LF) {
        indent = r - q;
        break;
      }
      if (r - q > longestBlank) longestBlank = r - q;
      q = r + 1;
    }
    if (indent <= base) {
      // No content at all; keep chomping would count the blank lines: leave that to yaml.
      if (chomp === 1) decline();
      at.end = first;
      return '';
    }
    if (longestBlank > indent) decline(); // an error in the yaml library
  }

  let text = '';
  let any = false;
  let prevSpaced = false; // folded: the previous line was more indented, so breaks around it stay
  let blanks = 0; // blank lines since the last content line
  let q = first;
  while (q < n) {
    const limit = q + indent;
    let r = q;
    while (r < limit && s.charCodeAt(r) === SPACE) r++;
    const end = lineEnd(s, r);
    if (r < limit && r < end) break; // less indented text ends the scalar
    if (r === end) {
      // A blank line. A last one without a line feed adds no break in the yaml library.
      if (end === n && chomp === 1) decline();
      blanks++;
      q = end + 1;
      continue;
    }
    const spaced = s.charCodeAt(limit) === SPACE;
    // A line of spaces longer than the indentation is text, except that the yaml library drops
    // such lines at the end when they are no longer than the first line's indentation, which an
    // explicit indicator lets differ: leave those to it.
    if (spaced && explicit !== 0 && isSpaces(s, limit, end)) decline();
    const line = s.slice(limit, end);
    if (!any) text = '\n'.repeat(blanks);
    else if (!folded || prevSpaced || spaced) text += '\n'.repeat(blanks + 1);
    else text += blanks === 0 ? ' ' : '\n'.repeat(blanks);
    text += line;
    any = true;
    prevSpaced = spaced;
    blanks = 0;
    q = end + 1;
  }
  at.end = q < n ? q : n;
  if (!any) {
    if (chomp === 1) decline();
    return '';
  }
  if (chomp === -1) return text;
  if (chomp === 0) return text + '\n';
  return text + '\n'.repeat(blanks + 1);
}

function lineEnd(s: string, i: number): number {
  const e = s.indexOf('\n', i);
  return e < 0 ? s.length : e;
}

function isSpaces(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) !== SPACE) return false;
  return true;
}
