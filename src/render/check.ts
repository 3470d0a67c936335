// Formatters for `folio check`: compiler-style lines with an excerpt, or JSON/CSV/Markdown.
import type { Diagnostic } from '../diagnostics.js';
import { checkJson, json, type CheckSummary } from './contract.js';
import { checkCi, type CiContext } from './ci/adapt.js';
import { ciFormats } from './ci/formats.js';
import { visible } from './safe.js';
import { csvRow, mdTable, paint, palette, type RenderOptions } from './style.js';
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
  out.push(r.closing ?? summaryLine(r.summary));
  return `${out.join('\n')}\n`;
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
