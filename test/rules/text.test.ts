// Case table for rules/text.ts: names, ids and titles that reports could only show escaped
// (control, line-separator and text-direction characters), in the specs, the centre file and
// portfolios, and a learner folder name, which is in no file.
import { unsafeText } from '../../src/rules/text.js';
import { centreFile, claim, evidence, exemption, learner, portfolioFile, qual, unit, unitFile, witness } from '../model-builders.js';
import { testRule } from '../rule-tester.js';

const U = unit('U1', 3, 2);
const RLO = '\u202e';

testRule(unsafeText, {
  valid: [
    {
      name: 'names and titles in any script',
      model: { units: [unit('U1', 3, 2, { title: 'Café hygiène and safety — 安全' })], centre: centreFile([['a.jones', ['assessor']]], { name: 'Ysgol Gymraeg' }), learners: [learner([U], { name: 'Zoë Ó Briain' })] },
    },
  ],
  invalid: [
    {
      name: 'a text-direction override in a unit title',
      model: { units: [unit('U1', 3, 2, { title: `Safety ${RLO}gpj.exe` })] },
      errors: [{ code: 'unsafe-text', messageId: 'unit-title', data: { value: `Safety ${RLO}gpj.exe`, char: RLO }, file: unitFile('U1'), path: ['title'], says: ['unit title', '\\u202e'] }],
    },
    {
      name: 'an escape character in a qualification title',
      model: { qualifications: [qual([], { title: 'Diploma\u001b[31m' })] },
      errors: [{ code: 'unsafe-text', messageId: 'qualification-title', data: { char: '\u001b' }, path: ['title'] }],
    },
    {
      name: 'a line separator in a staff name',
      model: { centre: centreFile([['a.jones', ['assessor']]], { names: { 'a.jones': 'Alex\u2028Jones' } }) },
      errors: [{ code: 'unsafe-text', messageId: 'staff-name', data: { value: 'Alex\u2028Jones' }, file: 'portfolios/centre.yaml', path: ['staff', 0, 'name'] }],
    },
    {
      name: 'a control character in a learner folder name: the portfolio as a whole',
      model: { learners: [learner([U], { id: 'NT\u00070001' })] },
      errors: [{ code: 'unsafe-text', messageId: 'learner-folder-name', data: { learner: 'NT\u00070001', char: '\u0007' }, file: portfolioFile('NT\u00070001'), whole: true, says: ['learner folder name'] }],
    },
    {
      name: 'in a learner name, a witness name and an evidence title',
      model: { learners: [learner([U], { name: `Dee${RLO}`, witnesses: [{ ...witness('w-ann', '1'), name: 'Ann\u0000' }], evidence: [evidence('E1', 'U1', ['1.1'], 'observation', undefined, { title: 'Obs\u2066' })] })] },
      errors: [
        { code: 'unsafe-text', messageId: 'learner-name', path: ['learner', 'name'] },
        { code: 'unsafe-text', messageId: 'witness-name', path: ['witnesses', 0, 'name'] },
        { code: 'unsafe-text', messageId: 'evidence-title', path: ['evidence', 0, 'title'], says: ['evidence title'] },
      ],
    },
    {
      name: 'control characters in the numbers a claim upload and a certificate carry',
      model: { units: [U], learners: [{ ...learner([U], { exemptions: [exemption('U1', 'credit-transfer', '2026-02-01', 'CERT\u0000 1')], claims: [claim('2026-05-01', { units: ['U1'] }, { reference: 'CLM\u001b[2J', certificate: `Q-${RLO}55` })] }), registrationNumber: 'REG\u0007' }] },
      errors: [
        { code: 'unsafe-text', messageId: 'registration-number', data: { char: '\u0007' }, path: ['registration-number'] },
        { code: 'unsafe-text', messageId: 'exemption-reference', data: { char: '\u0000' }, path: ['exemptions', 0, 'reference'] },
        { code: 'unsafe-text', messageId: 'claim-reference', data: { char: '\u001b' }, path: ['claims', 0, 'reference'] },
        { code: 'unsafe-text', messageId: 'certificate-number', data: { char: RLO }, path: ['claims', 0, 'certificate'] },
      ],
    },
  ],
});
