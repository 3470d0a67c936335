// Case table for rules/combination.ts: a learner's choice of units against the qualification's
// barred combinations (two mandatory units barred together is qualification-specs' case).
import { combination } from '../../src/rules/combination.js';
import { group, learner, qual, unit } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const M = unit('L/600/0001', 3, 2);
const A = unit('R/600/0002', 3, 2, { aliases: ['CU2'] });
const B = unit('Y/600/0003', 3, 2);
const C = unit('H/600/0005', 3, 2);
const units = [M, A, B, C];
const groups = [group('mandatory', [M.id], { required: 'all' }), group('optional', [A.id, B.id, C.id], { minUnits: 1 })];
const centre = (optional: string[], barred: string[][]): Model => ({ units, qualifications: [qual(groups, { barred })], learners: [learner(units, { optional })] });

testRule(combination, {
  valid: [
    { name: 'one unit of a barred pair', model: centre([A.id, C.id], [[A.id, B.id]]) },
    { name: 'no barred combinations at all', model: centre([A.id, B.id, C.id], []) },
    { name: 'a learner on a qualification with no specification', model: { units, learners: [learner(units, { qualification: '600/5555/8', optional: [A.id, B.id] })], qualifications: [qual(groups, { barred: [[A.id, B.id]] })] } },
  ],
  invalid: [
    {
      name: 'both units of a barred pair, reported at the later choice',
      model: centre([A.id, C.id, B.id], [[A.id, B.id]]),
      errors: [{ code: 'barred-combination', path: ['optional-units', 2], says: [`${A.id} and ${B.id} may not be combined in 601/3734/4`] }],
    },
    {
      name: 'an optional unit barred with a mandatory one',
      model: centre([A.id], [[M.id, A.id]]),
      errors: [{ code: 'barred-combination', path: ['optional-units', 0], says: [`${M.id} and ${A.id}`] }],
    },
    {
      name: 'barred by alias, chosen by number',
      model: centre([B.id, A.id], [['CU2', B.id]]),
      errors: [{ code: 'barred-combination', path: ['optional-units', 1], says: [`${B.id} and ${A.id}`] }],
    },
    {
      name: 'two barred sets broken at once: one finding each',
      model: centre([A.id, B.id, C.id], [[A.id, B.id], [B.id, C.id]]),
      errors: [
        { code: 'barred-combination', path: ['optional-units', 1] },
        { code: 'barred-combination', path: ['optional-units', 2] },
      ],
    },
  ],
});
