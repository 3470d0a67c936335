// Check diagnostics and gaps as one CI report shape, so each CI format (GitHub, JUnit, SARIF,
// Code Quality) is written once for both commands. Paths become relative to the repository
// root, because that is what CI systems resolve annotations against.
import { CODES } from '../../diagnostics.js';
import { GAP_REASON_INFO, type Gap } from '../../status/gaps.js';
import type { CheckReport } from '../check.js';
import type { CiFinding, CiReport, CiRule } from './report.js';

export interface CiContext {
  /** The centre's folder relative to the repository root ('' when they are the same). */
  prefix: string;
  version: string;
  /** Markdown lines to close a job summary with (the cohort's status). */
  summary?: string[];
  /** Whose codes the report describes: folio check's (default) or folio verify's. */
  command?: 'check' | 'verify';
}

const TOOL = (version: string) => ({ name: 'folio' as const, version });
const join = (prefix: string, file: string) => (prefix ? `${prefix}/${file}` : file);

export function checkCi(r: CheckReport, c: CiContext): CiReport {
  const command = c.command ?? 'check';
  const rules: CiRule[] = Object.entries(CODES)
    .filter(([, info]) => (('command' in info ? info.command : undefined) ?? 'check') === command)
    .map(([id, info]) => ({
      id,
      name: id,
      summary: info.summary,
      help: `${info.summary.replace(/\.$/, '')}. The message of each finding says what to change; folio's README lists every check code under "Check codes".`,
      level: info.severity,
    }));
  const findings: CiFinding[] = r.diagnostics.map((d) => ({
    rule: d.code,
    level: d.severity,
    message: d.message,
    file: join(c.prefix, d.file),
    line: d.line,
    column: d.column,
    group: join(c.prefix, d.file),
    title: d.line > 0 ? `${d.code} at line ${d.line}` : d.code,
  }));
  return { tool: TOOL(c.version), kind: 'check', rules, findings, summary: c.summary ? { heading: 'Cohort status', lines: c.summary } : undefined };
}

export interface GapsCiInput {
  gaps: Gap[];
  where: Map<Gap, { file: string; line: number; column: number }>;
}

export function gapsCi(r: GapsCiInput, c: CiContext): CiReport {
  const rules: CiRule[] = Object.entries(GAP_REASON_INFO).map(([id, info]) => ({
    id,
    name: id,
    summary: `${info.level}: ${info.summary}`,
    help: `A gap between a learner and achievement (${info.level} level): ${info.summary}. folio's README lists every gap reason under "Gap reasons".`,
    level: 'warning',
  }));
  const findings: CiFinding[] = r.gaps.map((g) => {
    const at = r.where.get(g) ?? { file: '', line: 0, column: 0 };
    return {
      rule: g.reason,
      level: 'warning',
      // CI lists show the message alone: say whose gap it is and where
      message: `${[g.learner, g.unit, g.criterion].filter(Boolean).join(' ')}: ${g.message}`,
      file: join(c.prefix, at.file),
      line: at.line,
      column: at.column,
      group: g.learner,
      title: [g.learner, g.unit, g.criterion].filter(Boolean).join(' ') + `: ${g.reason}`,
    };
  });
  return { tool: TOOL(c.version), kind: 'gaps', rules, findings, summary: c.summary ? { heading: 'Cohort status', lines: c.summary } : undefined };
}
