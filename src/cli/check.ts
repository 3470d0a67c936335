// folio check: every problem in the centre's files, in one run, in the formats CI tools read.
import type { Command } from 'commander';
import { relative, resolve as resolvePath } from 'node:path';
import { analyse } from '../pipeline/index.js';
import { summaryLine } from '../render/check.js';
import { centreRun, commonOptions, EXIT, fails, reports, repositoryRoot, UsageError, VERSION, type Common, type Io } from './kit.js';
import { cohortLines, stepSummary } from './summary.js';

export function checkCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
  commonOptions(program.command('check').argument('[paths...]', 'only report on these files or folders').description('validate every file of the centre and report every problem'), 'check', 'error').action(
    async (paths: string[], opts: Common) => {
      const run = centreRun(io, opts);
      const { root, reader, asOf, render } = run;
      const summaryWanted = Boolean(io.env.GITHUB_STEP_SUMMARY);
      const a = await analyse(reader, { asOf, cache: run.cache, progress: run.progress, workers: run.workers, results: summaryWanted });
      run.done();
      const wanted = paths.map((p) => resolvePath(io.cwd, p).slice(root.length + 1).replace(/\\/g, '/'));
      const covers = (w: string, file: string) => w === '' || file === w || file.startsWith(`${w}/`);
      const keep = (file: string) => !wanted.length || wanted.some((w) => covers(w, file));
      const nowhere = paths.filter((p, i) => !a.files.some((file) => covers(wanted[i]!, file)));
      if (nowhere.length) throw new UsageError(`${nowhere.join(', ')}: no file of the centre at ${root} is there (paths are taken from the current folder)`);
      const diagnostics = a.diagnostics.filter((d) => keep(d.file));
      const files = a.files.filter(keep).length;
      const summary = { files, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
      const ci = { prefix: relative(repositoryRoot(root), root).replace(/\\/g, '/'), version: VERSION };
      const report = { diagnostics, summary, ci };
      const { emitAll, formatted } = reports(io, argv);
      const outputs = emitAll('check', report, render);
      await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).checkCi(report, { ...ci, summary: cohortLines(formatted, a, render) }));
      if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${summaryLine(summary)}\n`);
      exit(fails(opts.failOn, diagnostics, () => a.learners.some((l) => l.status !== 'achieved')) ? EXIT.findings : EXIT.clean);
    },
  );
}
