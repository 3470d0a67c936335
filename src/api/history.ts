// What the centre's git history says: one learner commit by commit (history), the cohort
// period by period (progress), and whether each decision was committed by the staff member
// it names (verify). Each needs the centre's repository, found once by openCentre.
import { dayOption } from '../dates.js';
import { listLearners } from '../load/files.js';
import type { CheckReport } from '../render/check.js';
import { VERSION } from '../version.js';
import { today, type Centre } from './centre.js';
import { UsageError } from '../usage-error.js';
import { noSuchLearner } from './suggest.js';
import { plural } from '../text.js';

/** One learner's record commit by commit (the data of history's formats). */
export type Timeline = import('../history/timeline.js').Timeline;
/** The cohort period by period (the data of progress's formats). */
export type Progress = import('../history/progress.js').Progress;
/** A period of progress: a week or a month. */
export type By = import('../history/progress.js').By;
/** What verify found: findings, and counts of portfolios and records. */
export type VerifyResult = import('../verify/index.js').VerifyResult;

/** One learner's record commit by commit: criteria met, decisions, sign-offs, IQA, with date,
 * commit and author. since and until are days (YYYY-MM-DD), both included. */
export async function history(centre: Centre, learner: string, opts: { since?: string; until?: string } = {}): Promise<Timeline> {
  const [entry] = listLearners(centre.reader, [learner]);
  if (!entry) throw new UsageError(noSuchLearner([learner], centre.reader));
  const since = dayOption('--since', opts.since);
  const until = dayOption('--until', opts.until);
  const { learnerHistory } = await import('../history/timeline.js');
  return learnerHistory(centre, entry, { since: since && `${since} 00:00:00`, until: until && `${until} 23:59:59` });
}

/** The periods and learners progress covers. */
export interface ProgressOptions {
  /** One column per week or month. Default: month. */
  by?: By;
  /** From this day; default: the centre's first commit. */
  since?: string;
  /** To this day; default: today. */
  until?: string;
  /** Only these learners (folder names). */
  learners?: string[];
  progress?: (done: number, total: number) => void;
}

/** The cohort over time: criteria met and units achieved at the end of each week or month. */
export async function progress(centre: Centre, opts: ProgressOptions = {}): Promise<Progress> {
  const since = dayOption('--since', opts.since);
  const until = dayOption('--until', opts.until) ?? today();
  if (since && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const { cohortProgress } = await import('../history/progress.js');
  return cohortProgress(centre, { by: opts.by ?? 'month', since, until, learners: opts.learners, cache: centre.cache, progress: opts.progress });
}

/** Whose records verify checks, and how strictly. */
export interface VerifyOptions {
  /** Only these learners (folder names); every learner when absent. */
  learners?: string[];
  /** Also require every commit behind a record to be signed by the staff member it names. */
  signed?: boolean;
  progress?: (done: number, total: number) => void;
}

/** What verify found, and the report in check's shape (every check format reads it). */
export interface Verification extends VerifyResult {
  report: CheckReport;
}

/** Check that each decision, sign-off and IQA record was committed by the staff member it
 * names. Throws UsageError when verify cannot run (no git, no centre file, unknown learner). */
export async function verify(centre: Centre, opts: VerifyOptions = {}): Promise<Verification> {
  const { verifyCentre, VerifyError } = await import('../verify/index.js');
  let v: VerifyResult;
  try {
    v = verifyCentre({ root: centre.root, location: centre.repository || centre.noRepository ? centre : undefined, reader: centre.reader, learners: opts.learners, signed: opts.signed, progress: opts.progress });
  } catch (e) {
    if (e instanceof VerifyError) throw new UsageError(e.message);
    throw e;
  }
  const errors = v.diagnostics.filter((d) => d.severity === 'error').length;
  const summary = { files: v.portfolios, errors, warnings: v.diagnostics.length - errors };
  return { ...v, report: { diagnostics: v.diagnostics, summary, ci: { prefix: v.prefix, version: VERSION, command: 'verify' }, closing: closingLine(v) } };
}

/** With signed: which signature programs git will run, and where that choice comes from (to
 * show before verify runs them); undefined outside a repository. */
export async function signaturePrograms(centre: Centre): Promise<string | undefined> {
  return (await import('../verify/programs.js')).signaturePrograms(centre);
}

/** "Verified 132 records in 6 portfolios: 2 problems." */
function closingLine(v: VerifyResult): string {
  const records = v.verified === v.records ? plural(v.records, 'record') : `${v.verified} of ${plural(v.records, 'record')}`;
  const problems = v.diagnostics.length === 0 ? 'no problems' : plural(v.diagnostics.length, 'problem');
  return `Verified ${records} in ${plural(v.portfolios, 'portfolio')}: ${problems}.`;
}
