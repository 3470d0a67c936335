// The data of `folio report`: everything the static site shows, gathered from the same
// library calls the other commands make (status, gaps, records, the specifications, and from
// git: progress, history and verify). The HTML is written from this by render/html/, which
// computes nothing of its own; folio report only writes what it renders.
import { gapsOf, type Gap } from '../status/gaps.js';
import type { LearnerResult } from '../status/types.js';
import type { Qualification, Unit } from '../model/types.js';
import { UsageError } from '../usage-error.js';
import { idOf, type Assessment } from './assess.js';
import type { Centre } from './centre.js';
import { history, progress, verify, type Progress, type Timeline, type Verification } from './history.js';
import type { PortfolioRecords } from './records.js';
import { recordsReader } from './report-records.js';
import { selectLearners, specList, status } from './views.js';

/** Something the site shows only from git, or why it cannot. */
export type FromGit<T> = { available: true; value: T } | { available: false; reason: string };

/** One learner of the report: their status, gaps and record. */
export interface ReportLearner {
  result: LearnerResult;
  gaps: Gap[];
  /** Undefined when the portfolio could not be read again. */
  records?: PortfolioRecords;
  /** Days from the latest evidence date to the as-of day; undefined when no item is dated. */
  daysSinceEvidence?: number;
  timeline: FromGit<Timeline>;
}

/** What the report of a centre shows. */
export interface ReportData {
  asOf: string;
  centre: { name?: string; number?: string };
  /** With `at`: the revision read ("2026-03-13 (72ab85f4)"). */
  at?: string;
  /** Staff names by id. */
  staff: Map<string, string>;
  /** Withdrawn learners too (result.withdrawn set): the cohort page lists them apart. */
  learners: ReportLearner[];
  /** Learners whose portfolio cannot be read, with how many errors check reports in it. */
  unreadable: { id: string; errors: number }[];
  qualifications: Qualification[];
  units: Unit[];
  progress: FromGit<Progress>;
  verification: FromGit<Verification>;
}

/** Which learners a report covers. */
export interface ReportOptions {
  /** Only these learners (folder names); every learner when absent. */
  learners?: string[];
  /** Read the git history (progress, timelines, verify) when the centre has one. Default true. */
  git?: boolean;
}

/** Everything the report of an assessment shows. The centre is the one the assessment was made
 * of; its history is read when it is in a git repository. */
export async function report(centre: Centre, a: Assessment, opts: ReportOptions = {}): Promise<ReportData> {
  // Withdrawn learners too: the cohort page lists them apart, out of its figures.
  const chosen = selectLearners(a, { learners: opts.learners, all: true });
  const ids = chosen.map(idOf);
  const st = status(a, { learners: ids });
  const noGit = gitMissing(centre, opts.git);
  // The history is read up to the day the report stands for, so the same inputs give the same site.
  const until = a.asOf;
  const learners: ReportLearner[] = [];
  const summaries = new Map(chosen.map((s) => [idOf(s), s]));
  const recordsOf = recordsReader(a, centre.cache);
  for (const result of st.learners) {
    const summary = summaries.get(result.id);
    const rec = summary && recordsOf(summary);
    learners.push({
      result,
      // From the result in hand, as gaps() finds them: for a big cohort gaps() would read every
      // result back from the cache a second time.
      gaps: gapsOf(result),
      ...(rec ? { records: rec } : {}),
      ...(rec?.lastEvidence ? { daysSinceEvidence: daysBetween(rec.lastEvidence, a.asOf) } : {}),
      timeline: noGit ? { available: false, reason: noGit } : await fromGit(() => history(centre, result.id, { until })),
    });
  }
  const everyone = opts.learners === undefined;
  const prog: FromGit<Progress> = noGit ? { available: false, reason: noGit } : await fromGit(() => progress(centre, { until, learners: everyone ? undefined : ids }));
  const verification: FromGit<Verification> = noGit
    ? { available: false, reason: noGit }
    : centre.at
      ? { available: false, reason: 'verify checks the portfolios as they are in the working tree, and this report is of a past commit (--at)' }
      : await fromGit(() => verify(centre, { learners: everyone ? undefined : ids }));
  const specs = specList(a);
  return {
    asOf: a.asOf,
    centre: { ...(a.specs.centre?.name ? { name: a.specs.centre.name } : {}), ...(a.specs.centre?.number ? { number: a.specs.centre.number } : {}) },
    ...(centre.at ? { at: centre.at.label } : {}),
    staff: st.staff,
    learners,
    unreadable: everyone ? (st.unreadable ?? []) : [],
    qualifications: specs.qualifications,
    units: specs.units,
    progress: prog,
    verification,
  };
}

function gitMissing(centre: Centre, wanted: boolean | undefined): string | undefined {
  if (wanted === false) return 'the history was not asked for';
  if (centre.repository) return undefined;
  return 'the centre is not in a git repository';
}

// What git cannot give (a shallow clone, a setting verify refuses) is said on the page, not fatal.
async function fromGit<T>(f: () => Promise<T>): Promise<FromGit<T>> {
  try {
    return { available: true, value: await f() };
  } catch (e) {
    if (e instanceof UsageError) return { available: false, reason: e.message };
    throw e;
  }
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
