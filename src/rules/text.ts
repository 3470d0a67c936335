// Names and identifiers are written into every report: terminal tables, CSV, Markdown, CI
// annotations, JUnit. A control character, a line separator or a bidi override in one of them
// can only be shown escaped (render/safe.ts), so the record no longer reads as it was written;
// it is almost always a paste accident or an attempt to forge output. Either way the centre's
// record should not keep it, so it is an error at its place.
import type { Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { escapeChar, quote, UNSAFE_CHARS } from '../render/safe.js';
import { at, type Rule } from './context.js';

const FIX = 'retype it without control, line-separator or text-direction characters';

/** The message id of each field checked (what holds the character), and how messages name it. */
const FIELDS = {
  'centre-name': 'centre name',
  'staff-id': 'staff id',
  'staff-name': 'staff name',
  'unit-number': 'unit number',
  'unit-title': 'unit title',
  'unit-alias': 'unit alias',
  'outcome-id': 'outcome id',
  'outcome-title': 'outcome title',
  'criterion-id': 'criterion id',
  'qualification-number': 'qualification number',
  'qualification-title': 'qualification title',
  'group-id': 'group id',
  'group-title': 'group title',
  'learner-name': 'learner name',
  uln: 'ULN',
  assessor: 'assessor',
  'witness-id': 'witness id',
  'witness-name': 'witness name',
  'evidence-id': 'evidence id',
  'evidence-title': 'evidence title',
  'registration-number': 'registration number',
  'exemption-reference': 'exemption reference',
  'claim-reference': 'claim reference',
  'certificate-number': 'certificate number',
} as const;

function unsafe(out: Finding[], value: string | undefined, field: keyof typeof FIELDS, loc: Loc, sub: (string | number)[]): void {
  if (value === undefined) return;
  const m = UNSAFE_CHARS.exec(value);
  if (!m) return;
  const said = { id: field, data: { value, char: m[0] } };
  out.push(at('unsafe-text', loc, said, (d) => `${FIELDS[field]} ${quote(d.value)} holds the character ${escapeChar(d.char)}, which reports can only show escaped: ${FIX}`, { sub }));
}

export const unsafeText: Rule = {
  name: 'text that can be written safely',
  codes: ['unsafe-text'],
  specs({ specs }) {
    const out: Finding[] = [];
    const c = specs.centre;
    if (c) {
      unsafe(out, c.name, 'centre-name', c.loc, ['name']);
      for (const s of c.staffList) {
        unsafe(out, s.id, 'staff-id', s.loc, ['id']);
        unsafe(out, s.name, 'staff-name', s.loc, ['name']);
      }
    }
    for (const u of specs.units) {
      const base = { file: u.loc.file, path: [] };
      unsafe(out, u.id, 'unit-number', base, ['unit']);
      unsafe(out, u.title, 'unit-title', base, ['title']);
      u.aliases.forEach((a, i) => unsafe(out, a, 'unit-alias', base, ['aliases', i]));
      for (const o of u.outcomes) {
        unsafe(out, o.id, 'outcome-id', o.loc, ['id']);
        unsafe(out, o.title, 'outcome-title', o.loc, ['title']);
        for (const cr of o.criteria) unsafe(out, cr.id, 'criterion-id', cr.loc, ['id']);
      }
    }
    for (const q of specs.qualifications) {
      const base = { file: q.loc.file, path: [] };
      unsafe(out, q.id, 'qualification-number', base, ['qualification']);
      unsafe(out, q.title, 'qualification-title', base, ['title']);
      for (const g of q.groups) {
        unsafe(out, g.id, 'group-id', g.loc, ['id']);
        unsafe(out, g.title, 'group-title', g.loc, ['title']);
      }
    }
    return out;
  },
  learner({ learner: l }) {
    const out: Finding[] = [];
    // The folder name is the learner's id in every report; it is not in any file, so the
    // finding is about the portfolio as a whole.
    const m = UNSAFE_CHARS.exec(l.id);
    if (m) {
      const said = { id: 'learner-folder-name', data: { learner: l.id, char: m[0] } };
      const text = (d: typeof said.data) => `learner folder name ${quote(d.learner)} holds the character ${escapeChar(d.char)}, which reports can only show escaped: rename the folder with letters, digits, ".", "_" and "-"`;
      out.push({ ...at('unsafe-text', { file: l.loc.file, path: [] }, said, text), target: { file: l.loc.file, whole: true } });
    }
    const top = { file: l.loc.file, path: [] };
    unsafe(out, l.name, 'learner-name', top, ['learner', 'name']);
    unsafe(out, l.uln, 'uln', top, ['learner', 'uln']);
    unsafe(out, l.assessor, 'assessor', top, ['assessor']);
    for (const w of l.witnesses) {
      unsafe(out, w.id, 'witness-id', w.loc, ['id']);
      unsafe(out, w.name, 'witness-name', w.loc, ['name']);
    }
    for (const e of l.evidence) {
      unsafe(out, e.id, 'evidence-id', e.loc, ['id']);
      unsafe(out, e.title, 'evidence-title', e.loc, ['title']);
    }
    // The numbers an awarding body's claim upload and certificates carry.
    unsafe(out, l.registrationNumber, 'registration-number', top, ['registration-number']);
    for (const e of l.exemptions) unsafe(out, e.reference, 'exemption-reference', e.loc, ['reference']);
    for (const c of l.claims) {
      unsafe(out, c.reference, 'claim-reference', c.loc, ['reference']);
      unsafe(out, c.certificate, 'certificate-number', c.loc, ['certificate']);
    }
    return out;
  },
};
