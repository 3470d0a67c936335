// What a run keeps of each learner, and how it goes to and comes back from the cache. The head
// (status, who, findings) is all a whole-centre check needs; the full result is read only
// when a report shows it.
import type { Diagnostic } from '../diagnostics.js';
import type { LearnerEntry } from '../load/files.js';
import type { Path } from '../model/types.js';
import type { LearnerResult, QualificationStatus, Results } from '../status/types.js';

export interface Head {
  entry: LearnerEntry;
  name: string;
  assessor?: string;
  uln?: string;
  status: QualificationStatus;
  /** How many gaps stand between the learner and achievement (the cohort table shows it). */
  gaps: number;
  /** Where each optional unit is chosen in the portfolio, for placing gaps in CI reports. */
  optionalUnits: { ref: string; path: Path }[];
}

export interface LearnerReport extends Head {
  readonly result: LearnerResult;
}

/** A report whose result is in memory, or read (again) each time it is asked for: a cohort
 * of thousands must not keep every result it has shown. */
export function report(head: Head, result: LearnerResult | (() => LearnerResult)): LearnerReport {
  if (typeof result !== 'function') return { ...head, result };
  return {
    ...head,
    get result() {
      return result();
    },
  };
}

export function resultsOf(reports: readonly LearnerReport[]): Results {
  return {
    length: reports.length,
    *[Symbol.iterator]() {
      for (const r of reports) yield r.result;
    },
  };
}
