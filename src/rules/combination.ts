// Barred combinations in a learner's choice of units (the qualification-level case is in
// qualification-specs). Which units of a combination are taken is status's evaluation
// (barredTaken), so check reports a combination broken exactly when status says so; the
// finding points at the learner's last choice of one of them.
import type { Finding } from '../diagnostics.js';
import { scopeOf } from '../status/learner.js';
import { barredTaken } from '../status/roc.js';
import { at, type Rule } from './context.js';

export const combination: Rule = {
  name: 'barred combinations',
  codes: ['barred-combination'],
  learner({ learner: l, index }) {
    const out: Finding[] = [];
    const scope = scopeOf(l, index);
    for (const b of scope.qualification?.barred ?? []) {
      const taken = barredTaken(b.units, index, (id) => scope.mandatory.has(id) || scope.chosen.has(id));
      if (taken.length < 2) continue;
      // Named as the learner wrote them: the mandatory units, then the choices in their order.
      const mandatory = taken.filter((id) => scope.mandatory.has(id));
      const chosen = l.optionalUnits.filter((u) => taken.includes(index.canonical(u.ref)) && !scope.mandatory.has(index.canonical(u.ref)));
      const last = chosen[chosen.length - 1];
      const names = [...mandatory, ...chosen.map((u) => u.ref)];
      if (last) {
        const said = { id: 'barred-units', data: { units: names, qualification: scope.qualification!.id } };
        out.push(at('barred-combination', last.loc, said, (d) => `${d.units.join(' and ')} may not be combined in ${d.qualification}: keep one of them in optional-units`));
      }
    }
    return out;
  },
};
