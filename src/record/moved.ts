// What a record changed for the learner, from the status engine's results before and after:
// each criterion, unit and the qualification whose status moved, in the learner's unit order.
import type { LearnerResult } from '../status/types.js';

export interface Moved {
  /** The unit's number; absent for the qualification. */
  unit?: string;
  /** The criterion's id; absent for the unit (or the qualification). */
  criterion?: string;
  from: string;
  to: string;
}

export function movedBetween(before: LearnerResult, after: LearnerResult): Moved[] {
  const out: Moved[] = [];
  const was = new Map(before.units.map((u) => [u.id, u]));
  for (const u of after.units) {
    const w = was.get(u.id);
    const criteria = new Map((w?.criteria ?? []).map((c) => [c.id, c.status]));
    for (const c of u.criteria) {
      const from = criteria.get(c.id) ?? 'missing';
      if (from !== c.status) out.push({ unit: u.id, criterion: c.id, from, to: c.status });
    }
    const from = w?.status ?? 'not-started';
    if (from !== u.status) out.push({ unit: u.id, from, to: u.status });
  }
  if (before.status !== after.status) out.push({ from: before.status, to: after.status });
  return out;
}
