// Case table for rules/currency.ts: evidence older than the centre's currency policy when
// assessed. On the anniversary itself evidence is exactly N years old, and still current.
import { currency } from '../../src/rules/currency.js';
import type { Evidence } from '../../src/model/types.js';
import { assessment, centreFile, evidence, learner, unit } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2);
const item = (date: string, assessed?: string): Evidence => evidence('E1', 'U1', ['1.1'], 'observation', undefined, { date, assessment: assessed ? assessment(assessed) : undefined });
const centre = (years: number | undefined, e: Evidence, asOf?: string): Model => ({
  units: [U],
  centre: centreFile([['a.jones', ['assessor']]], { currencyYears: years }),
  learners: [learner([U], { evidence: [e] })],
  asOf,
});

testRule(currency, {
  valid: [
    { name: 'no policy in the centre file: no age is too old', model: centre(undefined, item('2016-03-05', '2026-03-05')) },
    { name: 'assessed on the third anniversary under a three-year policy', model: centre(3, item('2023-03-05', '2026-03-05')) },
    { name: 'dated 29 February, assessed on 28 February a year on', model: centre(1, item('2024-02-29', '2025-02-28')) },
    { name: 'not yet assessed', model: centre(1, item('2020-01-01')) },
    { name: 'assessed after the as-of date: it has no age yet', model: centre(1, item('2020-01-01', '2026-07-01'), '2026-06-30') },
    { name: 'assessed before its own date is date-order, not currency', model: centre(1, item('2026-03-05', '2020-01-01')) },
  ],
  invalid: [
    {
      name: 'assessed the day after the third anniversary',
      model: centre(3, item('2023-03-05', '2026-03-06')),
      errors: [{
          code: 'evidence-currency',
          messageId: 'too-old',
          data: { evidence: 'E1', date: '2023-03-05', assessed: '2026-03-06', years: 3 },
          path: ['evidence', 0, 'date'],
          says: ['"E1" dated 2023-03-05', '3 years and 1 day old', 'assessed on 2026-03-06', 'policy of 3 years'],
        },],
    },
    {
      name: 'dated 29 February, assessed on 1 March a year on, under a one-year policy',
      model: centre(1, item('2024-02-29', '2025-03-01')),
      errors: [{ code: 'evidence-currency', messageId: 'too-old', data: { years: 1 }, says: ['policy of 1 year:'] }],
    },
  ],
});
