// Identifier check characters (README "Check codes"): unit reference numbers and
// qualification numbers are inferred schemes, so a mismatch warns; a ULN failing the funding
// agency's rule is an error. Two learners may not share a ULN (duplicate-uln, its own code
// because changed-only checks report it in a learner they did not otherwise check).
import { q, type Finding } from '../diagnostics.js';
import { checkQn, checkUln, checkUrn, isOwnUln, TEMPORARY_ULN } from '../ids.js';
import { at, type Rule } from './context.js';

export const identifiers: Rule = {
  name: 'identifier check characters',
  codes: ['unit-check-letter', 'qualification-check-digit', 'uln-check-digit', 'duplicate-uln'],
  specs({ specs }) {
    const out: Finding[] = [];
    for (const u of specs.units) {
      const r = checkUrn(u.id);
      if (!r.ok) out.push(at('unit-check-letter', u.loc, { id: 'wrong-letter', data: { unit: u.id, reason: r.reason, expected: r.expected ?? null } }, (d) => `unit reference number ${q(d.unit)}: ${d.reason} (${d.expected}); check the number against the awarding body's specification`));
    }
    for (const qual of specs.qualifications) {
      const r = checkQn(qual.id);
      if (!r.ok) out.push(at('qualification-check-digit', qual.loc, { id: 'wrong-character', data: { qualification: qual.id, reason: r.reason, expected: r.expected ?? null } }, (d) => `qualification number ${q(d.qualification)}: ${d.reason} (${d.expected}); check the number on the Ofqual register`));
    }
    return out;
  },
  learner({ learner: l }) {
    if (!l.uln) return [];
    const r = checkUln(l.uln);
    if (r.ok) return [];
    const said = { id: 'invalid-uln', data: { uln: l.uln, reason: r.reason, expected: r.expected ?? null, temporary: TEMPORARY_ULN } };
    const text = (d: typeof said.data) => `ULN ${q(d.uln)} is not valid: ${d.reason}${d.expected ? ` (${d.expected})` : ''}; copy it again from the Learning Records Service, or use ${d.temporary} until it is known`;
    return [at('uln-check-digit', { file: l.loc.file, path: ['learner', 'uln'] }, said, text)];
  },
  cohort(learners) {
    const out: Finding[] = [];
    const ulns = new Map<string, string>();
    for (const l of learners) {
      if (!isOwnUln(l.uln)) continue;
      const other = ulns.get(l.uln);
      if (other) out.push(at('duplicate-uln', { file: l.file, path: ['learner', 'uln'] }, { id: 'shared-uln', data: { uln: l.uln, learner: other } }, (d) => `ULN ${q(d.uln)} is also the ULN of learner ${d.learner}: each learner has their own ULN; correct one of them`));
      else ulns.set(l.uln, l.id);
    }
    return out;
  },
};
