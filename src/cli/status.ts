// folio status and folio gaps: where each learner stands, and what stands between them and
// achievement.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { analyse } from '../pipeline/index.js';
import { gapsOf } from '../status/gaps.js';
import { centreRun, commonOptions, EXIT, fails, pickLearners, reports, repositoryRoot, unitOption, VERSION, warnIfBroken, type Common, type Io } from './kit.js';
import { cohortLines, stepSummary } from './summary.js';

const PLACELESS = new Set(['table', 'json', 'csv', 'markdown']);

interface Filters {
  assessor?: string;
  unit?: string;
}

export function statusCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
  commonOptions(
    program
      .command('status')
      .argument('[learners...]', 'learner ids (folder names); one or more for the per-unit view')
      .description('achievement status: the cohort, or one learner unit by unit')
      .option('-d, --detail', 'every criterion, grouped by outcome, with its evidence')
      .option('--assessor <id>', "only this assessor's learners")
      .option('--unit <id>', 'only this unit'),
    'status',
    'never',
  ).action(async (ids: string[], opts: Common & Filters & { detail?: boolean }) => {
    const run = await centreRun(io, opts);
    const { analysis: a, results } = await analyse(run.reader, { asOf: run.asOf, learners: ids.length ? ids : undefined, results: true, cache: run.cache, progress: run.progress, workers: run.workers });
    run.done();
    warnIfBroken(io, a);
    let learners = pickLearners(a, ids, opts);
    let unit: string | undefined;
    if (opts.unit) {
      unit = unitOption(a, opts.unit);
      learners = learners.filter((l) => results.get(l.id).units.some((u) => u.id === unit));
    }
    const gaps = new Map(learners.map((l) => [l.id, l.gaps]));
    const staff = new Map([...(a.specs.centre?.staff.values() ?? [])].map((s) => [s.id, s.name]));
    reports(io, argv).emitAll('status', { asOf: run.asOf, learners: results.of(learners), gaps, staff, single: ids.length > 0, unit }, { ...run.render, detail: opts.detail });
    exit(fails(opts.failOn, a.diagnostics, () => learners.some((l) => l.status !== 'achieved')) ? EXIT.findings : EXIT.clean);
  });
}

export function gapsCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
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
    const { analysis: a, results } = await analyse(run.reader, { asOf: run.asOf, learners: ids.length ? ids : undefined, results: true, cache: run.cache, progress: run.progress, workers: run.workers });
    run.done();
    warnIfBroken(io, a);
    const learners = pickLearners(a, ids, opts);
    const ci = { prefix: relative(repositoryRoot(run.root), run.root).replace(/\\/g, '/'), version: VERSION };
    let gaps = learners.flatMap((l) => gapsOf(results.get(l.id)));
    if (opts.unit) {
      const unit = unitOption(a, opts.unit);
      gaps = gaps.filter((g) => g.unit === unit);
    }
    const names = new Map(learners.map((l) => [l.id, l.name]));
    const { emitAll, formatted, asked } = reports(io, argv);
    // Placing gaps in the files means parsing them again: only CI formats show places.
    const where = new Map();
    if (asked('gaps').some((f) => !PLACELESS.has(f))) {
      const { gapPosition } = await import('../pipeline/positions.js');
      for (const g of gaps) where.set(g, gapPosition(run.reader, a, g));
    }
    const outputs = emitAll('gaps', { asOf: run.asOf, gaps, names, learners: learners.map((l) => l.id), where, ci }, run.render);
    await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).gapsCi({ gaps, where }, { ...ci, summary: cohortLines(formatted, a, results, run.render) }));
    exit(fails(opts.failOn, a.diagnostics, () => learners.some((l) => l.status !== 'achieved')) ? EXIT.findings : EXIT.clean);
  });
}
