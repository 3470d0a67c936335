// The EQA pack's words for what git could not say and for the order of plan and record, shared
// by its page and its CSV files so both say the same.
import type { PlanOrder, Provenance } from '../../eqa/provenance.js';

export function unknownWords(why: Provenance['unknown']): string {
  if (why === 'not-committed') return 'not committed';
  if (why === 'history-cut') return "older than this shallow clone's history";
  return 'not a git repository';
}

export function orderWords(o: PlanOrder): string {
  if (o === 'dated-before-plan') return 'dated before the plan (not a sample of it)';
  return o === 'after-plan' ? 'after the plan' : o === 'before-plan' ? 'before the plan' : 'unknown';
}
