// Case table for rules/certification-end.ts: learners who have not achieved a qualification or
// unit close to or past its certification end date are warned about, from 90 days before.
import { certificationEnd, warnFrom } from '../../src/rules/certification-end.js';
import { claim, group, learner, qual, unit, type LearnerSpec } from '../model-builders.js';
import { AS_OF, testRule, type Model } from '../rule-tester.js';
import { expect, it } from 'vitest';

const M = unit('L/600/0001', 4, 2);
const O1 = { ...unit('R/600/0002', 3, 2), certificationEnd: '2026-08-31' };
const units = [M, O1];
const Q = (end?: string) => ({ ...qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id], { minUnits: 1 })]), ...(end ? { certificationEnd: end } : {}) });
const centre = (spec: LearnerSpec, end?: string, asOf = AS_OF): Model => ({ units, qualifications: [Q(end)], learners: [learner(units, spec)], asOf });
const done = { optional: [O1.id], progress: { [M.id]: 'achieved' as const, [O1.id]: 'achieved' as const } };

it('warns from 90 days before the end date', () => {
  expect(warnFrom('2026-08-31')).toBe('2026-06-02');
  expect(warnFrom('2026-03-01')).toBe('2025-12-01');
});

testRule(certificationEnd, {
  valid: [
    { name: 'no end dates', model: centre({}) },
    { name: 'an end date more than 90 days away', model: centre({}, '2026-12-31', '2026-06-01') },
    { name: 'an achieved learner', model: centre(done, '2026-07-31') },
    { name: 'a claimed learner after the end date', model: centre({ ...done, claims: [claim('2026-05-01', { qualification: '601/3734/4' })] }, '2026-06-01') },
    { name: 'a withdrawn learner', model: centre({ withdrawn: { date: '2026-03-01', loc: { file: 't', path: [] } } }, '2026-07-31') },
    { name: 'an achieved unit near its own end', model: centre({ optional: [O1.id], progress: { [O1.id]: 'achieved' } }) },
  ],
  invalid: [
    {
      name: 'the qualification ends within 90 days',
      model: centre({}, '2026-07-31'),
      errors: [{ code: 'certification-end', messageId: 'near', data: { what: 'qualification 601/3734/4', end: '2026-07-31' }, path: ['qualification'], says: ['until 2026-07-31'] }],
    },
    { name: 'the qualification has ended', model: centre({}, '2026-06-01'), errors: [{ code: 'certification-end', messageId: 'passed' }] },
    {
      name: 'a chosen unit not achieved ends within 90 days',
      model: centre({ optional: [O1.id] }),
      errors: [{ code: 'certification-end', messageId: 'near', data: { what: `unit ${O1.id}` }, path: ['optional-units', 0] }],
    },
  ],
});
