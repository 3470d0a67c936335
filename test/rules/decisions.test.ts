// Case table for rules/decisions.ts: sign-offs of units whose criteria are all met, and IQA
// records by someone who made no assessment decision on what they sample.
import { decisions } from '../../src/rules/decisions.js';
import { assessment, evidence, group, iqa, learner, qual, signoff, unit, type LearnerSpec } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2, { criteria: ['1.1', '1.2'] });
const Q = qual([group('mandatory', ['U1'], { required: 'all' })]);
const centre = (spec: LearnerSpec): Model => ({ units: [U], qualifications: [Q], learners: [learner([U], spec)] });
const by = (id: string, assessor: string, criteria = ['1.1', '1.2']) => evidence(id, 'U1', criteria, 'observation', undefined, { assessment: assessment('2026-03-05', 'accepted', assessor) });

testRule(decisions, {
  valid: [
    { name: 'a sign-off of a unit with every criterion met', model: centre({ progress: { U1: 'achieved' } }) },
    { name: 'a sign-off dated after the as-of date has not been made yet', model: { ...centre({ progress: { U1: 'pending' }, signoffs: [signoff('U1', '2026-07-01')] }), asOf: '2026-06-30' } },
    { name: 'a sign-off of a unit with no specification (unknown-unit says so)', model: centre({ signoffs: [signoff('U9', '2026-04-01')] }) },
    { name: 'an IQA by someone other than the assessor', model: centre({ progress: { U1: 'achieved' }, iqa: [iqa('U1', '2026-05-01', 'agreed')] }) },
    {
      name: "an IQA sampling only items someone else assessed, although they assessed another",
      model: centre({ evidence: [by('E1', 'a.jones', ['1.1']), by('E2', 's.patel', ['1.2'])], iqa: [{ ...iqa('U1', '2026-05-01', 'agreed'), evidence: ['E1'] }] }),
    },
  ],
  invalid: [
    {
      name: 'a unit signed off with its evidence not yet assessed',
      model: centre({ progress: { U1: 'pending' }, signoffs: [signoff('U1', '2026-04-01')] }),
      errors: [{ code: 'signoff-unmet', messageId: 'criteria-not-met', data: { unit: 'U1', total: 2, met: 0 }, path: ['signoffs', 0, 'unit'], says: ['2 of its 2 criteria are not met', '1.1 (', '1.2 ('] }],
    },
    {
      name: 'a unit signed off with one criterion not met',
      model: centre({ evidence: [by('E1', 'a.jones', ['1.1'])], signoffs: [signoff('U1', '2026-04-01')] }),
      errors: [{ code: 'signoff-unmet', messageId: 'criteria-not-met', data: { total: 2, met: 1, open: [{ criterion: '1.2', status: 'missing' }] }, says: ['1 of its 2 criteria is not met: 1.2'] }],
    },
    {
      name: 'an IQA by the assessor who assessed the unit',
      model: centre({ evidence: [by('E1', 's.patel')], iqa: [iqa('U1', '2026-05-01', 'agreed')] }),
      errors: [{ code: 'iqa-own-decision', messageId: 'own-decisions', data: { unit: 'U1', iqa: 's.patel' }, path: ['iqa', 0, 'by'] }],
    },
    {
      name: 'an IQA by the assessor who signed the unit off',
      model: centre({ progress: { U1: 'achieved' }, iqa: [iqa('U1', '2026-05-01', 'agreed', 'summative', 'a.jones')] }),
      errors: [{ code: 'iqa-own-decision', messageId: 'own-decisions', data: { iqa: 'a.jones' } }],
    },
  ],
});
