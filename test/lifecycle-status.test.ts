// Case table for the statuses the learner's lifecycle gives (status/lifecycle.ts, README "The
// learner's lifecycle"): withdrawn, break, exemption counted in the rules of combination with
// its credits and with unknown credits, claimed, certificated; and the records the views show.
import { describe, expect, it } from 'vitest';
import { evaluateLearner } from '../src/status/learner.js';
import { gapsOf } from '../src/status/gaps.js';
import { claim, exemption, group, indexOf, learner, qual, unit, type LearnerSpec } from './model-builders.js';

const AS_OF = '2026-06-01';
const M = unit('L/600/0001', 4, 2, { criteria: ['1.1', '1.2'] });
const O1 = unit('R/600/0002', 3, 2);
const O2 = unit('Y/600/0003', undefined, 2);
const Q = qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id, O2.id], { minUnits: 1 })], { minCredits: 7 });
const units = [M, O1, O2];
const run = (spec: LearnerSpec, asOf = AS_OF) => evaluateLearner(learner(units, spec), indexOf(units, [Q]), undefined, asOf);
const unitOf = (r: ReturnType<typeof run>, id: string) => r.units.find((u) => u.id === id)!;

describe('lifecycle statuses', () => {
  const cases: { name: string; spec: LearnerSpec; asOf?: string; status: string; units?: Record<string, string>; credits?: number; total?: string; extra?: (r: ReturnType<typeof run>) => void }[] = [
    { name: 'no lifecycle records: achieved by evidence', spec: { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'achieved' } }, status: 'achieved', units: { [M.id]: 'achieved', [O1.id]: 'achieved' }, credits: 7, total: 'met' },
    {
      name: 'a credit-transferred optional unit counts with its credits and chooses itself',
      spec: { progress: { [M.id]: 'achieved' }, exemptions: [exemption(O1.id)] },
      status: 'achieved', units: { [O1.id]: 'exempted' }, credits: 7, total: 'met',
      extra: (r) => {
        const u = unitOf(r, O1.id);
        expect(u.criteria).toEqual([]);
        expect(u.met).toBe(0);
        expect(u.exemption).toEqual({ kind: 'credit-transfer', date: '2026-02-01', reference: 'CERT-1' });
        expect(r.criteria).toEqual({ met: 2, total: 2 });
        expect(r.unitsAchieved).toBe(2);
      },
    },
    { name: 'an exempted mandatory unit with no evidence meets the required rule', spec: { optional: [O1.id], progress: { [O1.id]: 'achieved' }, exemptions: [exemption(M.id, 'exemption')] }, status: 'achieved', units: { [M.id]: 'exempted' }, credits: 7 },
    { name: 'an exempted unit of unknown credits leaves the credit rule unknown', spec: { progress: { [M.id]: 'achieved' }, exemptions: [exemption(O2.id, 'rpl')] }, status: 'in-progress', units: { [O2.id]: 'exempted' }, credits: 4, total: 'unknown' },
    { name: 'an exemption dated after the as-of date does not count yet', spec: { progress: { [M.id]: 'achieved' }, optional: [O1.id], exemptions: [exemption(O1.id, 'credit-transfer', '2026-07-01')] }, status: 'in-progress', units: { [O1.id]: 'not-started' }, credits: 4 },
    {
      name: 'a claim of units makes them claimed',
      spec: { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'unsigned' }, claims: [claim('2026-05-01', { units: [M.id] })] },
      status: 'in-progress', units: { [M.id]: 'claimed', [O1.id]: 'ready-for-signoff' }, credits: 4,
      extra: (r) => expect(unitOf(r, M.id).claim).toEqual({ date: '2026-05-01' }),
    },
    { name: 'a claimed unit whose certificate came back is certificated', spec: { progress: { [M.id]: 'achieved' }, claims: [claim('2026-05-01', { units: [M.id] }, { certificate: 'C123' })] }, status: 'in-progress', units: { [M.id]: 'certificated' } },
    {
      name: 'a claim of the whole qualification makes the learner and every unit claimed',
      spec: { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'achieved' }, claims: [claim('2026-05-01', { qualification: Q.id }, { reference: 'REF-9' })] },
      status: 'claimed', units: { [M.id]: 'claimed', [O1.id]: 'claimed' }, credits: 7, total: 'met',
      extra: (r) => expect(r.claim).toEqual({ date: '2026-05-01', reference: 'REF-9' }),
    },
    { name: 'certificated when the qualification certificate is recorded', spec: { optional: [O1.id], progress: { [M.id]: 'achieved', [O1.id]: 'achieved' }, claims: [claim('2026-05-01', { qualification: Q.id }, { certificate: 'Q-77' })] }, status: 'certificated', units: { [M.id]: 'certificated' } },
    { name: 'a claim of a qualification not achieved changes no status', spec: { optional: [O1.id], progress: { [M.id]: 'achieved' }, claims: [claim('2026-05-01', { qualification: Q.id })] }, status: 'in-progress', units: { [M.id]: 'claimed', [O1.id]: 'not-started' } },
    { name: 'a claim dated after the as-of date has not happened yet', spec: { progress: { [M.id]: 'achieved' }, claims: [claim('2026-07-01', { units: [M.id] })] }, status: 'in-progress', units: { [M.id]: 'achieved' } },
    {
      name: 'a withdrawn learner keeps their achieved units',
      spec: { progress: { [M.id]: 'achieved' }, optional: [O1.id], withdrawn: { date: '2026-05-10', reason: 'moved away', loc: { file: 't', path: [] } } },
      status: 'in-progress', units: { [M.id]: 'achieved' },
      extra: (r) => expect(r.withdrawn).toEqual({ date: '2026-05-10', reason: 'moved away' }),
    },
    { name: 'a withdrawal dated after the as-of date has not happened yet', spec: { withdrawn: { date: '2026-07-10', loc: { file: 't', path: [] } } }, status: 'not-started', extra: (r) => expect(r.withdrawn).toBeUndefined() },
    {
      name: 'a break pauses nothing, and shows whether it goes on',
      spec: { progress: { [M.id]: 'achieved' }, optional: [O1.id], breaks: [{ from: '2026-01-01', to: '2026-02-01', loc: { file: 't', path: [] } }, { from: '2026-05-01', reason: 'maternity leave', loc: { file: 't', path: [] } }] },
      status: 'in-progress', units: { [M.id]: 'achieved' }, credits: 4,
      extra: (r) => expect(r.breaks).toEqual([{ from: '2026-01-01', to: '2026-02-01' }, { from: '2026-05-01', reason: 'maternity leave' }]),
    },
  ];
  it.each(cases)('$name', ({ spec, asOf, status, units: want, credits, total, extra }) => {
    const r = run(spec, asOf);
    expect(r.status).toBe(status);
    for (const [id, s] of Object.entries(want ?? {})) expect(unitOf(r, id).status, id).toBe(s);
    if (credits !== undefined) expect(r.credits.achieved).toBe(credits);
    if (total !== undefined) expect(r.rules.find((x) => x.id === 'min-credits')!.status).toBe(total);
    extra?.(r);
  });

  it('an exempted or claimed unit has no gaps, and a claimed learner none at all', () => {
    const r = run({ progress: { [M.id]: 'achieved' }, exemptions: [exemption(O1.id)], claims: [claim('2026-05-01', { qualification: Q.id })] });
    expect(r.status).toBe('claimed');
    expect(gapsOf(r)).toEqual([]);
    const partly = run({ progress: { [M.id]: 'achieved' }, exemptions: [exemption(O2.id)] });
    expect(gapsOf(partly).map((g) => [g.unit, g.reason])).toEqual([[null, 'credits-unknown']]);
  });
});

// The records themselves, as folio status LEARNER and the report show them: dated by the as-of
// date, in file order, units by their own numbers (an alias is resolved).
describe('lifecycle records on the result', () => {
  const A = unit('L/600/0101', 3, 2, { aliases: ['101'] });
  const QA = qual([group('mandatory', [A.id], { required: 'all' })], { minCredits: 3 });
  const runA = (spec: LearnerSpec, asOf = AS_OF) => evaluateLearner(learner([A], spec), indexOf([A], [QA]), undefined, asOf);
  const at = { file: 't', path: [] };
  const cases: { name: string; spec: LearnerSpec; want: Partial<Record<'exemptions' | 'claims' | 'transfers' | 'withdrawn', unknown>> }[] = [
    { name: 'none: no fields', spec: {}, want: { exemptions: undefined, claims: undefined, transfers: undefined, withdrawn: undefined } },
    { name: 'an exemption by alias, with who recorded it', spec: { exemptions: [exemption('101', 'rpl')] }, want: { exemptions: [{ unit: A.id, kind: 'rpl', date: '2026-02-01', reference: 'CERT-1', by: 'a.jones' }] } },
    { name: 'an exemption dated after the as-of date is left out', spec: { exemptions: [exemption('101', 'rpl', '2026-07-01')] }, want: { exemptions: undefined } },
    {
      name: 'claims in file order, each with what it names, its certificate or none',
      spec: { progress: { [A.id]: 'achieved' }, claims: [claim('2026-05-01', { units: ['101'] }, { reference: 'U-1' }), { ...claim('2026-05-20', { qualification: QA.id }, { certificate: 'Q-9' }), certificateDate: '2026-05-30' }, claim('2026-08-01', { qualification: QA.id })] },
      want: {
        claims: [
          { date: '2026-05-01', units: [A.id], by: 'e.officer', reference: 'U-1' },
          { date: '2026-05-20', qualification: QA.id, by: 'e.officer', certificate: 'Q-9', certificateDate: '2026-05-30' },
        ],
      },
    },
    {
      name: 'transfers by the as-of date, with who and why when recorded',
      spec: { transfers: [{ date: '2026-01-10', from: '600/0000/1', loc: at }, { date: '2026-03-01', from: '600/0000/2', by: 'a.jones', reason: 'up a level', loc: at }, { date: '2026-09-01', from: '600/0000/3', loc: at }] },
      want: { transfers: [{ date: '2026-01-10', from: '600/0000/1' }, { date: '2026-03-01', from: '600/0000/2', by: 'a.jones', reason: 'up a level' }] },
    },
    { name: 'a withdrawal says who recorded it', spec: { withdrawn: { date: '2026-05-10', by: 'r.okafor', loc: at } }, want: { withdrawn: { date: '2026-05-10', by: 'r.okafor' } } },
  ];
  it.each(cases)('$name', ({ spec, want }) => {
    const r = runA(spec);
    for (const [k, v] of Object.entries(want)) expect(r[k as keyof typeof r], k).toEqual(v);
  });
});
