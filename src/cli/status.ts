// folio status and folio gaps: where each learner stands, and what stands between them and
// achievement.
import type { Command } from 'commander';
import { assess, gaps, notAchieved, placeGaps, statusStream } from '../index.js';
import { named, centreRun, commonOptions, exitCode, reports, warnIfBroken, type Common, type Io } from './kit.js';
import { cohortLines, stepSummary } from './summary.js';

// Formats that show no place in the files: gaps are placed (by parsing again) only for the rest.
const PLACELESS = new Set(['table', 'json', 'csv', 'markdown']);

interface Filters {
  assessor?: string;
  unit?: string;
}

export function statusCommand(program: Command, io: Io, exit: (code: number) => void): void {
  commonOptions(
    program
      .command('status')
      .argument('[learners...]', 'learner ids (folder names); one or more for the per-unit view')
      .description('achievement status: the cohort, or one learner unit by unit')
      .option('-d, --detail', 'every criterion, grouped by outcome, with its evidence')
      .option('--assessor <id>', "only this assessor's learners")
      .option('--unit <id>', 'only this unit')
      .option('--all', 'withdrawn learners too'),
    'status',
    'never',
  ).action(async (ids: string[], opts: Common & Filters & { detail?: boolean; all?: boolean }) => {
    // status shows no path in the repository: git is not asked where it is
    const run = await centreRun(io, { ...opts, repository: false });
    const a = await assess(run.centre, { asOf: run.asOf, learners: named(ids), progress: run.progress, workers: run.workers });
    run.done();
    const report = statusStream(a, { learners: named(ids), assessor: opts.assessor, unit: opts.unit, all: opts.all });
    const outputs = reports(io).emitAll('status', opts, report, { ...run.render, detail: opts.detail });
    // only the table shows unreadable learners
    warnIfBroken(io, a, outputs.every((o) => o.format === 'table') ? (report.unreadable ?? []).map((u) => u.id) : []);
    exit(exitCode(io, opts.failOn, a.diagnostics, notAchieved(a, { all: opts.all }).filter((id) => report.gaps.has(id)).length));
  });
}

export function gapsCommand(program: Command, io: Io, exit: (code: number) => void): void {
  commonOptions(
    program
      .command('gaps')
      .argument('[learners...]', 'learner ids (folder names)')
      .description('what stands between each learner and achievement, and what to do next')
      .option('--assessor <id>', "only this assessor's learners")
      .option('--unit <id>', 'only gaps in this unit'),
    'gaps',
    'never',
  ).action(async (ids: string[], opts: Common & Filters) => {
    const run = await centreRun(io, opts);
    const a = await assess(run.centre, { asOf: run.asOf, learners: named(ids), progress: run.progress, workers: run.workers });
    run.done();
    warnIfBroken(io, a);
    const { emitAll, formatted, outputsOf } = reports(io);
    let report = gaps(a, { learners: named(ids), assessor: opts.assessor, unit: opts.unit });
    if (outputsOf('gaps', opts).some((o) => !PLACELESS.has(o.format))) report = await placeGaps(a, report);
    const outputs = emitAll('gaps', opts, report, run.render);
    await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).gapsCi({ gaps: report.gaps, where: report.where ?? new Map() }, { ...report.ci!, summary: cohortLines(formatted, a, run.render) }));
    const shown = new Set(report.learners);
    exit(exitCode(io, opts.failOn, a.diagnostics, notAchieved(a).filter((id) => shown.has(id)).length));
  });
}
