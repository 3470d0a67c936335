// Case table for rules/people.ts: staff on the centre's list acting in roles they hold,
// witnesses named in the portfolio, and witness evidence that says who stands behind it.
import { people } from '../../src/rules/people.js';
import type { Evidence } from '../../src/model/types.js';
import { assessment, centreFile, claim, evidence, exemption, iqa, learner, signoff, unit, witness, type LearnerSpec } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2);
const STAFF = centreFile([
  ['a.jones', ['assessor']],
  ['s.patel', ['iqa']],
]);
const centre = (spec: LearnerSpec, c = STAFF): Model => ({ units: [U], centre: c, learners: [learner([U], spec)] });
const testimony = (method: Evidence['method'], w?: string) => evidence('E1', 'U1', ['1.1'], method, undefined, { witness: w });

testRule(people, {
  valid: [
    {
      name: 'an exemption, a claim and a withdrawal recorded by known staff in any role',
      model: centre({ exemptions: [exemption('U1')], claims: [{ ...claim('2026-05-01', { units: ['U1'] }), by: 's.patel' }], withdrawn: { date: '2026-05-02', by: 'a.jones', loc: { file: 't', path: [] } } }),
    },
    {
      name: 'an assessor who assesses and signs off, an IQA who samples',
      model: centre({ assessor: 'a.jones', progress: { U1: 'achieved' }, iqa: [iqa('U1', '2026-05-01', 'agreed')] }),
    },
    { name: 'without a centre file there is no staff list to check against', model: { units: [U], learners: [learner([U], { assessor: 'x.nobody', progress: { U1: 'achieved' } })] } },
    { name: 'witness testimony from a listed witness', model: centre({ witnesses: [witness('w-ann', '3')], evidence: [testimony('witness-testimony', 'w-ann')] }) },
    { name: 'expert-witness evidence from an expert witness (status 1)', model: centre({ witnesses: [witness('w-ann', '1')], evidence: [testimony('expert-witness', 'w-ann')] }) },
    { name: 'someone holding both roles may act in either', model: centre({ assessor: 'a.jones', iqa: [{ ...iqa('U1', '2026-05-01', 'agreed'), by: 'a.jones' }] }, centreFile([['a.jones', ['assessor', 'iqa']]])) },
  ],
  invalid: [
    {
      name: 'a staff id listed twice in the centre file',
      model: { centre: centreFile([['a.jones', ['assessor']], ['s.patel', ['iqa']], ['a.jones', ['assessor']]]) },
      errors: [{ code: 'duplicate-entry', messageId: 'staff-twice', data: { staff: 'a.jones' }, file: 'portfolios/centre.yaml', path: ['staff', 2, 'id'], says: ['"a.jones"'] }],
    },
    {
      name: 'an assessor not on the staff list, with the nearest id suggested',
      model: centre({ assessor: 'a.jone' }),
      errors: [{ code: 'unknown-staff', messageId: 'assessor', data: { staff: 'a.jone', guess: 'a.jones' }, path: ['assessor'], says: ['"a.jone"', 'did you mean "a.jones"?'] }],
    },
    {
      name: 'an assessment by someone not on the staff list',
      model: centre({ evidence: [evidence('E1', 'U1', ['1.1'], 'observation', undefined, { assessment: assessment('2026-03-05', 'accepted', 'q.xyzzy') })] }),
      errors: [{ code: 'unknown-staff', messageId: 'assessed-by', data: { staff: 'q.xyzzy', of: 'E1', guess: null }, path: ['evidence', 0, 'assessment', 'by'], says: ['add them there'] }],
    },
    {
      name: 'a sign-off by an IQA who is not an assessor',
      model: centre({ signoffs: [signoff('U1', '2026-04-01', 's.patel')] }),
      errors: [{ code: 'staff-role', messageId: 'signed-off-by', data: { staff: 's.patel', of: 'U1', role: 'assessor' }, path: ['signoffs', 0, 'by'], says: ['"s.patel"', 'assessor role'] }],
    },
    {
      name: 'an IQA record by an assessor who is not an IQA',
      model: centre({ iqa: [{ ...iqa('U1', '2026-05-01', 'agreed'), by: 'a.jones' }] }),
      errors: [{ code: 'staff-role', messageId: 'iqa-by', data: { staff: 'a.jones', role: 'iqa' }, path: ['iqa', 0, 'by'] }],
    },
    {
      name: 'a witness listed twice',
      model: centre({ witnesses: [witness('w-ann', '1'), witness('w-ann', '1')] }),
      errors: [{ code: 'duplicate-entry', messageId: 'witness-twice', data: { witness: 'w-ann' }, path: ['witnesses', 1, 'id'] }],
    },
    {
      name: 'evidence naming a witness the portfolio does not list',
      model: centre({ witnesses: [witness('w-lee', '1')], evidence: [testimony('witness-testimony', 'w-le')] }),
      errors: [{ code: 'unknown-witness', messageId: 'does-not-count', data: { evidence: 'E1', witness: 'w-le', counts: false, guess: 'w-lee' }, path: ['evidence', 0, 'witness'], says: ['"w-le"', 'so it does not count', 'did you mean "w-lee"?'] }],
    },
    {
      name: 'an observation naming a witness the portfolio does not list: it still counts',
      model: centre({ evidence: [testimony('observation', 'w-x')] }),
      errors: [{ code: 'unknown-witness', messageId: 'not-listed', data: { witness: 'w-x', counts: true, guess: null }, path: ['evidence', 0, 'witness'], says: ['add them under witnesses'] }],
    },
    {
      name: 'witness testimony naming no witness',
      model: centre({ evidence: [testimony('witness-testimony')] }),
      errors: [{ code: 'witness-missing', messageId: 'testimony-without-witness', data: { evidence: 'E1', method: 'witness-testimony' }, path: ['evidence', 0, 'method'] }],
    },
    {
      name: 'expert-witness evidence naming no witness counts only as testimony',
      model: centre({ evidence: [testimony('expert-witness')] }),
      errors: [{ code: 'witness-missing', messageId: 'expert-without-witness', says: ['counts only as witness testimony'] }],
    },
    {
      name: 'expert-witness evidence whose witness is not status 1',
      model: centre({ witnesses: [witness('w-ann', '3')], evidence: [testimony('expert-witness', 'w-ann')] }),
      errors: [{ code: 'witness-not-expert', messageId: 'not-expert', data: { evidence: 'E1', witness: 'w-ann', status: '3' }, path: ['evidence', 0, 'method'], says: ['w-ann is status 3'] }],
    },
    {
      name: 'expert-witness evidence whose witness has no status',
      model: centre({ witnesses: [witness('w-ann')], evidence: [testimony('expert-witness', 'w-ann')] }),
      errors: [{ code: 'witness-not-expert', messageId: 'not-expert', data: { witness: 'w-ann', status: null }, says: ['w-ann has no status recorded'] }],
    },
    {
      name: 'an exemption, a claim and a withdrawal recorded by people not on the staff list',
      model: centre({ exemptions: [{ ...exemption('U1'), by: 'z.ghost' }], claims: [claim('2026-05-01', { units: ['U1'] })], withdrawn: { date: '2026-05-02', by: 'a.jone', loc: { file: 't', path: [] } } }),
      errors: [
        { code: 'unknown-staff', messageId: 'exemption-by', data: { staff: 'z.ghost', of: 'U1', guess: null }, path: ['exemptions', 0, 'by'], says: ['exemption of U1 recorded by "z.ghost"'] },
        { code: 'unknown-staff', messageId: 'claim-by', data: { staff: 'e.officer', of: '2026-05-01' }, path: ['claims', 0, 'by'], says: ['claim of 2026-05-01 made by "e.officer"'] },
        { code: 'unknown-staff', messageId: 'withdrawn-by', data: { staff: 'a.jone', guess: 'a.jones' }, path: ['withdrawn', 'by'], says: ['did you mean "a.jones"?'] },
      ],
    },
  ],
});
