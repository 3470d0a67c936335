// Assessing a centre: every learner (or some) through the one pipeline, as of a day. This is
// the only place the public API calls analyse() (addLearner comes through here too); check,
// status and gaps are views over the Assessment it returns. What an Assessment holds beyond plain data (the model's lookups,
// the positions of gaps) stays here, out of the result.
import type { Diagnostic } from '../diagnostics.js';
import { buildIndex, type Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import { analyse, type Analysed, type Analysis } from '../pipeline/index.js';
import type { Gap } from '../status/gaps.js';
import type { LearnerResult, LearnerSummary, Results } from '../status/types.js';
import { asOfFor, type Centre } from './centre.js';
import { UsageError } from '../usage-error.js';
import { noSuchLearner } from './suggest.js';

/** One learner of an assessment: who they are, their status and their gaps; `status()` and
 * `gaps()` give their full results. */
export type { LearnerSummary } from '../status/types.js';
/** The learners a change can affect, and why each is checked. */
export type Selection = import('../pipeline/affected.js').Selection;

/** What to assess, and as of when. */
export interface AssessOptions {
  /** The day "today" means (YYYY-MM-DD). Default: the revision's day with `at`, else today. */
  asOf?: string;
  /** Only these learners (folder names); the whole centre when absent. */
  learners?: string[];
  /** Only what a change can affect: the portfolios changed since this revision (from where
   * this branch left it) and every learner a changed spec or centre file can affect. */
  changedSince?: string;
  /** Only what is staged: the centre must be opened with `staged`. */
  staged?: boolean;
  /** Keep every learner's full result (status, gaps). Default true; a check needs only heads. */
  results?: boolean;
  /** Run the cross-file rules and keep their findings. Default true. */
  rules?: boolean;
  /** Worker threads: a number, or "0" for none; automatic when absent. */
  workers?: string | number;
  /** Called after each learner, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/** A centre as assessed on a day. */
export interface Assessment {
  /** The centre's folder, and its folder in the repository as CI paths give it. */
  root: string;
  prefix: string;
  asOf: string;
  /** The unit and qualification specifications and the centre file, as read. */
  specs: Specs;
  /** Learners whose portfolio loaded, in folder-name order, with their results. */
  learners: LearnerSummary[];
  /** Learners whose portfolio could not be read (their findings say why). */
  unreadable: string[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Every file read. */
  files: string[];
  /** How many learners came from the cache. */
  cached: number;
  /** With changedSince or staged: which learners were checked and why, and the files whose
   * findings count. */
  changes?: { selection: Selection; files: string[] };
}

interface Inner {
  analysis: Analysis;
  results: Analysed['results'];
  /** Only some learners were assessed (learners, changedSince or staged). */
  scoped: boolean;
  reader: Centre['reader'];
  index?: Index;
  keep?: (d: Diagnostic) => boolean;
}

// What the views need and a plain result does not carry.
const inner = new WeakMap<Assessment, Inner>();

/** The analysis behind an assessment (for the views in this folder). */
export function innerOf(a: Assessment): Inner {
  const i = inner.get(a);
  if (!i) throw new TypeError('not an Assessment returned by assess()');
  return i;
}

// The views below reach a learner's id, results and places only through these, so a change in
// what analyse() returns is met here alone.

/** The model's lookups of an assessment: units by number or alias, qualifications. */
export function indexOf(a: Assessment): Index {
  const i = innerOf(a);
  return (i.index ??= buildIndex(i.analysis.specs));
}

/** A learner's id (their folder name). */
export function idOf(l: LearnerSummary): string {
  return l.id;
}

/** A learner's full results (read back from the cache for a large cohort). */
export function resultOf(a: Assessment, l: LearnerSummary): LearnerResult {
  return innerOf(a).results.get(l.id);
}

/** The full results of these learners, read one at a time as a report goes. */
export function resultsFor(a: Assessment, learners: readonly LearnerSummary[]): Results {
  return innerOf(a).results.of(learners);
}

/** Where a gap shows in the files: the learner's entry for its unit, else their qualification. */
export async function placeOf(a: Assessment, gap: Gap): Promise<{ file: string; line: number; column: number }> {
  const i = innerOf(a);
  // The positions module loads the YAML parser: only a report that places gaps pays for it.
  const { gapPosition } = await import('../pipeline/positions.js');
  return gapPosition(i.reader, i.analysis, gap);
}

/** Assess a centre: specs once, then each learner, then the cohort's rules. */
export async function assess(centre: Centre, opts: AssessOptions = {}): Promise<Assessment> {
  const asOf = asOfFor(centre, opts.asOf);
  const pipeline = { asOf, learners: opts.learners, results: opts.results ?? true, rules: opts.rules, cache: centre.cache, progress: opts.progress, workers: opts.workers === undefined ? undefined : String(opts.workers) };
  if (opts.staged && !centre.staged) throw new UsageError('staged: open the centre with staged: true to check what is staged');
  if (opts.staged || opts.changedSince !== undefined) {
    if (opts.staged && opts.changedSince !== undefined) throw new UsageError('--staged and --changed-since each choose what to check: give one of them');
    const [{ changedSince }, { analyseChanged }] = await Promise.all([import('../pipeline/repository.js'), import('../pipeline/changed.js')]);
    const changed = changedSince(centre, { since: opts.changedSince, staged: opts.staged, hook: centre.hookIndex });
    const c = await analyseChanged(centre.reader, changed, { ...pipeline, learners: undefined, cache: opts.staged ? undefined : centre.cache });
    return wrap(centre, c, true, { selection: c.selection, files: c.files }, c.keep);
  }
  const a = wrap(centre, await analyse(centre.reader, pipeline), opts.learners !== undefined);
  // A learner named but not found is a mistake in the call, not an empty cohort.
  const unknown = (opts.learners ?? []).filter((id) => !a.unreadable.includes(id) && !a.learners.some((l) => l.id === id));
  if (unknown.length) throw new UsageError(noSuchLearner(unknown, centre.reader));
  return a;
}

function wrap(centre: Centre, { analysis, results }: Analysed, scoped: boolean, changes?: Assessment['changes'], keep?: (d: Diagnostic) => boolean): Assessment {
  const { specs, asOf, learners, unreadable, diagnostics, files, cached } = analysis;
  const a: Assessment = { root: centre.root, prefix: centre.prefix, asOf, specs, learners, unreadable, diagnostics, files, cached, ...(changes ? { changes } : {}) };
  inner.set(a, { analysis, results, scoped, reader: centre.reader, keep });
  return a;
}
