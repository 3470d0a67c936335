// GitHub Actions output: workflow commands that become annotations on the files, and a Markdown
// job summary, because GitHub shows only the first few annotations of each level per step.
import type { CiFinding, CiLevel, CiReport } from './report.js';
import { bySeverity, LEVELS } from './report.js';
import { mdText, visible } from '../safe.js';
import { plural } from '../../text.js';

const COMMAND: Record<CiLevel, string> = { error: 'error', warning: 'warning', note: 'notice' };

// The escapes of @actions/core (toolkit command.ts): the runner undoes exactly these. Data
// (the message) ends the line, so only %, CR and LF need them; a property also ends at "," or
// "::", so ":" and "," are escaped too. Text shown to people (message, title) is made visible
// first (safe.ts), so an annotation cannot carry escape sequences into the log viewer. That
// includes the file: a path that needs it is reported as unsafe-text anyway.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(f: CiFinding): string {
  const props: [string, string | number][] = [];
  if (f.file) props.push(['file', visible(f.file)]);
  if (f.line > 0) {
    props.push(['line', f.line]);
    if (f.column > 0) props.push(['col', f.column]);
  }
  if (f.title) props.push(['title', visible(f.title)]);
  const head = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.level]}${head ? ` ${head}` : ''}::${escapeData(visible(f.message))}`;
}

/** One workflow command per finding, most severe first, so the step's capped annotations show errors. */
export function github(report: CiReport): string {
  return bySeverity(report.findings)
    .map((f) => `${command(f)}\n`)
    .join('');
}

// Cells hold user text: mdText (safe.ts) makes control characters visible and escapes what
// Markdown would read as table syntax, emphasis, code, links or HTML.
const cell = (v: string | number) => mdText(v);

function table(header: string[], rows: (string | number)[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

type Counts = Record<CiLevel, number>;

function countBy(findings: CiFinding[], key: (f: CiFinding) => string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const f of findings) {
    const c = out.get(key(f)) ?? { error: 0, warning: 0, note: 0 };
    c[f.level]++;
    out.set(key(f), c);
  }
  return out;
}

/** Markdown for $GITHUB_STEP_SUMMARY: totals per group and per rule, then every finding. */
export function githubSummary(report: CiReport): string {
  const { findings } = report;
  const groupWord = report.kind === 'check' ? 'file' : 'learner';
  const out: string[] = [`## folio ${report.kind}`, ''];
  if (findings.length === 0) {
    out.push(report.kind === 'check' ? 'No problems found.' : 'No gaps found.', '');
  } else {
    const total: Counts = { error: 0, warning: 0, note: 0 };
    for (const f of findings) total[f.level]++;
    // Only the levels that occur get a column, so a gaps summary is not padded with zeros.
    const levels = LEVELS.filter((l) => total[l] > 0);
    const levelHeader = levels.map((l) => `${l[0]!.toUpperCase()}${l.slice(1)}s`);
    const row = (c: Counts) => levels.map((l) => c[l]);
    const groups = countBy(findings, (f) => f.group);
    const summaryOf = new Map(report.rules.map((r) => [r.id, r.summary]));

    out.push(`${levels.map((l) => plural(total[l], l)).join(', ')} in ${plural(groups.size, groupWord)}.`, '');
    out.push(`### By ${groupWord}`, '', ...table([groupWord === 'file' ? 'File' : 'Learner', ...levelHeader], [...groups].map(([g, c]) => [g, ...row(c)])), '');
    out.push('### By rule', '', ...table(['Rule', ...levelHeader, 'Meaning'], [...countBy(findings, (f) => f.rule)].map(([r, c]) => [r, ...row(c), summaryOf.get(r) ?? ''])), '');
    out.push(
      `### ${report.kind === 'check' ? 'Findings' : 'Gaps'}`,
      '',
      ...table(['Location', 'Level', 'Rule', 'Message'], findings.map((f) => [f.line > 0 ? `${f.file}:${f.line}` : f.file, f.level, f.rule, f.message])),
      '',
    );
  }
  if (report.summary) out.push(`### ${report.summary.heading}`, '', ...report.summary.lines, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
