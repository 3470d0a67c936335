// Formatters for `folio check`: compiler-style lines with an excerpt, or JSON/CSV/Markdown.
import type { Diagnostic } from '../diagnostics.js';
import { checkJson, json, type CheckSummary } from './contract.js';
import { checkCi, type CiContext } from './ci/adapt.js';
import { ciFormats } from './ci/formats.js';
import { visible } from './safe.js';
import { csvRow, mdTable, paint, palette, type RenderOptions } from './style.js';
import { table } from './table.js';
import { plural } from '../text.js';

export interface CheckReport {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /** For the CI formats: where the centre is in the repository, folio's version. */
  ci?: CiContext;
  /** The last line of the table and Markdown reports instead of the summary of files (verify
   * says how many records it verified). */
  closing?: string;
}

export function summaryLine(s: CheckSummary): string {
  if (s.errors === 0 && s.warnings === 0) return `No problems in ${plural(s.files, 'file')}.`;
  return `${plural(s.errors, 'error')} and ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')}.`;
}

function checkTable(r: CheckReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  for (const d of r.diagnostics) {
    const file = visible(d.file);
    const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
    out.push(`${c.bold(where)}: ${paint(c, d.severity)}: ${visible(d.message)} ${c.dim(`[${d.code}]`)}`);
    if (d.excerpt !== undefined && d.line > 0) {
      const num = String(d.line);
      const line = excerptLine(d.excerpt, d.excerptColumn ?? d.column);
      out.push(c.dim(`  ${num} | `) + line.text);
      out.push(c.dim(`  ${' '.repeat(num.length)} | `) + paint(c, d.severity, `${' '.repeat(line.caret)}^`));
    }
  }
  if (out.length) out.push('');
  if (r.diagnostics.length >= SUMMARY_FROM) out.push(byCheck(r.diagnostics, o), '');
  out.push(r.closing ?? summaryLine(r.summary));
  return `${out.join('\n')}\n`;
}

/** From this many findings the list scrolls past a screen, so a table of counts by check
 * closes it: what kinds of problem there are, before the reader fixes them one by one. */
export const SUMMARY_FROM = 10;

function byCheck(diagnostics: Diagnostic[], o: RenderOptions): string {
  const c = palette(o.color);
  const counts = new Map<string, { errors: number; warnings: number; files: Set<string> }>();
  for (const d of diagnostics) {
    const n = counts.get(d.code) ?? { errors: 0, warnings: 0, files: new Set<string>() };
    if (d.severity === 'error') n.errors++;
    else n.warnings++;
    n.files.add(d.file);
    counts.set(d.code, n);
  }
  // Most frequent first, then by code, so the order is the same on every run.
  const rows = [...counts]
    .sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || (a < b ? -1 : 1))
    .map(([code, n]) => [code, String(n.errors), String(n.warnings), String(n.files.size)]);
  return table(['Check', 'Errors', 'Warnings', 'Files'], rows, { width: o.width, head: c.bold, right: [1, 2, 3], shrink: 0, min: 12 });
}

// The quoted source line: tabs as spaces (so the caret lines up), a window of it around the
// column when it is long, and every unsafe character made visible, the caret moved to match.
const WINDOW = 240;

function excerptLine(excerpt: string, column: number): { text: string; caret: number } {
  const raw = excerpt.replace(/\t/g, ' ');
  const at = Math.min(Math.max(0, column - 1), raw.length);
  const start = raw.length > WINDOW ? Math.max(0, Math.min(at - WINDOW / 2, raw.length - WINDOW)) : 0;
  const end = Math.min(raw.length, start + WINDOW);
  const lead = start > 0 ? '…' : '';
  const tail = end < raw.length ? '…' : '';
  return { text: lead + visible(raw.slice(start, end)) + tail, caret: (lead + visible(raw.slice(start, at))).length };
}

export const checkFormats = {
  table: checkTable,
  json: (r: CheckReport) => json(checkJson(r.diagnostics, r.summary)),
  csv: (r: CheckReport) =>
    `${[csvRow(['file', 'line', 'column', 'severity', 'code', 'message']), ...r.diagnostics.map((d) => csvRow([d.file, d.line, d.column, d.severity, d.code, d.message]))].join('\n')}\n`,
  markdown: (r: CheckReport) =>
    `${r.diagnostics.length ? mdTable(['File', 'Line', 'Column', 'Severity', 'Code', 'Message'], r.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code, d.message])) + '\n\n' : ''}${r.closing ?? summaryLine(r.summary)}\n`,
  ...ciFormats((r: CheckReport) => checkCi(r, r.ci ?? { prefix: '', version: '' })),
};
