// Barred combinations in a learner's choice of units (the qualification-level case is in
// qualification-specs).
import type { Finding } from '../diagnostics.js';
import { scopeOf } from '../status/learner.js';
import { at, type Rule } from './context.js';

export const combination: Rule = {
  name: 'barred combinations',
  codes: ['barred-combination'],
  learner({ learner: l, index }) {
    const out: Finding[] = [];
    const scope = scopeOf(l, index);
    for (const b of scope.qualification?.barred ?? []) {
      const ids = b.units.map((u) => index.canonical(u));
      const taken = l.optionalUnits.filter((u) => ids.includes(index.canonical(u.ref)));
      const mandatoryTaken = ids.filter((id) => scope.mandatory.has(id));
      if (taken.length + mandatoryTaken.length > 1) {
        const last = taken[taken.length - 1];
        const names = [...mandatoryTaken, ...taken.map((t) => t.ref)];
        if (last) out.push(at('barred-combination', last.loc, `${names.join(' and ')} may not be combined in ${scope.qualification!.id}: keep one of them in optional-units`));
      }
    }
    return out;
  },
};
