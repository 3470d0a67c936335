// The quality cycle on the command line: folio iqa plan and folio iqa due. They join the iqa
// command that the recording commands made (folio iqa record), so `folio iqa` lists all three.
import { Option, type Command } from 'commander';
import { assess, format, iqaDue, iqaPlan, loadPlan, writePlan, type Assessment, type PlanFile } from '../index.js';
import type { RenderOptions } from '../render/style.js';
import { centreRun, EXIT, sub, type Io } from './kit.js';

interface Flags {
  dir?: string;
  asOf?: string;
  at?: string;
  format: 'table' | 'csv' | 'json';
  color: boolean;
}

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--as-of <date>', 'the date "today" means (YYYY-MM-DD)')
    .option('--at <rev>', 'the centre as committed at a commit, tag, branch or day')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('--no-color', 'no colour');
}

export function qualityCommands(program: Command, io: Io, exit: (code: number) => void): void {
  const iqa = sub(program, 'iqa', 'internal quality assurance');
  iqa.description('internal quality assurance: plan a sample, see what is due, record a sampling decision');

  common(
    iqa
      .command('plan')
      .description("a sample of the assessors' decisions from the centre's sampling strategy, written to iqa/plans/")
      .option('--from <date>', 'leave out decisions dated before this day (default: all)')
      .option('--id <id>', 'the plan id, which names its file (default: the as-of date)')
      .option('--dry-run', 'show the plan and write no file'),
  ).action(async (o: Flags & { from?: string; id?: string; dryRun?: boolean }) => {
    const r = await centreRun(io, { dir: o.dir, asOf: o.asOf, at: o.at, cache: false, color: o.color, repository: o.at !== undefined });
    const a = await assess(r.centre, { rules: false });
    r.done();
    const p = iqaPlan(a, { from: o.from, id: o.id });
    // A plan made from a past commit describes that commit; it is shown, never written.
    const written = o.dryRun || r.centre.at ? null : writePlan(r.centre, p);
    io.stdout(format('iqa plan', o.format, { id: p.id, file: p.file, plan: p.plan, written }, r.render));
  });

  common(
    iqa
      .command('due')
      .description('what a sample plan asks for that has no IQA record yet, by IQA')
      .argument('[plan]', 'the plan id (default: the last in iqa/plans/)'),
  ).action(async (id: string | undefined, o: Flags) => {
    const r = await centreRun(io, { dir: o.dir, asOf: o.asOf, at: o.at, cache: false, color: o.color, repository: o.at !== undefined });
    const a = await assess(r.centre, { rules: false });
    r.done();
    const plan = planOrFindings(a, id, io, r.render, exit);
    if (plan) io.stdout(format('iqa due', o.format, iqaDue(a, plan), r.render));
  });
}

/** The plan of that id (default: the last), or undefined after its findings are printed in check's
 * format on stderr and the exit code set: iqa due and eqa pack both start from a plan. */
export function planOrFindings(a: Assessment, id: string | undefined, io: Io, render: RenderOptions, exit: (code: number) => void): PlanFile | undefined {
  const loaded = loadPlan(a, id);
  if (loaded.diagnostics.length) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(format('check', 'table', { diagnostics: loaded.diagnostics, summary: { files: 1, errors, warnings: loaded.diagnostics.length - errors } }, render));
  }
  if (!loaded.plan) exit(EXIT.findings);
  return loaded.plan;
}
