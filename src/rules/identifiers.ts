// Identifier check characters (shared/reference/facts.md): unit reference numbers and
// qualification numbers are inferred schemes, so a mismatch warns; a ULN failing the funding
// agency's rule is an error.
import type { Finding } from '../diagnostics.js';
import { checkQn, checkUln, checkUrn } from '../ids.js';
import { at, type Rule } from './context.js';

export const identifiers: Rule = {
  name: 'identifier check characters',
  codes: ['unit-check-letter', 'qualification-check-digit', 'uln-check-digit', 'duplicate-entry'],
  run({ centre }) {
    const out: Finding[] = [];
    for (const u of centre.units) {
      const r = checkUrn(u.id);
      if (!r.ok) out.push(at('unit-check-letter', u.loc, `unit reference number "${u.id}": ${r.reason} (${r.expected}); check the number against the awarding body's specification`));
    }
    for (const q of centre.qualifications) {
      const r = checkQn(q.id);
      if (!r.ok) out.push(at('qualification-check-digit', q.loc, `qualification number "${q.id}": ${r.reason} (${r.expected}); check the number on the Ofqual register`));
    }
    const ulns = new Map<string, string>();
    for (const l of centre.learners) {
      if (!l.uln) continue;
      const loc = { file: l.loc.file, path: ['learner', 'uln'] };
      const r = checkUln(l.uln);
      if (!r.ok) out.push(at('uln-check-digit', loc, `ULN "${l.uln}" is not valid: ${r.reason}${r.expected ? ` (${r.expected})` : ''}; copy it again from the Learning Records Service, or use 9999999999 until it is known`));
      else if (l.uln !== '9999999999') {
        const other = ulns.get(l.uln);
        if (other) out.push(at('duplicate-entry', loc, `ULN "${l.uln}" is also the ULN of learner ${other}: each learner has their own ULN; correct one of them`, {}));
        else ulns.set(l.uln, l.id);
      }
    }
    return out;
  },
};
