// What a sample plan still asks for: each sample with no IQA record of its stage on its unit
// for its learner yet, by the IQA it was allotted to. Any IQA's record counts (an IQA may be
// away and another sample it), and a not-agreed decision counts as sampled: the plan asked for
// a look, not for an outcome.
import type { Index } from '../model/index.js';
import type { Learner } from '../model/types.js';
import type { Stage } from './plan.js';

/** What due needs of a sample (a plan file's entry or a fresh plan's). */
export interface Planned {
  learner: string;
  unit: string;
  stage: Stage;
  assessor: string;
  iqa: string | null;
  evidence: string[];
}

export interface DueItem extends Planned {
  /** The learner's portfolio could not be read, or the learner is no longer in the centre. */
  missing?: boolean;
}

export interface Due {
  /** Samples still to do, by IQA (null last: allotted to nobody), then learner and unit. */
  due: DueItem[];
  /** Samples with an IQA record. */
  done: number;
  total: number;
}

/** Is there an IQA record of this stage on this unit in the learner's portfolio? */
export function sampled(l: Learner, unit: string, stage: Stage, index: Index): boolean {
  return l.iqa.some((r) => r.stage === stage && index.canonical(r.unitRef) === index.canonical(unit));
}

export function dueOf(samples: readonly Planned[], learners: ReadonlyMap<string, Learner>, index: Index): Due {
  const due: DueItem[] = [];
  let done = 0;
  for (const s of samples) {
    const l = learners.get(s.learner);
    if (l && sampled(l, s.unit, s.stage, index)) done++;
    else due.push({ ...s, ...(l ? {} : { missing: true }) });
  }
  const by = (x: string | null) => (x === null ? '\uffff' : x);
  due.sort((a, b) => (by(a.iqa) < by(b.iqa) ? -1 : by(a.iqa) > by(b.iqa) ? 1 : a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { due, done, total: samples.length };
}
