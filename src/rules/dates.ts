// Dates an assessor can be held to: nothing in the future (as of --as-of), and records in the
// order they must happen: evidence, then its assessment, then the unit's sign-off, then the
// summative IQA. Future dates are found on every record; the order is judged on the record as
// it stood on the as-of date, as status judges it, so a record that has not happened yet
// never makes another one out of order.
import { itemKey, q, type Finding } from '../diagnostics.js';
import type { Learner, Loc } from '../model/types.js';
import { coverage, criteriaOpenOn } from '../status/learner.js';
import { at, type Rule } from './context.js';
import { plural } from '../text.js';

const sub = (loc: Loc, ...p: (string | number)[]): Loc => ({ file: loc.file, path: [...loc.path, ...p] });

// One message per record kind; what it names (the evidence id or the unit) is its data.
const FUTURE = {
  registered: () => 'registration date',
  'evidence-dated': (d: { of: string | null }) => `evidence ${q(d.of)} is dated`,
  'evidence-assessed': (d: { of: string | null }) => `evidence ${q(d.of)} is assessed on`,
  'signoff-dated': (d: { of: string | null }) => `sign-off of ${d.of} is dated`,
  'iqa-dated': (d: { of: string | null }) => `IQA record on ${d.of} is dated`,
  'withdrawn-dated': () => 'withdrawal is dated',
  'exemption-dated': (d: { of: string | null }) => `exemption of ${d.of} is dated`,
  'claim-dated': () => 'claim is dated',
};

/** The learner's lifecycle records in the order they must happen: registered before withdrawn,
 * a break's end after its start, a certificate on or after its claim. */
function lifecycleOrder(l: Learner, out: Finding[]): void {
  const w = l.withdrawn;
  if (w && l.registered && w.date < l.registered) {
    const said = { id: 'withdrawn-before-registered', data: { date: w.date, registered: l.registered } };
    out.push(at('date-order', sub(w.loc, 'date'), said, (d) => `the withdrawal on ${d.date} comes before the registration on ${d.registered}: a learner withdraws after registering; correct one of the dates`));
  }
  for (const b of l.breaks) {
    if (b.to === undefined || b.to >= b.from) continue;
    const said = { id: 'break-ends-before-start', data: { from: b.from, to: b.to } };
    out.push(at('date-order', sub(b.loc, 'to'), said, (d) => `the break from ${d.from} ends on ${d.to}, before it starts: correct one of the dates`));
  }
  for (const c of l.claims) {
    if (c.certificateDate === undefined || c.certificateDate >= c.date) continue;
    const said = { id: 'certificate-before-claim', data: { date: c.date, certificateDate: c.certificateDate } };
    out.push(at('date-order', sub(c.loc, 'certificate-date'), said, (d) => `the certificate of the claim of ${d.date} is dated ${d.certificateDate}, before the claim: correct the certificate date or the claim date`));
  }
}

export const dates: Rule = {
  name: 'dates',
  codes: ['future-date', 'date-order'],
  learner(ctx) {
    const { specs, index, asOf, learner: l, record, result } = ctx;
    const out: Finding[] = [];
    const future = (date: string | undefined, loc: Loc, id: keyof typeof FUTURE, of: string | null = null) => {
      if (!date || date <= asOf) return;
      const said = { id, data: { date, asOf, of } };
      out.push(at('future-date', loc, said, (d) => `${FUTURE[id](d)} ${d.date}, after today (${d.asOf}): correct the date, or record it when it happens`));
    };
    future(l.registered, { file: l.loc.file, path: ['registered'] }, 'registered');
    for (const e of l.evidence) {
      future(e.date, sub(e.loc, 'date'), 'evidence-dated', e.id);
      if (e.assessment) future(e.assessment.date, sub(e.assessment.loc, 'date'), 'evidence-assessed', e.id);
    }
    for (const s of l.signoffs) future(s.date, sub(s.loc, 'date'), 'signoff-dated', s.unitRef);
    for (const r of l.iqa) future(r.date, sub(r.loc, 'date'), 'iqa-dated', r.unitRef);
    // A break may be planned ahead (a return date not reached yet), so only its order is judged.
    if (l.withdrawn) future(l.withdrawn.date, sub(l.withdrawn.loc, 'date'), 'withdrawn-dated');
    for (const e of l.exemptions) future(e.date, sub(e.loc, 'date'), 'exemption-dated', e.unitRef);
    for (const c of l.claims) future(c.date, sub(c.loc, 'date'), 'claim-dated');
    lifecycleOrder(l, out);

    for (const e of record.evidence) {
      const a = e.assessment;
      if (a && e.date && a.date < e.date) {
        const said = { id: 'assessed-before-dated', data: { evidence: e.id, assessed: a.date, date: e.date } };
        out.push(at('date-order', sub(a.loc, 'date'), said, (d) => `evidence ${q(d.evidence)} is assessed on ${d.assessed}, before its own date ${d.date}: an item cannot be assessed before it exists; correct one of the dates`));
      }
    }
    const covered = record.signoffs.length ? coverage(record, index) : undefined;
    const signoffDates = new Map<string, string[]>();
    for (const s of record.signoffs) {
      const id = index.canonical(s.unitRef);
      signoffDates.set(id, [...(signoffDates.get(id) ?? []), s.date]);
      // Signed off before the assessments it rests on: the unit, evaluated as of the
      // sign-off date, was not yet complete. Later evidence that merely cross-references a
      // signed-off unit is fine. Only when the unit is complete now (otherwise signoff-unmet
      // says so), and not when a sign-off that holds (status's) is as late or later: signing
      // off again is the fix, and the early record stays in the history.
      const unit = index.unit(id);
      const now = result.units.find((u) => u.id === id);
      if (!unit || !now || now.total === 0 || now.met < now.total) continue;
      if (now.signoff && now.signoff.date >= s.date) continue;
      const open = criteriaOpenOn(unit, record, covered!.get(id), specs.centre, s.date);
      if (!open.length) continue;
      const said = { id: 'signed-off-early', data: { unit: s.unitRef, date: s.date, open, total: now.total, since: now.earlySignoff?.since ?? null } };
      const text = (d: typeof said.data) => {
        const shown = d.open.slice(0, 5).join(', ') + (d.open.length > 5 ? ` and ${d.open.length - 5} more` : '');
        return `${d.unit} is signed off on ${d.date}, when ${d.open.length} of its ${plural(d.total, 'criterion', 'criteria')} ${d.open.length === 1 ? 'was' : 'were'} not yet met by assessed evidence (${shown}), so the sign-off does not count: sign the unit off again${d.since ? ` on or after ${d.since}, when the last was met` : ' after the last assessment it relies on'}, or correct the dates`;
      };
      out.push(at('date-order', sub(s.loc, 'date'), said, text));
    }
    // A summative sample follows a sign-off: any sign-off on or before it, so a unit signed off
    // again after an IQA "not agreed" leaves that IQA record in order.
    for (const r of record.iqa) {
      if (r.stage !== 'summative') continue;
      const dates = signoffDates.get(index.canonical(r.unitRef)) ?? [];
      if (dates.some((d) => d <= r.date)) continue;
      const first = dates.reduce<string | undefined>((m, d) => (m === undefined || d < m ? d : m), undefined);
      const said = { id: 'summative-before-signoff', data: { unit: r.unitRef, date: r.date, firstSignoff: first ?? null } };
      const text = (d: typeof said.data) =>
        `summative IQA of ${d.unit} on ${d.date} comes before ${d.firstSignoff ? `the unit's first sign-off on ${d.firstSignoff}` : 'any sign-off of the unit'}: a summative sample follows the sign-off; record it as interim or correct the date`;
      const f = at('date-order', sub(r.loc, 'date'), said, text);
      // A sign-off of the unit left out for its shape (a bad date) is the mistake, reported there.
      const left = (l.droppedSignoffs ?? []).filter((s) => index.canonical(s.unitRef) === index.canonical(r.unitRef)).map((s) => itemKey(s.loc.file, s.loc.path));
      if (left.length) f.follows = [left];
      out.push(f);
    }
    return out;
  },
};
