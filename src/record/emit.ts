// The text of a new node, in the style it is given: flow or block for each collection, spaces
// inside flow braces or not, the indent of the file. Scalars are written plain when YAML reads
// them back as the same text under folio's failsafe reading, else double-quoted; the record
// core reads the whole file back and compares, so a doubtful case never reaches the disk.

/** A value as folio's files hold it: text, lists and mappings (every scalar is text). */
export type Plain = string | Plain[] | { [key: string]: Plain };

/** How a node is written: flow or block, padded braces, and the shapes of its children (by key,
 * any other key, or each list item). */
export interface Shape {
  flow?: boolean;
  pad?: boolean;
  /** For a block mapping: how much deeper than its key its own keys stand (2 or 4, usually). */
  indent?: number;
  keys?: Record<string, Shape>;
  any?: Shape;
  item?: Shape;
}

/** How far the file indents what it nests: a block list's dashes under its key (seq), a block
 * mapping's keys under its key (map). Used where no neighbour gives a shape's own indent. */
export interface Indents {
  seq: number;
  map: number;
}

export const TWO: Indents = { seq: 2, map: 2 };

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

function plainOk(s: string, flow: boolean): boolean {
  if (NULLS.has(s)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(s) || /\s$/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return !(flow && /[,[\]{}:]/.test(s));
}

/** A scalar as YAML text: plain where that reads back the same, else double-quoted (JSON's
 * escapes are YAML's). */
export function scalar(s: string, flow: boolean): string {
  return plainOk(s, flow) ? s : JSON.stringify(s);
}

const childOf = (shape: Shape, key: string): Shape => shape.keys?.[key] ?? shape.any ?? {};

/** A list of text defaults to flow ([1.1, 1.2]); anything else to block, unless shape says. */
function isFlow(v: Plain, shape: Shape): boolean {
  if (typeof v === 'string') return true;
  if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) return true;
  return shape.flow ?? (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

export function emitFlow(v: Plain, shape: Shape = {}): string {
  if (typeof v === 'string') return scalar(v, true);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    const inner = v.map((x) => emitFlow(x, shape.item ?? {})).join(', ');
    return shape.pad ? `[ ${inner} ]` : `[${inner}]`;
  }
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  const inner = entries.map(([k, x]) => `${scalar(k, true)}: ${emitFlow(x, childOf(shape, k))}`).join(', ');
  return shape.pad === false ? `{${inner}}` : `{ ${inner} }`;
}

/** key: value as lines at indent; a block list under the key has its dashes indents.seq deeper,
 * a block mapping its keys shape.indent (else indents.map) deeper. */
export function emitBlockPair(key: string, v: Plain, shape: Shape, indent: number, indents: Indents = TWO): string[] {
  const ind = ' '.repeat(indent);
  const k = scalar(key, false);
  if (isFlow(v, shape)) return [`${ind}${k}: ${typeof v === 'string' ? scalar(v, false) : emitFlow(v, shape)}`];
  if (Array.isArray(v)) return [`${ind}${k}:`, ...v.flatMap((x) => emitBlockItem(x, shape.item ?? {}, indent + indents.seq, 2, indents))];
  const deeper = indent + (shape.indent ?? indents.map);
  return [`${ind}${k}:`, ...Object.entries(v).flatMap(([ck, x]) => emitBlockPair(ck, x, childOf(shape, ck), deeper, indents))];
}

/** A list item as lines: its dash at dashCol, its content step columns further in. */
export function emitBlockItem(v: Plain, shape: Shape, dashCol: number, step = 2, indents: Indents = TWO): string[] {
  const dash = `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, step - 1))}`;
  if (typeof v === 'string') return [`${dash}${scalar(v, false)}`];
  if (Array.isArray(v) || isFlow(v, { ...shape, flow: shape.flow ?? false })) return [`${dash}${emitFlow(v, shape)}`];
  const lines = Object.entries(v).flatMap(([k, x]) => emitBlockPair(k, x, childOf(shape, k), dashCol + step, indents));
  lines[0] = dash + lines[0]!.trimStart();
  return lines;
}
