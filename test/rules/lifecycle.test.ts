// Case table for rules/lifecycle.ts: a claim names what was achieved, and nothing on a claimed
// unit is dated after its claim.
import { describe, expect, it } from 'vitest';
import { itemKey } from '../../src/diagnostics.js';
import { lifecycle } from '../../src/rules/lifecycle.js';
import { assessment, claim, evidence, exemption, group, iqa, learner, loc, qual, signoff, unit, type LearnerSpec } from '../model-builders.js';
import { runRule, testRule, type Model } from '../rule-tester.js';

const M = unit('L/600/0001', 4, 2);
const O1 = unit('R/600/0002', 3, 2);
const units = [M, O1];
const Q = qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id], { minUnits: 1 })]);
const centre = (spec: LearnerSpec): Model => ({ units, qualifications: [Q], learners: [learner(units, spec)] });
const done = { optional: [O1.id], progress: { [M.id]: 'achieved' as const, [O1.id]: 'achieved' as const } };

testRule(lifecycle, {
  valid: [
    { name: 'a claim of the achieved qualification', model: centre({ ...done, claims: [claim('2026-05-01', { qualification: Q.id })] }) },
    { name: 'a claim of an achieved unit, and of an exempted one', model: centre({ progress: { [M.id]: 'achieved' }, exemptions: [exemption(O1.id)], claims: [claim('2026-05-01', { units: [M.id, O1.id] })] }) },
    { name: 'the qualification written without slashes', model: centre({ ...done, claims: [claim('2026-05-01', { qualification: '60137344' })] }) },
    { name: 'records on a unit not claimed may come after a claim of another', model: centre({ optional: [O1.id], progress: { [M.id]: 'achieved' }, evidence: [evidence('X1', O1.id, ['1.1'], 'observation', 'accepted', { date: '2026-05-20', assessment: assessment('2026-05-21') })], claims: [claim('2026-05-01', { units: [M.id] })] }) },
    { name: 'a claim after the as-of date is not judged yet', model: centre({ claims: [claim('2026-07-01', { units: [M.id] })] }) },
  ],
  invalid: [
    {
      name: 'a claim of a unit not achieved',
      model: centre({ optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'unsigned' }, claims: [claim('2026-05-01', { units: [M.id, O1.id] })] }),
      errors: [{ code: 'claim-not-achieved', messageId: 'unit', data: { unit: O1.id, status: 'ready-for-signoff' }, path: ['claims', 0, 'units', 1], says: ['ready for signoff, not achieved'] }],
    },
    {
      name: 'a claim of the qualification before it is achieved',
      model: centre({ progress: { [M.id]: 'achieved' }, optional: [O1.id], claims: [claim('2026-05-01', { qualification: Q.id })] }),
      errors: [{ code: 'claim-not-achieved', messageId: 'qualification', data: { qualification: Q.id, status: 'in-progress' }, path: ['claims', 0, 'qualification'] }],
    },
    {
      name: 'a claim of another qualification',
      model: centre({ ...done, claims: [claim('2026-05-01', { qualification: '600/1234/5' })] }),
      errors: [{ code: 'claim-not-achieved', messageId: 'other-qualification', data: { qualification: '600/1234/5', registered: Q.id } }],
    },
    {
      name: 'evidence, a sign-off and an IQA record on a claimed unit dated after the claim',
      model: centre({
        ...done,
        evidence: [evidence('X1', M.id, ['1.1'], 'observation', 'accepted', { date: '2026-04-20', assessment: assessment('2026-05-03') })],
        signoffs: [signoff(M.id, '2026-05-04')],
        iqa: [iqa(M.id, '2026-05-05', 'agreed')],
        claims: [claim('2026-05-01', { units: [M.id] })],
      }),
      errors: [
        { code: 'changed-after-claim', messageId: 'record-after-claim', data: { what: 'evidence "X1"', unit: M.id, date: '2026-05-03', claimed: '2026-05-01' }, path: ['evidence', 2, 'covers', M.id] },
        { code: 'changed-after-claim', data: { what: 'a sign-off', date: '2026-05-04' }, path: ['signoffs', 2] },
        { code: 'changed-after-claim', data: { what: 'a summative IQA record', date: '2026-05-05' }, path: ['iqa', 0] },
      ],
    },
    {
      name: 'a change to any unit after a claim of the whole qualification',
      model: centre({ ...done, evidence: [evidence('X1', O1.id, ['1.1'], 'observation', undefined, { date: '2026-05-09' })], claims: [claim('2026-05-01', { qualification: Q.id })] }),
      errors: [{ code: 'changed-after-claim', data: { unit: O1.id, date: '2026-05-09' } }],
    },
    {
      name: 'a unit claimed twice, and the qualification claimed twice',
      model: centre({ ...done, claims: [claim('2026-05-01', { units: [M.id] }), claim('2026-05-08', { units: [M.id] }), claim('2026-05-10', { qualification: Q.id }), claim('2026-05-12', { qualification: Q.id })] }),
      errors: [
        { code: 'duplicate-entry', messageId: 'claimed-twice', data: { what: M.id, date: '2026-05-08', first: '2026-05-01' }, path: ['claims', 1, 'units', 0], says: [`unit ${M.id} is claimed again on 2026-05-08`] },
        { code: 'duplicate-entry', messageId: 'claimed-twice', data: { what: 'qualification', date: '2026-05-12', first: '2026-05-10' }, path: ['claims', 3, 'qualification'], says: ['the qualification is claimed again'] },
      ],
    },
  ],
});

// A claim undone only by a mistake already reported (an evidence item left out for its shape)
// names that item in Finding.follows, so the pipeline leaves it out as a consequence; a claim
// undone by a real gap (nothing else reported) does not.
describe('a claim no longer achieved', () => {
  const signed = { optional: [O1.id], progress: { [O1.id]: 'achieved' as const }, signoffs: [signoff(M.id, '2026-04-01')], claims: [claim('2026-05-01', { qualification: Q.id })] };
  const X9 = loc('portfolios/NT-0001/portfolio.yaml', ['evidence', 7]);
  it('follows from the item left out that would have met its criteria', () => {
    const l = learner(units, signed);
    l.dropped = [{ id: 'X9', covers: [{ unitRef: M.id, criteria: [...M.criteria.keys()] }], assessed: true, loc: X9 }];
    const f = runRule(lifecycle, { units, qualifications: [Q], learners: [l] }).filter((x) => x.code === 'claim-not-achieved');
    expect(f).toHaveLength(1);
    expect(f[0]!.follows).toEqual([...M.criteria.keys()].map(() => [itemKey(X9.file, X9.path)]));
  });
  it('is a finding of its own when nothing else explains it', () => {
    const f = runRule(lifecycle, { units, qualifications: [Q], learners: [learner(units, signed)] }).filter((x) => x.code === 'claim-not-achieved');
    expect(f).toHaveLength(1);
    expect(f[0]!.follows).toBeUndefined();
  });
});
