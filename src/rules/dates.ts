// Dates an assessor can be held to: nothing in the future (as of --as-of), and records in the
// order they must happen: evidence, then its assessment, then the unit's sign-off, then the
// summative IQA.
import type { Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { at, type Rule } from './context.js';

const sub = (loc: Loc, ...p: (string | number)[]): Loc => ({ file: loc.file, path: [...loc.path, ...p] });

export const dates: Rule = {
  name: 'dates',
  codes: ['future-date', 'date-order'],
  run({ centre, index, asOf }) {
    const out: Finding[] = [];
    const future = (date: string | undefined, loc: Loc, what: string) => {
      if (date && date > asOf) out.push(at('future-date', loc, `${what} ${date}, after today (${asOf}): correct the date, or record it when it happens`));
    };
    for (const l of centre.learners) {
      future(l.registered, { file: l.loc.file, path: ['registered'] }, 'registration date');
      const lastAssessed = new Map<string, { date: string; id: string }>();
      for (const e of l.evidence) {
        future(e.date, sub(e.loc, 'date'), `evidence "${e.id}" is dated`);
        const a = e.assessment;
        if (!a) continue;
        future(a.date, sub(a.loc, 'date'), `evidence "${e.id}" is assessed on`);
        if (e.date && a.date < e.date) {
          out.push(at('date-order', sub(a.loc, 'date'), `evidence "${e.id}" is assessed on ${a.date}, before its own date ${e.date}: an item cannot be assessed before it exists; correct one of the dates`));
        }
        for (const c of e.covers) {
          const id = index.canonical(c.unitRef);
          const prev = lastAssessed.get(id);
          if (!prev || a.date > prev.date) lastAssessed.set(id, { date: a.date, id: e.id });
        }
      }
      const signedOff = new Map<string, string>();
      for (const s of l.signoffs) {
        future(s.date, sub(s.loc, 'date'), `sign-off of ${s.unitRef} is dated`);
        const id = index.canonical(s.unitRef);
        const last = lastAssessed.get(id);
        if (last && s.date < last.date) {
          out.push(at('date-order', sub(s.loc, 'date'), `${s.unitRef} is signed off on ${s.date}, before evidence "${last.id}" was assessed on ${last.date}: sign off after the last assessment, or correct the dates`));
        }
        const prev = signedOff.get(id);
        if (!prev || s.date > prev) signedOff.set(id, s.date);
      }
      for (const r of l.iqa) {
        future(r.date, sub(r.loc, 'date'), `IQA record on ${r.unitRef} is dated`);
        const signed = signedOff.get(index.canonical(r.unitRef));
        if (r.stage === 'summative' && signed && r.date < signed) {
          out.push(at('date-order', sub(r.loc, 'date'), `summative IQA of ${r.unitRef} on ${r.date} comes before the unit's sign-off on ${signed}: a summative sample follows the sign-off; record it as interim or correct the date`));
        }
      }
    }
    return out;
  },
};
