// The one shape every CI format reads, so check diagnostics and gaps are adapted once (adapt.ts)
// and each format (GitHub, JUnit, SARIF, Code Quality) is written once for both commands.
import { createHash } from 'node:crypto';

export type CiLevel = 'error' | 'warning' | 'note';

export interface CiRule {
  id: string;
  name: string;
  summary: string;
  help: string;
  level: CiLevel;
}

export interface CiFinding {
  rule: string;
  level: CiLevel;
  message: string;
  file: string; // relative to the repository root, '/' separators
  line: number; // from 1; 0 = whole file
  column: number;
  group: string; // test-suite grouping: the file for check, the learner id for gaps
  title: string; // short, e.g. "unknown-criterion" or "NT-0142 A/506/2130 1.1: missing"
}

export interface CiReport {
  tool: { name: 'folio'; version: string; informationUri?: string };
  kind: 'check' | 'gaps';
  rules: CiRule[];
  findings: CiFinding[];
  /** For job summaries: lines are Markdown already. */
  summary?: { heading: string; lines: string[] };
}

export const LEVELS: readonly CiLevel[] = ['error', 'warning', 'note'];

/** Most severe first, keeping the producer's order within a level (Array.sort is stable). */
export function bySeverity(findings: readonly CiFinding[]): CiFinding[] {
  return [...findings].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

/**
 * One fingerprint per finding, from rule, file and message but not the position: CI systems
 * match findings across runs by fingerprint, and an edit above a finding must not make it look
 * fixed and new. Identical findings in one file are told apart by their order, never by line.
 */
export function fingerprints(findings: readonly CiFinding[]): string[] {
  const seen = new Set<string>();
  return findings.map((f) => {
    const base = [f.rule, f.file, f.message];
    let print = digest(base);
    for (let n = 2; seen.has(print); n++) print = digest([...base, String(n)]);
    seen.add(print);
    return print;
  });
}

// JSON keeps the fields apart whatever they contain; 32 hex digits match the MD5-length
// fingerprints in GitLab's examples, and SHA-256 still works where MD5 is disabled (FIPS).
const digest = (parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
