// What rules receive. A rule looks at the specs once per run, at one learner at a time (so a
// centre of thousands of learners never has to be in memory at once, and a learner's findings
// can be cached with its status), or at what every learner left behind for cross-learner
// checks.
import type { Code, Finding, MessageData } from '../diagnostics.js';
import type { Index } from '../model/index.js';
import type { Learner, Loc, Specs } from '../model/types.js';
import type { LearnerResult, LearnerSummary } from '../status/types.js';

/** What a rule about the specs sees: no date, since what the specs say does not depend on one
 * (their findings are cached by the specs' content alone). */
export interface SpecsOnly {
  specs: Specs;
  index: Index;
}

export interface SpecContext extends SpecsOnly {
  asOf: string;
}

export interface LearnerContext extends SpecContext {
  /** The portfolio as written: every record, whatever its date. */
  learner: Learner;
  /** The portfolio as it stood on the as-of date (model/as-of.ts): what the status engine
   * judges, and so what rules that judge verdicts must judge too. */
  record: Learner;
  /** The status engine's result for this learner, shared with the status stage. */
  result: LearnerResult;
}


export interface Rule {
  name: string;
  codes: Code[];
  specs?(ctx: SpecsOnly): Finding[];
  learner?(ctx: LearnerContext): Finding[];
  /** Checks across learners, on what each learner's assessment left (see LearnerSummary). */
  cohort?(learners: readonly LearnerSummary[]): Finding[];
}

/** Which message of its code a finding is, and the values it is written from (diagnostics.ts). */
export interface Said<D extends MessageData> {
  id: string;
  data: D;
}

/** A finding at a place in the model: its message is written from its data, by the rule that
 * finds it, so the wording stays next to the check and the data is all it says. */
export function at<D extends MessageData>(code: Code, loc: Loc, said: Said<D>, text: (d: D) => string, opts: { key?: boolean; sub?: (string | number)[] } = {}): Finding {
  return { code, messageId: said.id, data: said.data, message: text(said.data), target: { file: loc.file, path: [...loc.path, ...(opts.sub ?? [])], key: opts.key } };
}
