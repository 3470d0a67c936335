// Evidence currency: a centre policy (awarding bodies set their own limits; there is no
// national figure), so only checked when portfolios/centre.yaml states one. "Older than N
// years" means assessed after the N-th anniversary of the evidence's date: on the anniversary
// itself it is exactly N years old, and still current. Judged on the record as it stood on the
// as-of date: an assessment not yet made has no age to judge.
import { q, type Finding } from '../diagnostics.js';
import { addMonths, ageText, monthsAndDays } from '../dates.js';
import { at, type Rule } from './context.js';

export const currency: Rule = {
  name: 'evidence currency',
  codes: ['evidence-currency'],
  learner({ specs, record }) {
    const limit = specs.centre?.currencyYears;
    if (limit === undefined) return [];
    const out: Finding[] = [];
    for (const e of record.evidence) {
      if (!e.date || !e.assessment || e.assessment.date < e.date) continue;
      if (e.assessment.date <= addMonths(e.date, 12 * limit)) continue;
      const said = { id: 'too-old', data: { evidence: e.id, date: e.date, assessed: e.assessment.date, years: limit } };
      const text = (d: typeof said.data) =>
        `evidence ${q(d.evidence)} dated ${d.date} was ${ageText(monthsAndDays(d.date, d.assessed))} old when assessed on ${d.assessed}, more than the centre's policy of ${d.years} year${d.years === 1 ? '' : 's'}: confirm it is still current, or replace it`;
      out.push(at('evidence-currency', e.loc, said, text, { sub: ['date'] }));
    }
    return out;
  },
};
