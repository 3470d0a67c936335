// Claims for certification in the library: who and what is ready to claim (claims/ready.ts on
// each learner of an assessment, with check's findings and the committed sample plans), and
// recording a claim, or its certificate, through the one writing core.
import type { Diagnostic } from '../diagnostics.js';
import { claimEntries, type BeforeClaim, type ClaimEntry } from '../claims/ready.js';
import { indexOf, resultOf, type Assessment } from './assess.js';
import { learnersOf, loadPlan, planIds } from './iqa.js';

export type { BeforeClaim, ClaimEntry, ClaimOf, NotReady } from '../claims/ready.js';
export { reasonText } from '../claims/ready.js';

/** claim ready's data: every learner's entries, ready or not, as of the claim date. */
export interface ClaimReady {
  asOf: string;
  /** The date a claim made now carries (the as-of day). */
  date: string;
  beforeClaim: BeforeClaim;
  /** The sample plans read, with before-claim: sampled. */
  plans: string[];
  /** Every entry, by learner; ready ones have no reasons. */
  entries: ClaimEntry[];
  /** Learners whose portfolio cannot be read (folio check says why): nothing of theirs is ready. */
  unreadable: string[];
}

export interface ClaimReadyOptions {
  /** Only these learners (folder names). */
  learners?: string[];
  /** Also unit certificates for learners still in learning (withdrawn learners' units are
   * always listed). */
  inLearning?: boolean;
}

/** What the centre may claim now. The assessment must have been made with rules (check's
 * findings): an error in a portfolio keeps its learner out. */
export function claimReady(a: Assessment, opts: ClaimReadyOptions = {}): ClaimReady {
  const beforeClaim: BeforeClaim = a.specs.centre?.sampling?.beforeClaim ?? 'all';
  const index = indexOf(a);
  const { sampled, plans, unreadable: badPlans } = beforeClaim === 'sampled' ? samplesOf(a) : { sampled: new Map<string, Map<string, string[]>>(), plans: [], unreadable: [] };
  const models = learnersOf(a);
  const wanted = opts.learners ? new Set(opts.learners) : undefined;
  const entries: ClaimEntry[] = [];
  for (const s of a.learners) {
    if (wanted && !wanted.has(s.id)) continue;
    const learner = models.get(s.id);
    if (!learner) continue;
    entries.push(...claimEntries({ result: resultOf(a, s), learner, index, date: a.asOf, beforeClaim, sampled: sampled.get(s.id) ?? new Map(), errors: errorsIn(a.diagnostics, s.dir), unreadablePlans: badPlans, inLearning: opts.inLearning }));
  }
  const unreadable = a.unreadable.filter((id) => !wanted || wanted.has(id));
  return { asOf: a.asOf, date: a.asOf, beforeClaim, plans, entries, unreadable };
}

/** The codes of the errors check reports in a learner's folder. */
function errorsIn(diagnostics: readonly Diagnostic[], dir: string): string[] {
  return diagnostics.filter((d) => d.severity === 'error' && (d.file === dir || d.file.startsWith(`${dir}/`))).map((d) => d.code);
}

/** Each learner's units in the summative samples of the plans in iqa/plans/, with the plans
 * that sample each. Every plan counts, not only the last: a unit once planned for sampling
 * is sampled before it is claimed. */
function samplesOf(a: Assessment): { sampled: Map<string, Map<string, string[]>>; plans: string[]; unreadable: string[] } {
  const index = indexOf(a);
  const sampled = new Map<string, Map<string, string[]>>();
  const unreadable: string[] = [];
  const plans = planIds(a);
  for (const id of plans) {
    const { plan, diagnostics } = loadPlan(a, id);
    if (!plan) {
      unreadable.push(diagnostics[0]?.file ?? `iqa/plans/${id}.yaml`);
      continue;
    }
    for (const s of plan.samples) {
      if (s.stage !== 'summative') continue;
      const units = sampled.get(s.learner) ?? new Map<string, string[]>();
      sampled.set(s.learner, units);
      const unit = index.canonical(s.unit);
      units.set(unit, [...new Set([...(units.get(unit) ?? []), plan.id])]);
    }
  }
  return { sampled, plans, unreadable };
}
