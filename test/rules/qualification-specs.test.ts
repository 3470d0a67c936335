// Case table for rules/qualification-specs.ts: one file per qualification number, groups that
// name known units once, barred lists that do not bar two mandatory units.
import { qualificationSpecs } from '../../src/rules/qualification-specs.js';
import { group, qual, qualificationFile, unit } from '../model-builders.js';
import { testRule } from '../rule-tester.js';

const A = unit('L/600/0001', 3, 2, { aliases: ['CU1'] });
const B = unit('R/600/0002', 3, 2);
const C = unit('Y/600/0003', 3, 2);
const units = [A, B, C];

testRule(qualificationSpecs, {
  valid: [
    { name: 'groups of known units, each listed once', model: { units, qualifications: [qual([group('mandatory', [A.id], { required: 'all' }), group('optional', [B.id, C.id], { minUnits: 1 })])] } },
    { name: 'a unit listed by its alias', model: { units, qualifications: [qual([group('mandatory', ['CU1'], { required: 'all' })])] } },
    { name: 'a unit whose spec file is in error is not reported again', model: { units, unreadable: ['H/600/0005'], qualifications: [qual([group('optional', ['H/600/0005'])])] } },
    { name: 'a spec file ending .yml', model: { qualifications: [qual([], { file: 'specs/qualifications/601-3734-4.yml' })] } },
    { name: 'a barred pair of one mandatory and one optional unit', model: { units, qualifications: [qual([group('mandatory', [A.id], { required: 'all' }), group('optional', [B.id])], { barred: [[A.id, B.id]] })] } },
    { name: 'a barred list naming one mandatory unit by number and alias is one unit', model: { units, qualifications: [qual([group('mandatory', [A.id], { required: 'all' })], { barred: [[A.id, 'CU1']] })] } },
    { name: 'a barred pair of two optional units', model: { units, qualifications: [qual([group('optional', [B.id, C.id])], { barred: [[B.id, C.id]] })] } },
  ],
  invalid: [
    {
      name: 'two files for one qualification number, with and without slashes',
      model: { qualifications: [qual([]), qual([], { id: '60137344' })] },
      errors: [{ code: 'duplicate-qualification', messageId: 'number-taken', data: { qualification: '60137344', file: qualificationFile('601/3734/4') }, file: qualificationFile('60137344'), path: ['qualification'], says: ['"60137344"', qualificationFile('601/3734/4')] }],
    },
    {
      name: 'a group names a unit with no specification',
      model: { units, qualifications: [qual([group('optional', [B.id, 'H/600/0005'])])] },
      errors: [{ code: 'qualification-unit-unknown', messageId: 'no-specification', data: { unit: 'H/600/0005' }, path: ['groups', 0, 'units', 1], says: ['"H/600/0005"', 'no learner can take it'] }],
    },
    {
      name: 'a unit in two groups, once by its alias',
      model: { units, qualifications: [qual([group('mandatory', [A.id], { required: 'all' }), group('optional', [B.id, 'CU1'])])] },
      errors: [{ code: 'duplicate-entry', messageId: 'unit-in-two-groups', data: { unit: 'CU1', group: 'mandatory' }, path: ['groups', 1, 'units', 1] }],
    },
    {
      name: 'a spec file not named after its qualification',
      model: { qualifications: [qual([], { file: 'specs/qualifications/diploma.yaml' })] },
      errors: [{ code: 'spec-file-name', messageId: 'qualification-file', data: { file: 'diploma.yaml', expected: '601-3734-4.yaml' }, path: ['qualification'], says: ['diploma.yaml', '601-3734-4.yaml'] }],
    },
    {
      name: 'two mandatory units barred together, one by its alias',
      model: { units, qualifications: [qual([group('mandatory', [A.id, B.id], { required: 'all' })], { barred: [['CU1', B.id]] })] },
      errors: [{ code: 'barred-combination', messageId: 'both-mandatory', data: { units: [A.id, B.id] }, path: ['barred', 0], says: [`${A.id} and ${B.id} are both mandatory`] }],
    },
  ],
});
