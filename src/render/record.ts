// Formatters for the recording commands (evidence add, assess, signoff, iqa record): what was
// recorded, the diff (with --dry-run), the statuses that moved for the learner, the next gaps
// and the commit; or, refused, why, in check's own words. JSON is built field by field.
import type { Diagnostic } from '../diagnostics.js';
import type { GapGroup } from '../status/gaps.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { palette, type RenderOptions } from './style.js';

export interface RecordReport {
  learner: string;
  file: string;
  files: string[];
  records: string[];
  by?: string;
  written: boolean;
  diff: string;
  moved: { unit?: string; criterion?: string; from: string; to: string }[];
  gaps: GapGroup[];
  findings: Diagnostic[];
  commit?: { hash: string; author: string; message: string };
  /** Set when the record was refused: nothing was written. */
  refused?: { code: string; message: string; diagnostics: Diagnostic[]; gaps: GapGroup[] };
}

const SHOWN_GAPS = 8;

function movedLine(m: RecordReport['moved'][number]): string {
  const what = m.unit === undefined ? 'qualification' : m.criterion === undefined ? `${m.unit} unit` : `${m.unit} ${m.criterion}`;
  return `${what} ${m.from} → ${m.to}`;
}

function gapLines(gaps: GapGroup[], learner: string): string[] {
  const out = gaps.slice(0, SHOWN_GAPS).map((g) => `  ${[g.unit, g.criterion].filter(Boolean).join(' ')}: ${g.reasons.map((r) => visible(r.message)).join('; ')}`);
  if (gaps.length > SHOWN_GAPS) out.push(`  … and ${gaps.length - SHOWN_GAPS} more: folio gaps ${learner}`);
  return out;
}

export function recordTable(r: RecordReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  if (r.refused) {
    out.push(`${c.bold('Refused')}: ${visible(r.refused.message)} [${r.refused.code}]`);
    if (r.refused.gaps.length) out.push('What is not met yet:', ...gapLines(r.refused.gaps, r.learner));
    return `${out.join('\n')}\n`;
  }
  // a change to the centre file is no learner's
  const whose = r.learner ? visible(r.learner) : 'the centre';
  if (!r.written) out.push(r.diff.trimEnd(), '', `Dry run: nothing written. ${r.learner ? whose : 'The centre'} would get ${r.records.map(visible).join(', ')}${r.files.length > 1 ? `, with ${r.files.slice(1).map(visible).join(', ')} copied in` : ''}.`);
  else out.push(`Recorded ${r.records.map(visible).join(', ')} for ${whose}${r.by ? ` by ${visible(r.by)}` : ''} in ${r.files.map(visible).join(' and ')}.`);
  for (const f of r.findings) out.push(`${f.severity === 'error' ? 'Check will report' : 'Warning'}: ${visible(f.message)} [${f.code}]`);
  if (r.learner || r.moved.length) out.push(r.moved.length ? `${r.written ? 'Moved' : 'Would move'}:` : 'No status moved.');
  for (const m of r.moved) out.push(`  ${movedLine(m)}`);
  if (r.gaps.length) out.push('Next gaps:', ...gapLines(r.gaps, r.learner));
  if (r.commit) out.push(`Committed ${r.commit.hash.slice(0, 8)} as ${visible(r.commit.author)}: ${visible(r.commit.message)}`);
  return `${out.join('\n')}\n`;
}

export const diagnosticJson = (d: Diagnostic) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message });
const gapJson = (g: GapGroup) => ({ unit: g.unit, criterion: g.criterion, reasons: g.reasons.map((r) => ({ reason: r.reason, message: r.message })) });

export function recordJson(r: RecordReport) {
  return {
    version: VERSION,
    learner: r.learner,
    file: r.file,
    files: [...r.files],
    written: r.written,
    refused: r.refused ? { code: r.refused.code, message: r.refused.message, diagnostics: r.refused.diagnostics.map(diagnosticJson), gaps: r.refused.gaps.map(gapJson) } : null,
    records: [...r.records],
    by: r.by ?? null,
    diff: r.diff,
    moved: r.moved.map((m) => ({ unit: m.unit ?? null, criterion: m.criterion ?? null, from: m.from, to: m.to })),
    gaps: r.gaps.map(gapJson),
    findings: r.findings.map(diagnosticJson),
    commit: r.commit ? { hash: r.commit.hash, author: r.commit.author, message: r.commit.message } : null,
  };
}

export const recordFormats = {
  table: recordTable,
  json: (r: RecordReport) => json(recordJson(r)),
};
