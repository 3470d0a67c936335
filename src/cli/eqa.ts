// folio eqa pack: the folder handed to an external quality assurer for a visit, from a sample
// plan committed in iqa/plans/. The library builds and writes it; this parses the flags and
// says where it went, and how many IQA records came before their plan.
import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { assess, eqaPack, UsageError, writePack } from '../index.js';
import { plural } from '../text.js';
import { centreRun, type Io } from './kit.js';
import { planOrFindings } from './quality.js';

interface Flags {
  dir?: string;
  output?: string;
  asOf?: string;
  at?: string;
  color: boolean;
}

export function eqaCommands(program: Command, io: Io, exit: (code: number) => void): void {
  const eqa = program.command('eqa').description('external quality assurance: the pack for an EQA visit');
  eqa
    .command('pack')
    .description('a folder for an EQA: the sample plan, the sampled decisions with their evidence, the IQA records and the commit that recorded each (index.html and CSV)')
    .argument('[plan]', 'the plan id (default: the last in iqa/plans/)')
    .option('-o, --output <dir>', 'the folder to write the pack into (new, empty, or an earlier pack)')
    .option('--as-of <date>', 'the date "today" means (YYYY-MM-DD): records dated later are left out')
    .option('--at <rev>', 'the centre as committed at a commit, tag, branch or day (YYYY-MM-DD: the last commit on or before it)')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (id: string | undefined, o: Flags) => {
      if (!o.output) throw new UsageError('eqa pack needs -o DIR: the folder to write the pack into, e.g. folio eqa pack -o eqa-visit');
      const r = await centreRun(io, { dir: o.dir, asOf: o.asOf, at: o.at, cache: false, color: o.color });
      const a = await assess(r.centre, { rules: false });
      r.done();
      const plan = planOrFindings(a, id, io, r.render, exit);
      if (!plan) return;
      const pack = eqaPack(r.centre, a, plan);
      const out = writePack(pack, resolvePath(io.cwd, o.output));
      const s = pack.summary;
      io.stderr(`folio: wrote the EQA pack of plan ${pack.plan.id} (${plural(s.samples, 'sample')}, ${plural(s.decisions, 'sampled decision')}, ${plural(s.iqaRecords, 'IQA record')}) to ${out.dir}${out.removed ? ` (${plural(out.removed, 'old file')} removed)` : ''}; open ${out.dir}/index.html\n`);
      if (!pack.git) io.stderr('folio: the centre is not in a git repository: every commit in the pack reads "unknown".\n');
      if (s.beforePlan) io.stderr(`folio: ${plural(s.beforePlan, 'IQA record')} ${s.beforePlan === 1 ? 'was' : 'were'} committed before the plan asked for ${s.beforePlan === 1 ? 'it' : 'them'}: see "before the plan" in the pack.\n`);
    });
}
