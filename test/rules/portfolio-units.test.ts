// Case table for rules/portfolio-units.ts: every qualification, unit and criterion a portfolio
// names exists and belongs to the learner's qualification and choice of units.
import { portfolioUnits } from '../../src/rules/portfolio-units.js';
import { claim, evidence, exemption, group, learner, loc, portfolioFile, qual, signoff, iqa, unit, type LearnerSpec } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const M = unit('L/600/0001', 3, 2, { criteria: ['1.1', '1.2'], aliases: ['CU1'] });
const O1 = unit('R/600/0002', 3, 2);
const O2 = unit('Y/600/0003', 3, 2);
/** Outside the qualification. */
const X = unit('H/600/0005', 3, 2);
const units = [M, O1, O2, X];
const Q = qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id, O2.id], { minUnits: 1 })]);
/** A qualification the learner moved from, which had X. */
const EARLIER = qual([group('mandatory', [M.id, X.id], { required: 'all' })], { id: '600/1111/2', title: 'Earlier Certificate' });

const centre = (spec: LearnerSpec, extra: Partial<Model> = {}): Model => ({ units, qualifications: [Q], learners: [learner(units, spec)], ...extra });
const covering = (ref: string, criteria = ['1.1']) => evidence('E1', ref, criteria, 'observation', 'accepted');

testRule(portfolioUnits, {
  valid: [
    { name: 'mandatory and chosen optional units, with their criteria', model: centre({ optional: [O1.id], evidence: [covering(M.id, ['1.1', '1.2']), covering(O1.id)], signoffs: [signoff(O1.id, '2026-04-01')] }) },
    { name: 'a unit named by its alias', model: centre({ evidence: [covering('CU1')], signoffs: [signoff('CU1', '2026-04-01')] }) },
    { name: 'the qualification number written without slashes', model: centre({ qualification: '60137344', evidence: [covering(M.id)] }) },
    { name: 'a qualification whose spec file is in error: its units are not judged', model: centre({ qualification: '600/5555/8', evidence: [covering(X.id)] }, { unreadable: ['600/5555/8'] }) },
    {
      name: 'after a transfer: evidence, a sign-off and an IQA record on a unit of the qualification left are kept, not reported',
      model: centre({ evidence: [covering(X.id)], signoffs: [signoff(X.id, '2026-04-01')], iqa: [iqa(X.id, '2026-05-01', 'agreed')], transfers: [{ date: '2026-06-01', from: EARLIER.id, loc: loc() }] }, { qualifications: [Q, EARLIER] }),
    },
    {
      name: 'a unit of the qualification whose spec file is in error is not reported again',
      model: centre({ optional: ['D/600/0004'] }, { unreadable: ['D/600/0004'], qualifications: [qual([group('mandatory', [M.id], { required: 'all' }), group('optional', [O1.id, 'D/600/0004'])])] }),
    },
  ],
  invalid: [
    {
      name: 'after a transfer, optional-units still names only units of the qualification the learner is on',
      model: centre({ optional: [X.id], transfers: [{ date: '2026-06-01', from: EARLIER.id, loc: loc() }] }, { qualifications: [Q, EARLIER] }),
      errors: [{ code: 'unit-not-in-qualification', path: ['optional-units', 0], data: { unit: X.id } }],
    },
    {
      name: 'a transfer from a qualification that never had the unit keeps nothing of it',
      model: centre({ signoffs: [signoff(X.id, '2026-04-01')], transfers: [{ date: '2026-06-01', from: '600/0000/0', loc: loc() }] }),
      errors: [{ code: 'unit-not-in-qualification', path: ['signoffs', 0, 'unit'], data: { unit: X.id } }],
    },
    {
      name: 'an exemption of a unit outside the qualification, and a claim of one with no specification',
      model: centre({ exemptions: [exemption(X.id)], claims: [claim('2026-05-01', { units: ['Z/999/9999'] })] }),
      errors: [
        { code: 'unit-not-in-qualification', path: ['exemptions', 0, 'unit'], data: { unit: X.id } },
        { code: 'unknown-unit', path: ['claims', 0, 'units', 0], data: { unit: 'Z/999/9999' } },
      ],
    },
    {
      name: 'a qualification with no specification',
      model: centre({ qualification: '601/3734/5' }),
      errors: [{ code: 'unknown-qualification', messageId: 'no-specification', data: { qualification: '601/3734/5', guess: '601/3734/4' }, file: portfolioFile('NT-0001'), path: ['qualification'], says: ['"601/3734/5"', 'did you mean "601/3734/4"?'] }],
    },
    {
      name: 'an optional unit with no specification, its check letter wrong',
      model: centre({ optional: ['A/600/0001'] }),
      errors: [{ code: 'unknown-unit', messageId: 'wrong-check-letter', data: { unit: 'A/600/0001', guess: 'L/600/0001' }, path: ['optional-units', 0], key: false, says: ['"A/600/0001"', 'did you mean "L/600/0001"?'] }],
    },
    {
      name: 'evidence covering a unit with no specification points at the key',
      model: centre({ evidence: [covering('Z/999/9999')] }),
      errors: [{ code: 'unknown-unit', messageId: 'no-specification', data: { unit: 'Z/999/9999', guess: null }, path: ['evidence', 0, 'covers', 'Z/999/9999'], key: true }],
    },
    {
      name: 'a sign-off of a unit outside the qualification',
      model: centre({ signoffs: [signoff(X.id, '2026-04-01')] }),
      errors: [{ code: 'unit-not-in-qualification', messageId: 'not-in-qualification', data: { unit: X.id, qualification: '601/3734/4', title: 'Test Diploma' }, path: ['signoffs', 0, 'unit'], says: [`"${X.id}"`, '601/3734/4 Test Diploma'] }],
    },
    {
      name: 'an IQA record on a unit with no specification',
      model: centre({ iqa: [iqa('Z/999/9999', '2026-05-01', 'agreed')] }),
      errors: [{ code: 'unknown-unit', messageId: 'no-specification', data: { unit: 'Z/999/9999' }, path: ['iqa', 0, 'unit'] }],
    },
    {
      name: 'evidence covering an optional unit not chosen',
      model: centre({ optional: [O1.id], evidence: [covering(O2.id)] }),
      errors: [{ code: 'unit-not-chosen', messageId: 'optional-not-chosen', data: { evidence: 'E1', unit: O2.id }, path: ['evidence', 0, 'covers', O2.id], key: true }],
    },
    {
      name: 'a criterion the unit does not have',
      model: centre({ evidence: [covering('CU1', ['1.1', '1.9'])] }),
      errors: [{ code: 'unknown-criterion', messageId: 'not-in-unit', data: { unit: 'L/600/0001', criterion: '1.9', guess: null }, path: ['evidence', 0, 'covers', 'CU1', 1], says: ['unit L/600/0001', '"1.9"', 'its criteria are 1.1, 1.2'] }],
    },
    {
      name: 'a criterion next to one the unit has: that one is suggested',
      model: centre({ evidence: [covering('CU1', ['1.3'])] }),
      errors: [{ code: 'unknown-criterion', messageId: 'did-you-mean', data: { criterion: '1.3', guess: '1.2' }, says: ['did you mean "1.2"?'] }],
    },
    {
      name: 'a criterion nothing like the unit\'s: its criteria are listed',
      model: centre({ evidence: [covering('CU1', ['knowledge'])] }),
      errors: [{ code: 'unknown-criterion', messageId: 'not-in-unit', data: { criterion: 'knowledge', guess: null }, says: ['its criteria are 1.1, '] }],
    },
  ],
});
