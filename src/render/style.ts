// Colour and small layout helpers. chalk ignores NO_COLOR, so colour is decided once by the
// CLI (terminal, --no-color, NO_COLOR) and passed down as a flag; formatters never guess.
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { csvCell, mdText } from './safe.js';

export interface RenderOptions {
  color: boolean;
  /** Width to fit: the terminal's, or COLUMNS when piped; Infinity (never cut) when piped without it. */
  width: number;
  detail?: boolean;
}

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

const STATUS_COLOURS: Record<string, 'green' | 'cyan' | 'yellow' | 'red' | 'gray' | 'magenta'> = {
  met: 'green',
  achieved: 'green',
  exempted: 'green',
  claimed: 'green',
  certificated: 'green',
  withdrawn: 'gray',
  'ready-for-signoff': 'cyan',
  insufficient: 'yellow',
  'awaiting-assessment': 'cyan',
  'in-progress': 'yellow',
  'not-yet': 'red',
  unmet: 'red',
  missing: 'gray',
  'not-started': 'gray',
  unknown: 'magenta',
  error: 'red',
  warning: 'yellow',
};

export function paint(c: ChalkInstance, status: string, text = status): string {
  const colour = STATUS_COLOURS[status];
  return colour ? c[colour](text) : text;
}

export function bar(done: number, total: number, cells = 10): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * cells);
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

export function percent(done: number, total: number): string {
  return total === 0 ? '–' : `${Math.floor((done / total) * 100)}%`;
}

/** Cut text to a display width with an ellipsis (see cut). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  return cut(text, width);
}

/** The width prose wraps at: the terminal's, or 80 when nothing says (piped without COLUMNS),
 * since a paragraph on one endless line reads no better in a file. Tables, by contrast, are not
 * cut when nothing says how wide to be (table.ts). */
export function proseWidth(o: RenderOptions): number {
  return Number.isFinite(o.width) ? o.width : 80;
}

/** Wrap text to a width, indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** A CSV row; every cell goes through csvCell (safe.ts): visible, and never a formula. */
export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** A Markdown table cell: user text is escaped (safe.ts), so it can neither break the table nor
 * add markup. */
const mdCell = mdText;

export function mdTable(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [mdHead(header), ...rows.map(mdRow)].join('\n');
}

/** A Markdown table's header and rule lines, for a table written row by row. */
export function mdHead(header: string[]): string {
  return `| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`;
}

/** One row of a Markdown table. */
export function mdRow(row: (string | number | null | undefined)[]): string {
  return `| ${row.map(mdCell).join(' | ')} |`;
}

/** Text without ANSI colour codes, for measuring what a terminal shows. */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Pad to a display width: what a terminal shows, ANSI codes not counted. */
export function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Display width of text as a terminal shows it (CJK two columns, combining accents none,
 * emoji two), as cli-table3 measures it. */
export function displayWidth(s: string): number {
  // cli-table3 measures with string-width 4; the same function keeps widths consistent.
  return stringWidth(stripAnsi(s));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Text cut to a display width with an ellipsis, whole characters (graphemes) only. A cut text
 * loses its colour: the texts that give way (names, titles) have none. */
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
