// Everyone a record names must be known, and act in a role they hold: assessors assess and
// sign off, IQAs quality-assure. Witnesses are named in the portfolio that uses them, and what
// their evidence counts as is decided in status/witness.ts, for status and check alike.
import { q, type Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { standingOf, witnessBook } from '../status/witness.js';
import { closest } from '../text.js';
import { at, type Rule } from './context.js';

export const people: Rule = {
  name: 'staff and witnesses',
  codes: ['unknown-staff', 'staff-role', 'unknown-witness', 'witness-missing', 'witness-not-expert', 'duplicate-entry'],
  specs({ specs }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const s of specs.centre?.staffList ?? []) {
      if (seen.has(s.id)) out.push(at('duplicate-entry', s.loc, `staff id ${q(s.id)} is listed twice in the centre file: keep one entry per person`, { sub: ['id'] }));
      seen.add(s.id);
    }
    return out;
  },
  learner({ specs, learner: l }) {
    const out: Finding[] = [];
    const staff = specs.centre?.staff;
    // Without a centre file there is no staff list; that absence is the finding's own business.
    const person = (id: string, role: 'assessor' | 'iqa', loc: Loc, what: string) => {
      if (!staff) return;
      const s = staff.get(id);
      if (!s) {
        const guess = closest(id, staff.keys());
        out.push(at('unknown-staff', loc, `${what} ${q(id)}, who is not on the staff list in portfolios/centre.yaml: ${guess ? `did you mean ${q(guess)}?` : 'add them there or correct the id'}`));
      } else if (!s.roles.has(role)) {
        out.push(at('staff-role', loc, `${what} ${q(id)} (${s.name}), who does not hold the ${role} role: add ${q(role)} to their roles in portfolios/centre.yaml, or name someone who does`));
      }
    };

    if (l.assessor) person(l.assessor, 'assessor', { file: l.loc.file, path: ['assessor'] }, 'assessor');
    const witnesses = new Set<string>();
    for (const w of l.witnesses) {
      if (witnesses.has(w.id)) out.push(at('duplicate-entry', w.loc, `witness ${q(w.id)} is listed twice: keep one entry`, { sub: ['id'] }));
      witnesses.add(w.id);
    }
    const book = witnessBook(l);
    for (const e of l.evidence) {
      if (e.assessment) person(e.assessment.by, 'assessor', { ...e.assessment.loc, path: [...e.assessment.loc.path, 'by'] }, `evidence ${q(e.id)} is assessed by`);
      const standing = standingOf(e, book);
      if (e.witness !== undefined && !book.has(e.witness)) {
        const guess = closest(e.witness, book.keys());
        const counts = 'unknownWitness' in standing ? ', so it does not count' : '';
        out.push(at('unknown-witness', e.loc, `evidence ${q(e.id)} names witness ${q(e.witness)}, who is not in this portfolio's witnesses${counts}: ${guess ? `did you mean ${q(guess)}?` : 'add them under witnesses'}`, { sub: ['witness'] }));
      }
      if ((e.method === 'witness-testimony' || e.method === 'expert-witness') && e.witness === undefined) {
        const counts = e.method === 'expert-witness' ? ', so it counts only as witness testimony' : '';
        out.push(at('witness-missing', e.loc, `evidence ${q(e.id)} is ${e.method} but names no witness${counts}: add witness: <id> from this portfolio's witnesses`, { sub: ['method'] }));
      } else if ('notExpert' in standing) {
        out.push(at('witness-not-expert', e.loc, `evidence ${q(e.id)} is expert-witness, but its witness is not an expert witness (${standing.notExpert}), so it counts only as witness testimony: an expert witness is an occupational expert and assessor (status 1); correct the witness's status if that is so, or record the item as witness-testimony`, { sub: ['method'] }));
      }
    }
    for (const s of l.signoffs) person(s.by, 'assessor', { file: s.loc.file, path: [...s.loc.path, 'by'] }, `sign-off of ${s.unitRef} by`);
    for (const r of l.iqa) person(r.by, 'iqa', { file: r.loc.file, path: [...r.loc.path, 'by'] }, `IQA record on ${r.unitRef} by`);
    return out;
  },
};
