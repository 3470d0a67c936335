// Changing one node of a YAML file the user wrote, and nothing else. The yaml library's Document
// gives every node's place in the text; the change is a splice of new text at those places, so
// every byte outside the changed node (comments, blank lines, key order, quoting, flow or block
// style, alignment) stays as it was. Re-serialising the Document would re-indent and re-space the
// whole file. The new node copies the style of its neighbours (style.ts); the caller parses the
// result again and compares its data with what it meant to write (record/core.ts), so a splice
// that reads back differently is never written.
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { emitBlockItem, emitBlockPair, emitFlow, TWO, type Indents, type Plain, type Shape } from './emit.js';

/** Replace text[at, end) with text. */
export interface Splice {
  at: number;
  end: number;
  text: string;
}

export function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** Where a value sits, for splicing near it. */
class Lines {
  constructor(readonly text: string) {}
  start(off: number): number {
    return this.text.lastIndexOf('\n', off - 1) + 1;
  }
  /** The offset just after the line holding off (after its '\n', or the end of the text). */
  after(off: number): number {
    const i = this.text.indexOf('\n', off);
    return i < 0 ? this.text.length : i + 1;
  }
  column(off: number): number {
    return off - this.start(off);
  }
  line(off: number): string {
    const s = this.start(off);
    const e = this.text.indexOf('\n', s);
    return this.text.slice(s, e < 0 ? undefined : e);
  }
  blankBetween(from: number, to: number): boolean {
    return /\n[ \t]*\r?\n/.test(this.text.slice(from - 1, to));
  }
}

/** The offset just after the last character a node's content takes (a trailing comment of a
 * block collection is not content). */
function contentEnd(n: unknown): number {
  if (isMap(n) || isSeq(n)) {
    if (n.flow || n.items.length === 0) return n.range![1];
    const last = n.items[n.items.length - 1];
    if (isPair(last)) return last.value != null ? contentEnd(last.value) : contentEnd(last.key);
    return contentEnd(last);
  }
  const r = (n as YamlNode).range!;
  // a block scalar's range ends after its last line break
  return isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') ? r[1] - 1 : r[1];
}

/** The offset after the node's last line, and the comment lines under it indented deeper than
 * column (they belong to it). */
function afterNode(l: Lines, n: unknown, column: number): number {
  let at = l.after(Math.max(0, contentEnd(n) - 1));
  for (;;) {
    if (at >= l.text.length) return at;
    const line = l.line(at);
    const m = /^( *)#/.exec(line);
    if (!m || m[1]!.length <= column) return at;
    at = l.after(at);
  }
}

/** What appending to a list needs to know when the list is empty or missing. */
export interface ListStyle {
  /** Each item's shape when the list has none to copy. */
  item: Shape;
  /** The document's own indents (indentsOf), for what the item nests. */
  indents: Indents;
}

/** Append value to the list at key of map (the list may be missing, null or empty). */
export function appendItem(doc: Document.Parsed, text: string, map: YAMLMap<unknown, unknown>, key: string, value: Plain, style: ListStyle, order: readonly string[]): Splice {
  const l = new Lines(text);
  const pair = pairOf(map, key);
  const seq = pair?.value;
  if (isSeq(seq) && seq.items.length > 0) {
    const last = seq.items[seq.items.length - 1] as YamlNode;
    const shape = shapeOf(last, text, style.item);
    if (seq.flow) {
      let close = seq.range![1] - 1;
      while (close > 0 && text[close] !== ']') close--;
      let at = close;
      while (at > 0 && /\s/.test(text[at - 1]!)) at--;
      return { at, end: at, text: `, ${emitFlow(value, shape)}` };
    }
    const dash = text.lastIndexOf('-', last.range![0]);
    const dashCol = l.column(dash);
    const contentCol = l.column(last.range![0]);
    const prev = seq.items.length > 1 ? (seq.items[seq.items.length - 2] as YamlNode) : undefined;
    const blank = prev ? l.blankBetween(afterNode(l, prev, dashCol), l.start(dash)) : false;
    const at = afterNode(l, last, dashCol);
    const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return { at, end: at, text: `${lead}${blank ? '\n' : ''}${emitBlockItem(value, shape, dashCol, contentCol - dashCol, style.indents).join('\n')}\n` };
  }
  return setPair(doc, text, map, key, [value], order, { flow: false, item: style.item }, style.indents);
}

/** Set key of map to value: replace its value when it is there, else add the pair where the
 * format's key order puts it. */
export function setPair(doc: Document.Parsed, text: string, map: YAMLMap<unknown, unknown>, key: string, value: Plain, order: readonly string[], shape: Shape, indents: Indents = TWO): Splice {
  const l = new Lines(text);
  const pair = pairOf(map, key);
  const keep = pair?.value != null && !isScalar(pair.value) && !isEmptyFlow(pair.value) ? shapeOf(pair.value as YamlNode, text, shape) : shape;
  // A key the user wrote keeps its own spelling ("evidence": stays quoted).
  const written = pair ? text.slice((pair.key as YamlNode).range![0], (pair.key as YamlNode).range![1]) : undefined;
  if (map.flow) {
    if (pair) return { at: (pair.key as YamlNode).range![0], end: contentEnd(pair.value ?? pair.key), text: `${written}: ${emitFlow(value, keep)}` };
    const next = nextPair(map, key, order);
    if (next) return { at: (next.key as YamlNode).range![0], end: (next.key as YamlNode).range![0], text: `${key}: ${emitFlow(value, keep)}, ` };
    let close = map.range![1] - 1;
    while (close > 0 && text[close] !== '}') close--;
    let at = close;
    while (at > 0 && /\s/.test(text[at - 1]!)) at--;
    return { at, end: at, text: `${map.items.length ? ', ' : ' '}${key}: ${emitFlow(value, keep)}` };
  }
  const column = map.items.length ? l.column((map.items[0]!.key as YamlNode).range![0]) : 0;
  const lines = (indent: number) => emitBlockPair(key, value, keep, indent, indents);
  if (pair) {
    const start = (pair.key as YamlNode).range![0];
    const out = lines(column).join('\n').slice(column);
    const emitted = out.slice(0, out.indexOf(':'));
    return { at: start, end: contentEnd(pair.value ?? pair.key), text: `${written}${out.slice(emitted.length)}` };
  }
  const next = nextPair(map, key, order);
  if (next) {
    // comment lines right above a key are about that key: the new pair goes above them
    let at = l.start((next.key as YamlNode).range![0]);
    while (at > 0) {
      const above = l.start(at - 1);
      if (!/^ *#/.test(l.line(above)) || l.column(above + l.line(above).indexOf('#')) !== column) break;
      at = above;
    }
    const blank = column === 0 && at > 1 && text[at - 2] === '\n';
    return { at, end: at, text: `${lines(column).join('\n')}\n${blank ? '\n' : ''}` };
  }
  const last = map.items[map.items.length - 1];
  const at = last ? afterNode(l, last.value ?? last.key, column) : text.length;
  const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  const blank = column === 0 && last ? l.blankBetween(l.start((last.key as YamlNode).range![0]) - 1, l.start((last.key as YamlNode).range![0])) || precededByBlank(l, last) : false;
  return { at, end: at, text: `${lead}${blank ? '\n' : ''}${lines(column).join('\n')}\n` };
}

function precededByBlank(l: Lines, p: Pair<unknown, unknown>): boolean {
  const s = l.start((p.key as YamlNode).range![0]);
  return s >= 2 && l.text[s - 1] === '\n' && l.text[s - 2] === '\n';
}

/** An empty `[]` or `{}` has no style to copy: a list that grows from it takes the format's. */
function isEmptyFlow(n: unknown): boolean {
  return (isMap(n) || isSeq(n)) && n.items.length === 0;
}

export function pairOf(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** The first pair of map whose key comes after key in the format's order. */
function nextPair(map: YAMLMap<unknown, unknown>, key: string, order: readonly string[]): Pair<unknown, unknown> | undefined {
  const rank = order.indexOf(key);
  if (rank < 0) return undefined;
  return map.items.find((p) => {
    const r = isScalar(p.key) ? order.indexOf(String(p.key.value)) : -1;
    return r > rank;
  });
}

/** The style a node is written in, to copy onto a new neighbour: flow or block for each key. */
export function shapeOf(n: YamlNode | null | undefined, text: string, fallback: Shape = {}): Shape {
  if (isMap(n)) {
    const keys: Record<string, Shape> = { ...(fallback.keys ?? {}) };
    let any: Shape | undefined;
    for (const p of n.items) {
      if (!isScalar(p.key) || p.value == null || isScalar(p.value)) continue;
      const s = shapeOf(p.value as YamlNode, text, fallback.keys?.[String(p.key.value)] ?? fallback.any);
      const deeper = nestedIndent(p, text);
      if (deeper !== undefined) s.indent = deeper;
      keys[String(p.key.value)] = s;
      any ??= s;
    }
    return { flow: !!n.flow, pad: n.flow ? padded(n, text) : fallback.pad, indent: fallback.indent, keys, any: any ?? fallback.any };
  }
  if (isSeq(n)) {
    const last = n.items[n.items.length - 1] as YamlNode | undefined;
    return { flow: !!n.flow, pad: n.flow ? padded(n, text) : fallback.pad, item: last && !isScalar(last) ? shapeOf(last, text, fallback.item) : fallback.item };
  }
  return fallback;
}

const columnOf = (text: string, off: number) => off - (text.lastIndexOf('\n', off - 1) + 1);

/** How much deeper than its key a block mapping's own keys stand, when the pair holds one. */
function nestedIndent(p: Pair<unknown, unknown>, text: string): number | undefined {
  const v = p.value;
  if (!isMap(v) || v.flow || !v.items.length) return undefined;
  const first = v.items[0]!.key as YamlNode | null;
  if (!first?.range || !(p.key as YamlNode).range) return undefined;
  const d = columnOf(text, first.range[0]) - columnOf(text, (p.key as YamlNode).range![0]);
  return d > 0 ? d : undefined;
}

/** How far the file indents its nesting, read from its first block list under a key and its
 * first block mapping under a key; 2 where it has none. */
export function indentsOf(doc: Document.Parsed, text: string): Indents {
  const found: Partial<Indents> = {};
  const walk = (n: unknown, depth: number): void => {
    if (depth > 6 || (found.seq !== undefined && found.map !== undefined)) return;
    if (isMap(n)) {
      for (const p of n.items) {
        const v = p.value;
        if (found.map === undefined) found.map = nestedIndent(p, text);
        if (found.seq === undefined && isSeq(v) && !v.flow && v.items.length && (p.key as YamlNode)?.range) {
          const dash = text.lastIndexOf('-', (v.items[0] as YamlNode).range![0]);
          found.seq = columnOf(text, dash) - columnOf(text, (p.key as YamlNode).range![0]);
        }
        walk(v, depth + 1);
      }
    } else if (isSeq(n)) for (const x of n.items) walk(x, depth + 1);
  };
  walk(doc.contents, 0);
  return { seq: found.seq ?? 2, map: found.map ?? 2 };
}

/** Whether a flow collection is written with spaces inside its brackets: `{ a: 1 }`. */
function padded(n: Collection, text: string): boolean {
  return /\s/.test(text[n.range![0] + 1] ?? '');
}

/** The map at a data path, or undefined. */
export function mapAt(doc: Document.Parsed, path: (string | number)[]): YAMLMap<unknown, unknown> | undefined {
  const n = path.length ? doc.getIn(path, true) : doc.contents;
  return isMap(n) ? (n as YAMLMap<unknown, unknown>) : undefined;
}
