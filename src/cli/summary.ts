// GitHub's job summary: counts, every finding and the cohort's status, appended to the file
// GitHub names in GITHUB_STEP_SUMMARY when a github report is asked for.
import { appendFileSync } from 'node:fs';
import type { Output } from '../outputs.js';
import type { Analysis, ResultStore } from '../pipeline/index.js';
import type { CiReport } from '../render/ci/report.js';
import { text, type Command as FormatCommand, type Rendered } from '../render/registry.js';
import type { RenderOptions } from '../render/style.js';
import type { Io } from './kit.js';

type Formatted = (command: FormatCommand, format: string, data: unknown, render: RenderOptions) => Rendered;

export async function stepSummary(io: Io, outputs: Output[], report: () => Promise<CiReport>): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file || !outputs.some((o) => o.format === 'github')) return;
  const { githubSummary } = await import('../render/ci/github.js');
  appendFileSync(file, githubSummary(await report()));
}

export function cohortLines(formatted: Formatted, a: Analysis, results: ResultStore, render: RenderOptions): string[] {
  const learners = results.of(a.learners);
  const gaps = new Map(a.learners.map((l) => [l.id, l.gaps]));
  return text(formatted('status', 'markdown', { asOf: a.asOf, learners, gaps, staff: new Map(), single: false }, render)).trimEnd().split('\n');
}
