// folio history LEARNER and folio progress: what the centre's git history says about one
// learner, commit by commit, and about the cohort, week by week or month by month.
import { Option, type Command } from 'commander';
import { formatsOf, history, progress } from '../index.js';
import { named, centreRun, reports, type Io } from './kit.js';

interface HistoryOptions {
  dir?: string;
  format: string;
  color: boolean;
  since?: string;
  until?: string;
  cache?: boolean;
}

export function historyCommands(program: Command, io: Io): void {
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
      const timeline = await history(run.centre, id, { since: opts.since, until: opts.until });
      reports(io).emit('history', opts.format, timeline, run.render);
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
      const p = await progress(run.centre, { by: opts.by, since: opts.since, until: opts.until, learners: named(ids), progress: run.progress });
      run.done();
      reports(io).emit('progress', opts.format, p, run.render);
    });
}
