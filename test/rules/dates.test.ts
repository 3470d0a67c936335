// Case table for rules/dates.ts: no date after the as-of date, and records in the order they
// must happen (evidence, its assessment, the unit's sign-off, the summative IQA), judged on the
// record as it stood on the as-of date.
import { dates } from '../../src/rules/dates.js';
import type { Evidence } from '../../src/model/types.js';
import { assessment, claim, evidence, exemption, group, iqa, learner, portfolioFile, qual, signoff, unit, type LearnerSpec } from '../model-builders.js';
import { AS_OF, testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2, { criteria: ['1.1', '1.2'] });
const Q = qual([group('mandatory', ['U1'], { required: 'all' })]);
const centre = (spec: LearnerSpec): Model => ({ units: [U], qualifications: [Q], learners: [learner([U], spec)] });
const item = (id: string, criteria: string[], date: string, assessed?: string): Evidence =>
  evidence(id, 'U1', criteria, 'observation', undefined, { date, assessment: assessed ? assessment(assessed) : undefined });
/** 1.1 dated 1 March, assessed 5 March; 1.2 dated 20 March, assessed 25 March. */
const here = { file: 't', path: [] };
const brk = (from: string, to?: string) => ({ from, ...(to ? { to } : {}), loc: here });
const BOTH = [item('E1', ['1.1'], '2026-03-01', '2026-03-05'), item('E2', ['1.2'], '2026-03-20', '2026-03-25')];

testRule(dates, {
  valid: [
    { name: 'everything dated on the as-of date itself', model: centre({ registered: AS_OF, evidence: [item('E1', ['1.1', '1.2'], AS_OF, AS_OF)], signoffs: [signoff('U1', AS_OF)], iqa: [iqa('U1', AS_OF, 'agreed')] }) },
    { name: 'assessed on the day it is dated', model: centre({ evidence: [item('E1', ['1.1'], '2026-03-01', '2026-03-01')] }) },
    { name: 'signed off after the last assessment, sampled after the sign-off', model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-05-01', 'agreed')] }) },
    { name: 'an interim IQA before any sign-off', model: centre({ evidence: BOTH, iqa: [iqa('U1', '2026-03-10', 'agreed', 'interim')] }) },
    { name: 'an early sign-off replaced by a later one that holds', model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-03-10'), signoff('U1', '2026-04-01')] }) },
    {
      name: 'a summative IQA after a first sign-off, the unit signed off again later',
      model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-04-01'), signoff('U1', '2026-05-10')], iqa: [iqa('U1', '2026-05-01', 'not-agreed')] }),
    },
    {
      name: 'lifecycle records in order: withdrawn after registering, a break that ends after it starts (or goes on, or is planned), a certificate after its claim',
      model: centre({
        registered: '2026-01-10',
        withdrawn: { date: '2026-06-01', loc: here },
        breaks: [brk('2026-02-01', '2026-03-01'), brk('2026-04-01'), brk('2026-07-01', '2026-08-01')],
        claims: [{ ...claim('2026-05-01', { units: ['U1'] }), certificateDate: '2026-05-01' }],
        exemptions: [exemption('U1', 'credit-transfer', AS_OF)],
      }),
    },
    { name: 'an early sign-off of a unit not yet complete is signoff-unmet, not a date order', model: centre({ evidence: [BOTH[0]!], signoffs: [signoff('U1', '2026-03-10')] }) },
  ],
  invalid: [
    {
      name: 'registered the day after the as-of date',
      model: centre({ registered: '2026-07-01' }),
      errors: [{ code: 'future-date', messageId: 'registered', data: { date: '2026-07-01', asOf: AS_OF }, file: portfolioFile('NT-0001'), path: ['registered'], says: ['registration date 2026-07-01', `(${AS_OF})`] }],
    },
    {
      name: 'evidence dated and assessed after the as-of date, in the wrong order: only future, as it has not happened yet',
      model: centre({ evidence: [item('E1', ['1.1'], '2026-07-10', '2026-07-05')] }),
      errors: [
        { code: 'future-date', messageId: 'evidence-dated', data: { of: 'E1', date: '2026-07-10' }, path: ['evidence', 0, 'date'], says: ['"E1" is dated 2026-07-10'] },
        { code: 'future-date', messageId: 'evidence-assessed', data: { of: 'E1', date: '2026-07-05' }, path: ['evidence', 0, 'assessment', 'date'] },
      ],
    },
    {
      name: 'a sign-off and an IQA record after the as-of date',
      model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-07-01')], iqa: [iqa('U1', '2026-07-02', 'agreed')] }),
      errors: [
        { code: 'future-date', messageId: 'signoff-dated', data: { of: 'U1', date: '2026-07-01' }, path: ['signoffs', 0, 'date'] },
        { code: 'future-date', messageId: 'iqa-dated', data: { of: 'U1', date: '2026-07-02' }, path: ['iqa', 0, 'date'] },
      ],
    },
    {
      name: 'assessed the day before it is dated',
      model: centre({ evidence: [item('E1', ['1.1'], '2026-03-05', '2026-03-04')] }),
      errors: [{
          code: 'date-order',
          messageId: 'assessed-before-dated',
          data: { evidence: 'E1', assessed: '2026-03-04', date: '2026-03-05' },
          path: ['evidence', 0, 'assessment', 'date'],
          says: ['"E1" is assessed on 2026-03-04, before its own date 2026-03-05'],
        },],
    },
    {
      name: 'a complete unit signed off before the assessment it relies on',
      model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-03-10')] }),
      errors: [{
          code: 'date-order',
          messageId: 'signed-off-early',
          data: { unit: 'U1', date: '2026-03-10', open: ['1.2'], total: 2, since: '2026-03-25' },
          path: ['signoffs', 0, 'date'],
          says: ['1 of its 2 criteria', '(1.2)', 'on or after 2026-03-25'],
        },],
    },
    {
      name: 'a summative IQA before the first sign-off',
      model: centre({ evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-03-30', 'agreed')] }),
      errors: [{ code: 'date-order', messageId: 'summative-before-signoff', data: { unit: 'U1', date: '2026-03-30', firstSignoff: '2026-04-01' }, path: ['iqa', 0, 'date'], says: ["the unit's first sign-off on 2026-04-01"] }],
    },
    {
      name: 'a summative IQA of a unit never signed off',
      model: centre({ evidence: BOTH, iqa: [iqa('U1', '2026-04-01', 'agreed')] }),
      errors: [{ code: 'date-order', messageId: 'summative-before-signoff', data: { unit: 'U1', date: '2026-04-01', firstSignoff: null }, path: ['iqa', 0, 'date'], says: ['any sign-off of the unit'] }],
    },
      {
      name: 'a withdrawal, an exemption and a claim dated after the as-of date',
      model: centre({ withdrawn: { date: '2026-07-02', loc: here }, exemptions: [exemption('U1', 'rpl', '2026-07-03')], claims: [claim('2026-07-04', { units: ['U1'] })] }),
      errors: [
        { code: 'future-date', messageId: 'withdrawn-dated', data: { date: '2026-07-02' }, path: ['withdrawn', 'date'], says: ['withdrawal is dated 2026-07-02'] },
        { code: 'future-date', messageId: 'exemption-dated', data: { of: 'U1', date: '2026-07-03' }, path: ['exemptions', 0, 'date'], says: ['exemption of U1 is dated 2026-07-03'] },
        { code: 'future-date', messageId: 'claim-dated', data: { date: '2026-07-04' }, path: ['claims', 0, 'date'], says: ['claim is dated 2026-07-04'] },
      ],
    },
    {
      name: 'withdrawn before registering',
      model: centre({ registered: '2026-03-01', withdrawn: { date: '2026-02-01', loc: here } }),
      errors: [{ code: 'date-order', messageId: 'withdrawn-before-registered', data: { date: '2026-02-01', registered: '2026-03-01' }, path: ['withdrawn', 'date'], says: ['before the registration on 2026-03-01'] }],
    },
    {
      name: 'a break that ends before it starts',
      model: centre({ breaks: [brk('2026-02-01', '2026-03-01'), brk('2026-05-01', '2026-04-01')] }),
      errors: [{ code: 'date-order', messageId: 'break-ends-before-start', data: { from: '2026-05-01', to: '2026-04-01' }, path: ['breaks', 1, 'to'], says: ['ends on 2026-04-01, before it starts'] }],
    },
    {
      name: 'a certificate dated before its claim',
      model: centre({ claims: [{ ...claim('2026-05-01', { units: ['U1'] }), certificateDate: '2026-04-20' }] }),
      errors: [{ code: 'date-order', messageId: 'certificate-before-claim', data: { date: '2026-05-01', certificateDate: '2026-04-20' }, path: ['claims', 0, 'certificate-date'], says: ['dated 2026-04-20, before the claim'] }],
    },
  ],
});
