// Where an analysis keeps each learner's full result until a report reads it. The analysis
// itself is plain data (summaries, diagnostics); full results are many times larger, so a
// report over a cohort of thousands reads them one at a time from here as it goes: from
// memory, or for a big cohort with a cache, back from the cache (an entry gone by then is
// assessed again). What is read is the same either way; only where it waits differs.
import type { LearnerResult, Results } from '../status/types.js';

export class ResultStore {
  private kept = new Map<string, LearnerResult | (() => LearnerResult)>();

  /** Whether results were kept at all: analyse keeps them when asked to (results: true). */
  constructor(readonly keeping: boolean) {}

  /** A learner's result, or how to read it back when a report asks for it. */
  keep(id: string, result: LearnerResult | (() => LearnerResult)): void {
    if (this.keeping) this.kept.set(id, result);
  }

  /** One learner's full result. Only results asked for are kept: reading one that was not
   * (analyse without results: true) is a mistake in the caller, not a finding. */
  get(id: string): LearnerResult {
    const r = this.kept.get(id);
    if (r === undefined) throw new Error(`no result of ${id} is kept: analyse with results: true, and ask only for learners it assessed`);
    return typeof r === 'function' ? r() : r;
  }

  /** The results of these learners (from the analysis), in their order, each read as the
   * iteration reaches it: a report may walk them more than once. */
  of(learners: readonly { id: string }[]): Results {
    const get = (id: string) => this.get(id);
    return {
      length: learners.length,
      *[Symbol.iterator]() {
        for (const l of learners) yield get(l.id);
      },
    };
  }
}
