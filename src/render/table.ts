// Terminal tables, drawn by cli-table3 (the design card names it) so that every table measures
// text the same way: by display width (CJK counts two columns, combining accents none, emoji
// two) and never counting ANSI colour. Tables keep folio's borderless look: columns two spaces
// apart. A table is as wide as its content; only when that is wider than the terminal does one
// column (the long one: a name or a title) give way, cut with an ellipsis.
import Table from 'cli-table3';
import { cut, displayWidth } from './style.js';

export { cut, displayWidth };

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
  /** Columns left out, in this order, while the table is still too wide with the shrinking
   * column at its narrowest: the ones a reader can best do without. */
  drop?: number[];
  /** Spaces before every line. */
  indent?: number;
}

/** A row of cells (a short row's last cell spans the columns left); a heading spans the whole
 * table, widens no column and is cut to the table (folio uses it for blank rows). */
export type Row = string[] | { heading: string };

export function table(header: string[] | undefined, rows: Row[], layout: TableLayout): string {
  const gone = columnsToDrop(header, rows, layout);
  if (!gone.length) return draw(header, rows, layout);
  const keep = (r: string[]) => r.filter((_, i) => !gone.includes(i));
  const moved = (i: number) => i - gone.filter((g) => g < i).length;
  const shrink = layout.shrink === undefined ? undefined : moved(layout.shrink);
  const right = layout.right?.filter((i) => !gone.includes(i)).map(moved);
  return draw(header && keep(header), rows.map((r) => (Array.isArray(r) ? keep(r) : r)), { ...layout, shrink, right, drop: [] });
}

/** The columns to leave out so that the table fits, from layout.drop in order. */
function columnsToDrop(header: string[] | undefined, rows: Row[], layout: TableLayout): number[] {
  if (!layout.drop?.length || !Number.isFinite(layout.width)) return [];
  const widths = naturalWidths(header, rows);
  if (layout.shrink !== undefined) widths[layout.shrink] = Math.min(layout.min ?? 8, widths[layout.shrink]!);
  const gone: number[] = [];
  for (const d of layout.drop) {
    if (tableWidth(widths.filter((_, i) => !gone.includes(i)), layout) <= layout.width) break;
    gone.push(d);
  }
  return gone;
}

/** Each column's width with nothing cut: its widest cell, header included. */
function naturalWidths(header: string[] | undefined, rows: Row[]): number[] {
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
  return natural;
}

/** How wide columns of these widths are drawn: indent, cells and two spaces between. */
function tableWidth(widths: number[], layout: TableLayout): number {
  return (layout.indent ?? 0) + widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
}

function draw(header: string[] | undefined, rows: Row[], layout: TableLayout): string {
  const natural = naturalWidths(header, rows);
  const n = natural.length;
  const indent = layout.indent ?? 0;
  const total = tableWidth(natural, layout);
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
