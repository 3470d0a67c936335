// Dates an assessor can be held to: nothing in the future (as of --as-of), and records in the
// order they must happen: evidence, then its assessment, then the unit's sign-off, then the
// summative IQA. Future dates are found on every record; the order is judged on the record as
// it stood on the as-of date, as status judges it, so a record that has not happened yet
// never makes another one out of order.
import { q, type Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { coverage, criteriaOpenOn } from '../status/learner.js';
import { at, type Rule } from './context.js';
import { plural } from '../text.js';

const sub = (loc: Loc, ...p: (string | number)[]): Loc => ({ file: loc.file, path: [...loc.path, ...p] });

export const dates: Rule = {
  name: 'dates',
  codes: ['future-date', 'date-order'],
  learner(ctx) {
    const { specs, index, asOf, learner: l, record, result } = ctx;
    const out: Finding[] = [];
    const future = (date: string | undefined, loc: Loc, what: string) => {
      if (date && date > asOf) out.push(at('future-date', loc, `${what} ${date}, after today (${asOf}): correct the date, or record it when it happens`));
    };
    future(l.registered, { file: l.loc.file, path: ['registered'] }, 'registration date');
    for (const e of l.evidence) {
      future(e.date, sub(e.loc, 'date'), `evidence ${q(e.id)} is dated`);
      if (e.assessment) future(e.assessment.date, sub(e.assessment.loc, 'date'), `evidence ${q(e.id)} is assessed on`);
    }
    for (const s of l.signoffs) future(s.date, sub(s.loc, 'date'), `sign-off of ${s.unitRef} is dated`);
    for (const r of l.iqa) future(r.date, sub(r.loc, 'date'), `IQA record on ${r.unitRef} is dated`);

    for (const e of record.evidence) {
      const a = e.assessment;
      if (a && e.date && a.date < e.date) {
        out.push(at('date-order', sub(a.loc, 'date'), `evidence ${q(e.id)} is assessed on ${a.date}, before its own date ${e.date}: an item cannot be assessed before it exists; correct one of the dates`));
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
      const shown = open.slice(0, 5).join(', ') + (open.length > 5 ? ` and ${open.length - 5} more` : '');
      const since = now.earlySignoff?.since;
      out.push(
        at(
          'date-order',
          sub(s.loc, 'date'),
          `${s.unitRef} is signed off on ${s.date}, when ${open.length} of its ${plural(now.total, 'criterion', 'criteria')} ${open.length === 1 ? 'was' : 'were'} not yet met by assessed evidence (${shown}), so the sign-off does not count: sign the unit off again${since ? ` on or after ${since}, when the last was met` : ' after the last assessment it relies on'}, or correct the dates`,
        ),
      );
    }
    // A summative sample follows a sign-off: any sign-off on or before it, so a unit signed off
    // again after an IQA "not agreed" leaves that IQA record in order.
    for (const r of record.iqa) {
      if (r.stage !== 'summative') continue;
      const dates = signoffDates.get(index.canonical(r.unitRef)) ?? [];
      if (dates.some((d) => d <= r.date)) continue;
      const first = dates.reduce<string | undefined>((m, d) => (m === undefined || d < m ? d : m), undefined);
      out.push(
        at(
          'date-order',
          sub(r.loc, 'date'),
          `summative IQA of ${r.unitRef} on ${r.date} comes before ${first ? `the unit's first sign-off on ${first}` : 'any sign-off of the unit'}: a summative sample follows the sign-off; record it as interim or correct the date`,
        ),
      );
    }
    return out;
  },
};
