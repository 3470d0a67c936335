// folio report -o DIR: the static HTML site of the centre (cohort, learners, units,
// verification) for people who will not run a terminal. The library gathers the data and
// writes the site; this parses the flags and says where it went.
import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { assess, report, writeSite, UsageError } from '../index.js';
import { named, centreRun, type Io } from './kit.js';
import { plural } from '../text.js';

interface ReportFlags {
  dir?: string;
  output?: string;
  at?: string;
  asOf?: string;
  color: boolean;
  cache?: boolean;
  copyEvidence?: boolean;
  git?: boolean;
}

export function reportCommand(program: Command, io: Io): void {
  program
    .command('report')
    .argument('[learners...]', 'only these learners (folder names); every learner when none')
    .description('a static HTML site of the cohort, each learner, each unit and verify, readable offline')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)')
    .option('-o, --output <dir>', 'the folder to write the site into (new, empty, or an earlier report)')
    .option('--as-of <date>', 'the date "today" means (YYYY-MM-DD), for reproducible reports')
    .option('--at <rev>', 'the centre as committed at a commit, tag, branch or day (YYYY-MM-DD: the last commit on or before it)')
    .option('--copy-evidence', 'copy the evidence files into the site (a handover pack) rather than link to them')
    .option('--no-git', 'leave out what comes from the git history (timelines, burn-up, verify)')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--no-cache', 'neither read nor write the cache in .folio-cache/')
    .action(async (ids: string[], opts: ReportFlags) => {
      if (!opts.output) throw new UsageError('report needs -o DIR: the folder to write the site into, e.g. folio report -o site');
      if (opts.copyEvidence && opts.at !== undefined) throw new UsageError('--copy-evidence copies the files as they are in the working tree, and --at reads a past commit: give one of them');
      const run = await centreRun(io, { dir: opts.dir, at: opts.at, asOf: opts.asOf, color: opts.color, cache: opts.cache });
      const a = await assess(run.centre, { asOf: run.asOf, learners: named(ids), progress: run.progress, workers: run.workers });
      run.done();
      const data = await report(run.centre, a, { learners: named(ids), git: opts.git });
      const out = writeSite(data, resolvePath(io.cwd, opts.output), { root: a.root, copyEvidence: opts.copyEvidence });
      const extra = [out.copied ? `${plural(out.copied, 'evidence file')} copied` : '', out.removed ? `${plural(out.removed, 'old file')} removed` : ''].filter(Boolean).join(', ');
      io.stderr(`folio: wrote ${plural(out.pages, 'page')} to ${out.dir}${extra ? ` (${extra})` : ''}; open ${out.dir}/index.html\n`);
    });
}
