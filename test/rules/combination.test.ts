// Case table for rules/combination.ts: a learner's choice of units against the qualification's
// barred combinations (two mandatory units barred together is qualification-specs' case). Check
// and status evaluate a combination the same way (status/roc.ts barredTaken), so each case also
// asks status whether the combination is broken.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/model/index.js';
import { combination } from '../../src/rules/combination.js';
import { evaluateLearner } from '../../src/status/learner.js';
import { group, learner, qual, specsOf, unit } from '../model-builders.js';
import { AS_OF, runRule, testRule, type InvalidCase, type Model, type ValidCase } from '../rule-tester.js';

const M = unit('L/600/0001', 3, 2);
const A = unit('R/600/0002', 3, 2, { aliases: ['CU2'] });
const B = unit('Y/600/0003', 3, 2);
const C = unit('H/600/0005', 3, 2);
const units = [M, A, B, C];
const groups = [group('mandatory', [M.id], { required: 'all' }), group('optional', [A.id, B.id, C.id], { minUnits: 1 })];
const centre = (optional: string[], barred: string[][]): Model => ({ units, qualifications: [qual(groups, { barred })], learners: [learner(units, { optional })] });

const cases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'one unit of a barred pair', model: centre([A.id, C.id], [[A.id, B.id]]) },
    { name: 'no barred combinations at all', model: centre([A.id, B.id, C.id], []) },
    { name: 'a learner on a qualification with no specification', model: { units, learners: [learner(units, { qualification: '600/5555/8', optional: [A.id, B.id] })], qualifications: [qual(groups, { barred: [[A.id, B.id]] })] } },
    { name: 'one barred unit listed twice in optional-units is one unit taken', model: centre([A.id, 'CU2'], [[A.id, B.id]]) },
    { name: 'a mandatory unit also listed in optional-units is one unit taken', model: centre([M.id], [[M.id, A.id]]) },
    { name: 'a barred list naming one unit by number and alias', model: centre([A.id], [[A.id, 'CU2']]) },
  ],
  invalid: [
    {
      name: 'both units of a barred pair, reported at the later choice',
      model: centre([A.id, C.id, B.id], [[A.id, B.id]]),
      errors: [{ code: 'barred-combination', messageId: 'barred-units', data: { units: [A.id, B.id], qualification: '601/3734/4' }, path: ['optional-units', 2], says: [`${A.id} and ${B.id} may not be combined in 601/3734/4`] }],
    },
    {
      name: 'an optional unit barred with a mandatory one',
      model: centre([A.id], [[M.id, A.id]]),
      errors: [{ code: 'barred-combination', messageId: 'barred-units', data: { units: [M.id, A.id] }, path: ['optional-units', 0] }],
    },
    {
      name: 'barred by alias, chosen by number',
      model: centre([B.id, A.id], [['CU2', B.id]]),
      errors: [{ code: 'barred-combination', messageId: 'barred-units', data: { units: [B.id, A.id] }, path: ['optional-units', 1] }],
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
};

testRule(combination, cases);

describe('check and status agree on which combinations are broken', () => {
  it.each([...cases.valid, ...cases.invalid])('$name', ({ model }) => {
    const specs = specsOf(model);
    const index = buildIndex(specs);
    const broken = (model.learners ?? []).some((l) => evaluateLearner(l, index, undefined, AS_OF).rules.some((r) => r.kind === 'barred' && r.status === 'unmet'));
    expect(runRule(combination, model).length > 0).toBe(broken);
  });
});
