// GitHub's job summary: counts, every finding and the cohort's status, appended to the file
// GitHub names in GITHUB_STEP_SUMMARY when a github report is asked for.
import { appendFileSync } from 'node:fs';
import { statusStream, type Assessment } from '../index.js';
import type { Output } from '../outputs.js';
import type { CiReport } from '../render/ci/report.js';
import type { RenderOptions } from '../render/style.js';
import type { Io, reports } from './kit.js';

export async function stepSummary(io: Io, outputs: Output[], report: () => Promise<CiReport>): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file || !outputs.some((o) => o.format === 'github')) return;
  const { githubSummary } = await import('../render/ci/github.js');
  appendFileSync(file, githubSummary(await report()));
}

export function cohortLines(formatted: ReturnType<typeof reports>['formatted'], a: Assessment, render: RenderOptions): string[] {
  const cohort = { ...statusStream(a), staff: new Map() };
  return [...formatted('status', 'markdown', cohort, render)].join('').trimEnd().split('\n');
}
