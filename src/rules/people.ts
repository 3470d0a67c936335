// Everyone a record names must be known, and act in a role they hold: assessors assess and
// sign off, IQAs quality-assure. Witnesses are named in the portfolio that uses them, and what
// their evidence counts as is decided in status/witness.ts, for status and check alike.
import { itemKey, q, type Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { standingOf, witnessBook } from '../status/witness.js';
import { closest } from '../text.js';
import { at, type Rule } from './context.js';

// Who names the person is part of the message id (the learner's assessor, an assessment, a
// sign-off, an IQA record); the evidence id or unit it is about is data.
const WHAT = {
  assessor: () => 'assessor',
  'assessed-by': (d: { of: string | null }) => `evidence ${q(d.of)} is assessed by`,
  'signed-off-by': (d: { of: string | null }) => `sign-off of ${d.of} by`,
  'iqa-by': (d: { of: string | null }) => `IQA record on ${d.of} by`,
  'exemption-by': (d: { of: string | null }) => `exemption of ${d.of} recorded by`,
  'claim-by': (d: { of: string | null }) => `claim of ${d.of} made by`,
  'withdrawn-by': () => 'withdrawal recorded by',
};

export const people: Rule = {
  name: 'staff and witnesses',
  codes: ['unknown-staff', 'staff-role', 'unknown-witness', 'witness-missing', 'witness-not-expert', 'duplicate-entry'],
  specs({ specs }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const s of specs.centre?.staffList ?? []) {
      if (seen.has(s.id)) out.push(at('duplicate-entry', s.loc, { id: 'staff-twice', data: { staff: s.id } }, (d) => `staff id ${q(d.staff)} is listed twice in the centre file: keep one entry per person`, { sub: ['id'] }));
      seen.add(s.id);
    }
    return out;
  },
  learner({ specs, learner: l }) {
    const out: Finding[] = [];
    const staff = specs.centre?.staff;
    const person = (id: string, role: 'assessor' | 'iqa' | undefined, loc: Loc, what: keyof typeof WHAT, of: string | null = null) => {
      // Without a centre file there is no staff list; that absence is the finding's own business.
      if (!staff) return;
      const s = staff.get(id);
      // An entry the schema left out is reported in the centre file: its typo, not every record.
      if (!s && specs.centre?.droppedStaff?.some((u) => u.id === id)) return;
      if (!s) {
        const said = { id: what, data: { staff: id, of, guess: closest(id, staff.keys()) ?? null } };
        out.push(at('unknown-staff', loc, said, (d) => `${WHAT[what](d)} ${q(d.staff)}, who is not on the staff list in portfolios/centre.yaml: ${d.guess ? `did you mean ${q(d.guess)}?` : 'add them there or correct the id'}`));
      } else if (role && !s.roles.has(role)) {
        const said = { id: what, data: { staff: id, of, name: s.name, role } };
        out.push(at('staff-role', loc, said, (d) => `${WHAT[what](d)} ${q(d.staff)} (${d.name}), who does not hold the ${d.role} role: add ${q(d.role)} to their roles in portfolios/centre.yaml, or name someone who does`));
      }
    };

    if (l.assessor) person(l.assessor, 'assessor', { file: l.loc.file, path: ['assessor'] }, 'assessor');
    const witnesses = new Set<string>();
    for (const w of l.witnesses) {
      if (witnesses.has(w.id)) out.push(at('duplicate-entry', w.loc, { id: 'witness-twice', data: { witness: w.id } }, (d) => `witness ${q(d.witness)} is listed twice: keep one entry`, { sub: ['id'] }));
      witnesses.add(w.id);
    }
    const book = witnessBook(l);
    for (const e of l.evidence) {
      if (e.assessment) person(e.assessment.by, 'assessor', { ...e.assessment.loc, path: [...e.assessment.loc.path, 'by'] }, 'assessed-by', e.id);
      const standing = standingOf(e, book);
      if (e.witness !== undefined && !book.has(e.witness)) {
        // Whether the item still counts (a witness is what makes it count) tells the two apart.
        const counts = !('unknownWitness' in standing);
        const said = { id: counts ? 'not-listed' : 'does-not-count', data: { evidence: e.id, witness: e.witness, counts, guess: closest(e.witness, book.keys()) ?? null } };
        const text = (d: typeof said.data) =>
          `evidence ${q(d.evidence)} names witness ${q(d.witness)}, who is not in this portfolio's witnesses${d.counts ? '' : ', so it does not count'}: ${d.guess ? `did you mean ${q(d.guess)}?` : 'add them under witnesses'}`;
        const f = at('unknown-witness', e.loc, said, text, { sub: ['witness'] });
        // A witness entry left out for its shape is reported where it stands.
        const left = (l.droppedWitnesses ?? []).filter((w) => w.id === e.witness).map((w) => itemKey(w.loc.file, w.loc.path));
        if (left.length) f.follows = [left];
        out.push(f);
      }
      if ((e.method === 'witness-testimony' || e.method === 'expert-witness') && e.witness === undefined) {
        const said = { id: e.method === 'expert-witness' ? 'expert-without-witness' : 'testimony-without-witness', data: { evidence: e.id, method: e.method } };
        const text = (d: typeof said.data) =>
          `evidence ${q(d.evidence)} is ${d.method} but names no witness${d.method === 'expert-witness' ? ', so it counts only as witness testimony' : ''}: add witness: <id> from this portfolio's witnesses`;
        out.push(at('witness-missing', e.loc, said, text, { sub: ['method'] }));
      } else if ('notExpert' in standing) {
        // why is status/witness.ts's account of it; the witness and their status are its values.
        const witness = e.witness === undefined ? undefined : book.get(e.witness);
        const said = { id: 'not-expert', data: { evidence: e.id, witness: e.witness ?? null, status: witness?.status ?? null, why: standing.notExpert } };
        const text = (d: typeof said.data) =>
          `evidence ${q(d.evidence)} is expert-witness, but its witness is not an expert witness (${d.why}), so it counts only as witness testimony: an expert witness is an occupational expert and assessor (status 1); correct the witness's status if that is so, or record the item as witness-testimony`;
        out.push(at('witness-not-expert', e.loc, said, text, { sub: ['method'] }));
      }
    }
    for (const s of l.signoffs) person(s.by, 'assessor', { file: s.loc.file, path: [...s.loc.path, 'by'] }, 'signed-off-by', s.unitRef);
    for (const r of l.iqa) person(r.by, 'iqa', { file: r.loc.file, path: [...r.loc.path, 'by'] }, 'iqa-by', r.unitRef);
    // Exemptions, claims and withdrawals are recorded by whoever the centre lets (an exams
    // officer, an assessor): the person must be known, in any role.
    const by = (loc: Loc): Loc => ({ file: loc.file, path: [...loc.path, 'by'] });
    for (const e of l.exemptions) person(e.by, undefined, by(e.loc), 'exemption-by', e.unitRef);
    for (const c of l.claims) person(c.by, undefined, by(c.loc), 'claim-by', c.date);
    if (l.withdrawn?.by !== undefined) person(l.withdrawn.by, undefined, by(l.withdrawn.loc), 'withdrawn-by');
    return out;
  },
};
