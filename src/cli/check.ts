// folio check: every problem in the centre's files, in one run, in the formats CI tools read;
// or, with --changed-since or --staged, in what a change touches and every learner it can
// affect.
import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { assess, check, notAchieved, type Selection } from '../index.js';
import { summaryLine } from '../render/check.js';
import { centreRun, commonOptions, exitCode, reports, UsageError, type Common, type Io } from './kit.js';
import { cohortLines, stepSummary } from './summary.js';

interface CheckOptions extends Common {
  changedSince?: string;
  staged?: boolean;
}

export function checkCommand(program: Command, io: Io, exit: (code: number) => void): void {
  commonOptions(
    program
      .command('check')
      .argument('[paths...]', 'only report on these files or folders')
      .description('validate every file of the centre and report every problem')
      .option('--changed-since <rev>', 'only the portfolios changed since REV (on this branch), and every learner a changed spec or centre file can affect')
      .option('--staged', 'only what is staged for the next commit, as staged (for a pre-commit hook)'),
    'check',
    'error',
  ).action(async (paths: string[], opts: CheckOptions) => {
    if (opts.staged && opts.changedSince !== undefined) throw new UsageError('--staged and --changed-since each choose what to check: give one of them');
    if ((opts.staged || opts.changedSince !== undefined) && opts.at !== undefined) throw new UsageError(`--at reads a past commit; --changed-since and --staged check what changed since one: give one or the other`);
    const run = await centreRun(io, opts);
    // Full results only for GitHub's job summary, which shows the cohort's status.
    const results = Boolean(io.env.GITHUB_STEP_SUMMARY);
    const a = await assess(run.centre, { asOf: run.asOf, changedSince: opts.changedSince, staged: opts.staged, results, progress: run.progress, workers: run.workers });
    run.done();
    if (a.changes) io.stderr(`${selectionLine(a.changes.selection, opts.staged ? 'staged' : `changed since ${opts.changedSince}`)}\n`);
    // with -C, paths are taken from that folder, as git -C does
    const data = check(a, { paths, cwd: opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd });
    const { emitAll, formatted } = reports(io);
    const outputs = emitAll('check', opts, data, run.render);
    await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).checkCi(data, { ...data.ci!, summary: cohortLines(formatted, a, run.render) }));
    if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${summaryLine(data.summary)}\n`);
    exit(exitCode(io, opts.failOn, data.diagnostics, notAchieved(a).length));
  });
}

function selectionLine(s: Selection, what: string): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const count = (why: string) => [...s.why.values()].filter((w) => w === why).length;
  const parts = [
    count('changed') && `${n(count('changed'))} ${what}`,
    count('spec') && `${n(count('spec'))} using a changed spec`,
    count('centre') && `${n(count('centre'))} because the centre file changed`,
    count('uln') && `${n(count('uln'))} sharing a ULN with one of them`,
  ].filter(Boolean);
  const specs = s.files.length ? `, and ${n(s.files.length)} changed spec or centre file${s.files.length === 1 ? '' : 's'}` : '';
  return `Checking ${n(s.learners.length)} of ${n(s.of)} portfolios${parts.length ? ` (${parts.join('; ')})` : ''}${specs}.`;
}
