// The lines of a record, from the fast parser's marks, without the yaml library's syntax tree.
// verify finds the lines of every assessment, sign-off and IQA record of every portfolio;
// building a Document per portfolio for that was 40% of its time and most of its peak memory.
// What it computes is recordAt's answer (../source.ts) from a Document: every line holding a
// scalar of the record (a block scalar's lines to its last one that is not blank) or a flow
// bracket of it, and those of them that also hold a scalar of something else.
import { BRACKETS, KEY, type Place } from './flow.js';

/** A record as recordAt gives it, its lines not yet numbered. */
export interface MarkedSpan {
  offset: number;
  lines: number[];
  shared: number[];
  value: unknown;
}

/** The span of the node at path, exactly (undefined when the path does not reach its end, or
 * the node is one whose span only the syntax tree gives). lineOf gives an offset's line. */
export function spanOf(root: unknown, rootAt: number, places: WeakMap<object, Place>, marks: number[], path: (string | number)[], lineOf: (offset: number) => number, byLine: () => Map<number, number[]>): MarkedSpan | undefined {
  let node: unknown = root;
  let at = rootAt;
  let ownKey = -1; // the offset of the record's own key
  for (const step of path) {
    const place = node !== null && typeof node === 'object' ? places.get(node) : undefined;
    if (!place) return undefined;
    if (place.keys) {
      const entry = place.keys.get(String(step));
      if (!entry) return undefined;
      node = (node as Record<string, unknown>)[String(step)];
      [ownKey, at] = entry;
    } else {
      if (typeof step !== 'number' || step >= place.items!.length) return undefined;
      node = (node as unknown[])[step];
      at = place.items![step]!;
      ownKey = -1;
    }
  }
  let from: number;
  let to: number;
  const place = node !== null && typeof node === 'object' ? places.get(node) : undefined;
  if (place) {
    if (place.from === undefined || place.to === undefined) return undefined;
    [from, to] = [place.from, place.to];
  } else {
    from = scalarAt(marks, at);
    // a flow key with no colon stands for its value in the syntax tree: leave it to that
    if (from < 0 || marks[3 * from + 2] === KEY) return undefined;
    to = from + 1;
  }
  if (to <= from) return undefined;
  // A collection whose last value is empty (`covers:` at its end) ends, in the yaml library,
  // where that value would start or past a comment after it: leave it to the syntax tree.
  if (place && marks[3 * (to - 1)] === marks[3 * (to - 1) + 1] && marks[3 * (to - 1) + 2] !== BRACKETS) return undefined;
  // a block sequence starts at its first dash, a block mapping at its first key
  const start = place ? place.start : marks[3 * from]!;
  let end = start;
  const lines = new Set<number>();
  for (let m = from; m < to; m++) {
    const s = marks[3 * m]!;
    const e = marks[3 * m + 1]!;
    if (e > end) end = e;
    const last = lineOf(Math.max(s, e - 1));
    if (marks[3 * m + 2] === BRACKETS) {
      // a flow collection closes on the line it opens in the files this parser reads
      lines.add(lineOf(s));
      lines.add(last);
      continue;
    }
    for (let l = lineOf(s); l <= last; l++) lines.add(l);
  }
  // recordAt leaves out the record's key, or for a list item the item itself (a scalar)
  const ownMark = ownKey < 0 && !place ? from : -1;
  const index = byLine();
  const shared = [...lines].filter((l) =>
    (index.get(l) ?? []).some((m) => {
      if (marks[3 * m + 2] === BRACKETS || m === ownMark) return false;
      // a collection's range holds all of its scalars, an empty last one too
      if (place && m >= from && m < to) return false;
      const s = marks[3 * m]!;
      const e = marks[3 * m + 1]!;
      if (marks[3 * m + 2] === KEY && s === ownKey) return false;
      return e <= start || s >= end;
    }),
  );
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  return { offset: start, lines: sort([...lines]), shared: sort(shared), value: node };
}

/** Every scalar mark by the lines it is on. */
export function marksByLine(marks: number[], lineOf: (offset: number) => number): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let m = 0; m < marks.length / 3; m++) {
    if (marks[3 * m + 2] === BRACKETS) continue;
    const s = marks[3 * m]!;
    const last = lineOf(Math.max(s, marks[3 * m + 1]! - 1));
    for (let l = lineOf(s); l <= last; l++) {
      const on = index.get(l);
      if (on) on.push(m);
      else index.set(l, [m]);
    }
  }
  return index;
}

/** The mark of the scalar that starts at offset (marks start in text order). */
function scalarAt(marks: number[], offset: number): number {
  let lo = 0;
  let hi = marks.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[3 * mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let m = lo; m < marks.length / 3 && marks[3 * m] === offset; m++) if (marks[3 * m + 2] !== BRACKETS) return m;
  return -1;
}
