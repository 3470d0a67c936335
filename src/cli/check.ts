// folio check: every problem in the centre's files, in one run, in the formats CI tools read;
// or, with --changed-since or --staged, in what a change touches and every learner it can
// affect.
import type { Command } from 'commander';
import { relative, resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { analyse, type Analysis, type ResultStore } from '../pipeline/index.js';
import { summaryLine } from '../render/check.js';
import { centreRun, commonOptions, EXIT, fails, reports, repositoryRoot, UsageError, VERSION, type CentreRun, type Common, type Io } from './kit.js';
import { cohortLines, stepSummary } from './summary.js';

interface CheckOptions extends Common {
  changedSince?: string;
  staged?: boolean;
}

export function checkCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
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
    const summaryWanted = Boolean(io.env.GITHUB_STEP_SUMMARY);
    const pipeline = { asOf: run.asOf, cache: run.cache, progress: run.progress, workers: run.workers, results: summaryWanted };
    let a: Analysis;
    let results: ResultStore;
    let counted: { files: string[]; keep: (d: Diagnostic) => boolean } | undefined;
    if (opts.staged || opts.changedSince !== undefined) {
      const [{ changedSince }, { analyseChanged }] = await Promise.all([import('../pipeline/repository.js'), import('../pipeline/changed.js')]);
      const changed = changedSince(run.root, { since: opts.changedSince, staged: opts.staged, hook: Boolean(io.env.GIT_INDEX_FILE) });
      const reader = changed.reader ?? run.reader;
      const c = await analyseChanged(reader, changed, { ...pipeline, cache: opts.staged ? undefined : run.cache });
      a = c.analysis;
      results = c.results;
      counted = { files: c.files, keep: c.keep };
      run.done();
      io.stderr(`${selectionLine(c.selection, opts.staged ? 'staged' : `changed since ${opts.changedSince}`)}\n`);
    } else {
      ({ analysis: a, results } = await analyse(run.reader, pipeline));
      run.done();
    }
    await report(io, argv, run, a, results, paths, counted, exit, opts);
  });
}

async function report(io: Io, argv: string[], run: CentreRun, a: Analysis, results: ResultStore, paths: string[], counted: { files: string[]; keep: (d: Diagnostic) => boolean } | undefined, exit: (code: number) => void, opts: CheckOptions) {
  const { root, render } = run;
  const wanted = paths.map((p) => resolvePath(io.cwd, p).slice(root.length + 1).replace(/\\/g, '/'));
  const covers = (w: string, file: string) => w === '' || file === w || file.startsWith(`${w}/`);
  const keep = (file: string) => !wanted.length || wanted.some((w) => covers(w, file));
  const nowhere = paths.filter((p, i) => !a.files.some((file) => covers(wanted[i]!, file)));
  if (nowhere.length) throw new UsageError(`${nowhere.join(', ')}: no file of the centre at ${root} is there (paths are taken from the current folder)`);
  const diagnostics = a.diagnostics.filter((d) => keep(d.file) && (!counted || counted.keep(d)));
  const files = (counted ? counted.files : a.files).filter(keep).length;
  const summary = { files, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
  const ci = { prefix: relative(repositoryRoot(root), root).replace(/\\/g, '/'), version: VERSION };
  const data = { diagnostics, summary, ci };
  const { emitAll, formatted } = reports(io, argv);
  const outputs = emitAll('check', data, render);
  await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).checkCi(data, { ...ci, summary: cohortLines(formatted, a, results, render) }));
  if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${summaryLine(summary)}\n`);
  exit(fails(opts.failOn, diagnostics, () => a.learners.some((l) => l.status !== 'achieved')) ? EXIT.findings : EXIT.clean);
}

function selectionLine(s: import('../pipeline/affected.js').Selection, what: string): string {
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
