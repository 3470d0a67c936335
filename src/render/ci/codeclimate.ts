// GitLab Code Quality (a subset of the Code Climate issue format): findings show in merge-request
// widgets and diffs, and GitLab tells new from fixed issues by fingerprint alone.
import type { CiLevel, CiReport } from './report.js';
import { fingerprints } from './report.js';

const SEVERITY: Record<CiLevel, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', note: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** A Code Quality report: a JSON array with one issue per finding. */
export function codeclimate(report: CiReport): string {
  const prints = fingerprints(report.findings);
  const issues: CodeQualityIssue[] = report.findings.map((f, i) => ({
    description: f.message,
    check_name: f.rule,
    fingerprint: prints[i]!,
    severity: SEVERITY[f.level],
    // GitLab needs a line from 1; a finding about the whole file is shown on its first line.
    location: { path: f.file, lines: { begin: Math.max(1, f.line) } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
