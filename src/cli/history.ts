// folio history LEARNER and folio progress: what the centre's git history says about one
// learner, commit by commit, and about the cohort, week by week or month by month.
import { Option, type Command } from 'commander';
import { listLearners } from '../load/files.js';
import { today } from '../pipeline/index.js';
import { formatsOf } from '../render/registry.js';
import { centreRun, dateFlag, reports, UsageError, type Io } from './kit.js';

interface HistoryOptions {
  dir?: string;
  format: string;
  color: boolean;
  since?: string;
  until?: string;
  cache?: boolean;
}

export function historyCommands(program: Command, io: Io, argv: string[]): void {
  program
    .command('history')
    .argument('<learner>', "the learner's id (their folder name now; earlier names are followed)")
    .description("the learner's record commit by commit: criteria met, decisions, sign-offs, IQA, with date, commit and author")
    .option('-C, --dir <dir>', 'the centre repository')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('history')).default('table'))
    .option('--since <date>', 'only commits on or after this day')
    .option('--until <date>', 'only commits on or before this day')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (id: string, opts: HistoryOptions) => {
      const run = await centreRun(io, { dir: opts.dir, color: opts.color, cache: false });
      const [entry] = listLearners(run.reader, [id]);
      if (!entry) throw new UsageError(`no learner ${id} in portfolios/: a learner is named by the folder that holds their portfolio.yaml now`);
      const { learnerHistory } = await import('../history/timeline.js');
      const since = dateFlag('since', opts.since);
      const until = dateFlag('until', opts.until);
      const timeline = learnerHistory(run.root, entry, { since: since && `${since} 00:00:00`, until: until && `${until} 23:59:59` });
      reports(io, argv).emit('history', opts.format, timeline, run.render);
    });

  program
    .command('progress')
    .argument('[learners...]', 'only these learners (folder names)')
    .description('the cohort over time: criteria met and units achieved at the end of each week or month, from the git history')
    .option('-C, --dir <dir>', 'the centre repository')
    .addOption(new Option('--by <period>', 'one column per week or month').choices(['week', 'month']).default('month'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('progress')).default('table'))
    .option('--since <date>', 'from this day (default: the centre\'s first commit)')
    .option('--until <date>', 'to this day (default: today)')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--no-cache', 'neither read nor write the cache in .folio-cache/')
    .action(async (ids: string[], opts: HistoryOptions & { by: 'week' | 'month' }) => {
      const run = await centreRun(io, { dir: opts.dir, color: opts.color, cache: opts.cache });
      const since = dateFlag('since', opts.since);
      const until = dateFlag('until', opts.until) ?? today();
      if (since && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
      const { cohortProgress } = await import('../history/progress.js');
      const progress = await cohortProgress(run.root, { by: opts.by, since, until, learners: ids.length ? ids : undefined, cache: run.cache, progress: run.progress });
      run.done();
      reports(io, argv).emit('progress', opts.format, progress, run.render);
    });
}
