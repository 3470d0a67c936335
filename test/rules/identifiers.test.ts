// Case table for rules/identifiers.ts: check characters of unit and qualification numbers and
// of ULNs, and two learners sharing a ULN. The temporary ULN is valid and may be shared.
import { TEMPORARY_ULN } from '../../src/ids.js';
import { identifiers } from '../../src/rules/identifiers.js';
import { group, learner, portfolioFile, qual, unit, unitFile, qualificationFile } from '../model-builders.js';
import { testRule } from '../rule-tester.js';

const U = unit('L/600/0001', 3, 2);
const Q = qual([group('mandatory', [U.id], { required: 'all' })]);
const on = (id: string, uln?: string) => learner([U], { id, uln });

testRule(identifiers, {
  valid: [
    { name: 'unit and qualification numbers with the right check characters', model: { units: [U, unit('H/600/0005', 3, 2)], qualifications: [Q] } },
    { name: 'a unit number that is not URN-shaped has no check letter to test', model: { units: [unit('U1', 3, 2)] } },
    { name: 'a qualification number written without slashes', model: { qualifications: [qual([], { id: '60137344' })] } },
    { name: 'a learner without a ULN', model: { learners: [on('NT-0001')] } },
    { name: 'learners with ULNs of their own', model: { learners: [on('NT-0001', '1000158380'), on('NT-0002', '1000079197')] } },
    { name: 'the temporary ULN, shared by any number of learners', model: { learners: [on('NT-0001', TEMPORARY_ULN), on('NT-0002', TEMPORARY_ULN), on('NT-0003', TEMPORARY_ULN)] } },
  ],
  invalid: [
    {
      name: 'a unit number with the wrong check letter',
      model: { units: [unit('A/600/0004', 3, 2)] },
      errors: [{ code: 'unit-check-letter', messageId: 'wrong-letter', data: { unit: 'A/600/0004', expected: 'D/600/0004' }, file: unitFile('A/600/0004'), path: ['unit'], says: ['"A/600/0004"', 'D/600/0004'] }],
    },
    {
      name: 'a qualification number with the wrong check character',
      model: { qualifications: [qual([], { id: '603/1234/5' })] },
      errors: [{ code: 'qualification-check-digit', messageId: 'wrong-character', data: { qualification: '603/1234/5', expected: '603/1234/8' }, file: qualificationFile('603/1234/5'), path: ['qualification'] }],
    },
    {
      name: 'a ULN with the wrong check digit',
      model: { units: [U], qualifications: [Q], learners: [on('NT-0001', '1000158381')] },
      errors: [{ code: 'uln-check-digit', messageId: 'invalid-uln', data: { uln: '1000158381', expected: '1000158380' }, file: portfolioFile('NT-0001'), path: ['learner', 'uln'], says: ['"1000158381"', '1000158380', TEMPORARY_ULN] }],
    },
    {
      name: 'a ULN that is not ten digits',
      model: { learners: [on('NT-0001', '12345')] },
      errors: [{ code: 'uln-check-digit', messageId: 'invalid-uln', data: { uln: '12345', reason: 'a ULN is exactly 10 digits', expected: '' } }],
    },
    {
      name: 'two learners sharing a ULN: reported in the second, naming the first',
      model: { learners: [on('NT-0001', '1000158380'), on('NT-0002', '1000158380')] },
      errors: [{ code: 'duplicate-uln', messageId: 'shared-uln', data: { uln: '1000158380', learner: 'NT-0001' }, file: portfolioFile('NT-0002'), path: ['learner', 'uln'], says: ['"1000158380"', 'learner NT-0001'] }],
    },
    {
      name: 'three learners sharing a ULN: each after the first names the first',
      model: { learners: [on('NT-0001', '1000158380'), on('NT-0002', '1000079197'), on('NT-0003', '1000158380'), on('NT-0004', '1000158380')] },
      errors: [
        { code: 'duplicate-uln', messageId: 'shared-uln', data: { learner: 'NT-0001' }, file: portfolioFile('NT-0003') },
        { code: 'duplicate-uln', messageId: 'shared-uln', data: { learner: 'NT-0001' }, file: portfolioFile('NT-0004') },
      ],
    },
    {
      name: 'an invalid ULN shared by two learners is reported as invalid only',
      model: { learners: [on('NT-0001', '1000158381'), on('NT-0002', '1000158381')] },
      errors: ['uln-check-digit', 'uln-check-digit'],
    },
  ],
});
