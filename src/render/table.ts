// Terminal tables, drawn by cli-table3 (the design card names it) so that every table measures
// text the same way: by display width (CJK counts two columns, combining accents none, emoji
// two) and never counting ANSI colour. Tables keep folio's borderless look: columns two spaces
// apart. A table is as wide as its content; only when that is wider than the terminal does one
// column (the long one: a name or a title) give way, cut with an ellipsis.
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { stripAnsi } from './style.js';

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '',
  middle: '  ',
};

export interface TableLayout {
  /** The width to fit; Infinity (piped, no COLUMNS) never cuts. */
  width: number;
  /** Styles the header row (bold on a terminal); no header row when absent from header. */
  head?: (s: string) => string;
  /** Columns aligned right (figures). */
  right?: number[];
  /** The column that gives way when the table is too wide. */
  shrink?: number;
  /** The narrowest the shrinking column gets. */
  min?: number;
  /** Spaces before every line. */
  indent?: number;
}

/** Display width of text as a terminal shows it, as cli-table3 measures it. */
export function displayWidth(s: string): number {
  // cli-table3 measures with string-width 4; the same function keeps widths consistent.
  return stringWidth(stripAnsi(s));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Text cut to a display width with an ellipsis, whole characters (graphemes) only. A cut cell
 * loses its colour: a name, which is the column that gives way, has none. */
export function cut(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(stripAnsi(s))) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** A row of cells (a short row's last cell spans the columns left); a heading spans the whole
 * table, widens no column and is cut to the table (folio uses it for blank rows). */
export type Row = string[] | { heading: string };

export function table(header: string[] | undefined, rows: Row[], layout: TableLayout): string {
  const n = header?.length ?? Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  const cells = (rows.filter(Array.isArray) as string[][]).map((r) => (r.length < n ? r.slice(0, -1) : r));
  const natural = Array.from({ length: n }, (_, i) => Math.max(header ? displayWidth(header[i] ?? '') : 0, ...cells.map((r) => displayWidth(r[i] ?? ''))));
  // A spanning last cell wider than the columns it spans widens the last of them, never cut.
  // cli-table3 gives a span one column per border it covers, whatever the border's width.
  for (const r of rows) {
    if (!Array.isArray(r) || r.length >= n || !r.length) continue;
    const spanned = natural.slice(r.length - 1).reduce((a, b) => a + b, 0) + (n - r.length);
    natural[n - 1]! += Math.max(0, displayWidth(r.at(-1)!) - spanned);
  }
  const indent = layout.indent ?? 0;
  const total = indent + natural.reduce((a, b) => a + b, 0) + 2 * Math.max(0, n - 1);
  const colWidths: (number | null)[] = natural.map((w) => Math.max(1, w));
  let body = rows;
  if (layout.shrink !== undefined && total > layout.width) {
    const s = layout.shrink;
    const w = Math.max(Math.min(layout.min ?? 8, natural[s]!), natural[s]! - (total - layout.width));
    colWidths[s] = w;
    // Cut here rather than in cli-table3, which cuts by UTF-16 unit and can split an emoji.
    body = rows.map((r) => (Array.isArray(r) && r.length === n ? r.map((v, i) => (i === s ? cut(v, w) : v)) : r));
  }
  const t = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colWidths,
    colAligns: Array.from({ length: n }, (_, i) => (layout.right?.includes(i) ? 'right' : 'left')),
    wordWrap: false,
  });
  const head = layout.head ?? ((s: string) => s);
  if (header) t.push(header.map((h) => head(h)));
  for (const r of body) {
    if (!Array.isArray(r)) t.push([{ colSpan: n, content: r.heading }]);
    else if (r.length < n && r.length > 0) t.push([...r.slice(0, -1), { colSpan: n - r.length + 1, content: r.at(-1)! }]);
    else t.push(r);
  }
  const pre = ' '.repeat(indent);
  return t
    .toString()
    .split('\n')
    .map((line) => `${pre}${line}`.trimEnd())
    .join('\n');
}
