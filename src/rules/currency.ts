// Evidence currency: a centre policy (awarding bodies set their own limits; there is no
// national figure), so only checked when portfolios/centre.yaml states one.
import type { Finding } from '../diagnostics.js';
import { at, type Rule } from './context.js';

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return years;
}

export const currency: Rule = {
  name: 'evidence currency',
  codes: ['evidence-currency'],
  learner({ specs, learner }) {
    const limit = specs.centre?.currencyYears;
    if (limit === undefined) return [];
    const out: Finding[] = [];
    for (const e of learner.evidence) {
      if (!e.date || !e.assessment) continue;
      const age = yearsBetween(e.date, e.assessment.date);
      if (age >= limit) {
        out.push(at('evidence-currency', e.loc, `evidence "${e.id}" dated ${e.date} was ${age} years old when assessed on ${e.assessment.date}; the centre's policy is ${limit}: confirm it is still current, or replace it`, { sub: ['date'] }));
      }
    }
    return out;
  },
};
