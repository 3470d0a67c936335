// Case table for claims/ready.ts on learners built by hand: which entries a learner gets (the
// qualification, or unit certificates) and each reason an entry is not ready, by before-claim.
import { describe, expect, it } from 'vitest';
import { claimEntries, type BeforeClaim } from '../src/claims/ready.js';
import { evaluateLearner } from '../src/status/learner.js';
import { claim, exemption, group, indexOf, iqa, learner, qual, unit, type LearnerSpec } from './model-builders.js';

const M = unit('L/600/0001', 4, 2);
const O1 = unit('R/600/0002', 3, 2);
const O2 = unit('T/600/0003', 3, 2);
const Q = qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id, O2.id], { minUnits: 1 })]);
const DAY = '2026-06-30';

// Unit certificates of a learner still in learning are asked for here (inLearning), unless a
// case says otherwise: the table is about what makes each unit ready.
function entries(spec: LearnerSpec, beforeClaim: BeforeClaim, more: { sampled?: Map<string, string[]>; errors?: string[]; inLearning?: boolean } = {}) {
  const units = [M, O1, O2];
  const index = indexOf(units, [Q]);
  const l = learner(units, spec);
  const result = evaluateLearner(l, index, undefined, DAY);
  return claimEntries({ result, learner: l, index, date: DAY, beforeClaim, sampled: more.sampled ?? new Map(), errors: more.errors ?? [], unreadablePlans: [], inLearning: more.inLearning ?? true }).map((e) => `${e.claim.kind} ${e.claim.id}: ${e.reasons.map((r) => r.reason).join(', ') || 'ready'}`);
}

const agreed = (id: string) => iqa(id, '2026-05-01', 'agreed');
const done: LearnerSpec = { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'achieved' } };

describe('claim entries', () => {
  it.each([
    ['achieved, before-claim none: the qualification alone', done, 'none', [`qualification ${Q.id}: ready`]],
    ['achieved, before-claim all, one unit without IQA', { ...done, iqa: [agreed(M.id)] }, 'all', [`qualification ${Q.id}: no-summative-iqa`]],
    ['achieved, before-claim all, both agreed', { ...done, iqa: [agreed(M.id), agreed(O1.id)] }, 'all', [`qualification ${Q.id}: ready`]],
    ['an interim IQA does not count', { ...done, iqa: [agreed(M.id), iqa(O1.id, '2026-05-01', 'agreed', 'interim')] }, 'all', [`qualification ${Q.id}: no-summative-iqa`]],
    ['a later not-agreed summative undoes an agreed one', { ...done, iqa: [agreed(M.id), agreed(O1.id), iqa(O1.id, '2026-05-02', 'not-agreed')] }, 'all', [`qualification ${Q.id}: not-achieved`, `unit ${M.id}: ready`, `unit ${O1.id}: iqa-not-agreed`]],
    ['not achieved: unit certificates for what is', { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'unsigned' } }, 'none', [`qualification ${Q.id}: not-achieved`, `unit ${M.id}: ready`, `unit ${O1.id}: not-signed-off`]],
    ['a unit in progress, and one not started (left out)', { optional: [O1.id, O2.id], progress: { [M.id]: 'achieved', [O1.id]: 'pending' } }, 'none', [`qualification ${Q.id}: not-achieved`, `unit ${M.id}: ready`, `unit ${O1.id}: criteria-unmet`]],
    ['an exempted unit counts, needs no IQA and is never a unit claim', { progress: { [M.id]: 'achieved' }, iqa: [agreed(M.id)], exemptions: [exemption(O1.id)] }, 'all', [`qualification ${Q.id}: ready`]],
    ['exempted, the qualification not achieved: no entry for the exempted unit', { optional: [O2.id], progress: { [M.id]: 'unsigned' }, exemptions: [exemption(O1.id)] }, 'none', [`qualification ${Q.id}: not-achieved`, `unit ${M.id}: not-signed-off`]],
    ['withdrawn and achieved: unit certificates, not the qualification', { ...done, withdrawn: { date: '2026-06-01', loc: { file: 'p', path: [] } } }, 'none', [`qualification ${Q.id}: withdrawn`, `unit ${M.id}: ready`, `unit ${O1.id}: ready`]],
    ['the qualification claimed', { ...done, claims: [claim('2026-06-01', { qualification: Q.id })] }, 'none', [`qualification ${Q.id}: already-claimed`]],
    ['a unit claimed, the qualification not achieved', { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'unsigned' }, claims: [claim('2026-06-01', { units: [M.id] })] }, 'none', [`qualification ${Q.id}: not-achieved`, `unit ${M.id}: already-claimed`, `unit ${O1.id}: not-signed-off`]],
  ] as const)('%s', (_what, spec, before, expected) => {
    expect(entries(spec as LearnerSpec, before)).toEqual(expected);
  });

  it('a learner still in learning gets unit certificates only when they are asked for; a withdrawn one always', () => {
    const inLearning = { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'unsigned' } } as LearnerSpec;
    expect(entries(inLearning, 'none', { inLearning: false })).toEqual([`qualification ${Q.id}: not-achieved`]);
    expect(entries(inLearning, 'none', { inLearning: true })).toEqual([`qualification ${Q.id}: not-achieved`, `unit ${M.id}: ready`, `unit ${O1.id}: not-signed-off`]);
    const withdrawn = { ...inLearning, withdrawn: { date: '2026-06-01', loc: { file: 'p', path: [] } } } as LearnerSpec;
    expect(entries(withdrawn, 'none', { inLearning: false })).toEqual([`qualification ${Q.id}: not-achieved, withdrawn`, `unit ${M.id}: ready`, `unit ${O1.id}: not-signed-off`]);
  });

  it('before-claim sampled asks the IQA only of sampled units', () => {
    expect(entries(done, 'sampled')).toEqual([`qualification ${Q.id}: ready`]);
    expect(entries(done, 'sampled', { sampled: new Map([[O1.id, ['p1']]]) })).toEqual([`qualification ${Q.id}: no-summative-iqa`]);
    expect(entries({ ...done, iqa: [agreed(O1.id)] }, 'sampled', { sampled: new Map([[O1.id, ['p1']]]) })).toEqual([`qualification ${Q.id}: ready`]);
  });

  it('a check error keeps every entry out', () => {
    expect(entries({ optional: [O1.id], progress: { [M.id]: 'achieved' } }, 'none', { errors: ['unknown-staff'] })).toEqual([`qualification ${Q.id}: not-achieved, check-errors`, `unit ${M.id}: check-errors`]);
  });

  it('a unit past its certification end', () => {
    const units = [{ ...M, certificationEnd: '2026-06-01' }, O1, O2];
    const index = indexOf(units, [Q]);
    const l = learner(units, { optional: [O1.id], progress: { [M.id]: 'achieved' } });
    const e = claimEntries({ result: evaluateLearner(l, index, undefined, DAY), learner: l, index, date: DAY, beforeClaim: 'none', sampled: new Map(), errors: [], unreadablePlans: [], inLearning: true });
    expect(e.find((x) => x.claim.id === M.id)!.reasons).toEqual([{ reason: 'certification-ended', what: `unit ${M.id}`, end: '2026-06-01' }]);
  });
});
