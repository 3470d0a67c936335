// Dates an assessor can be held to: nothing in the future (as of --as-of), and records in the
// order they must happen: evidence, then its assessment, then the unit's sign-off, then the
// summative IQA.
import type { Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { coverage, evaluateUnit } from '../status/learner.js';
import { at, type Rule } from './context.js';

const sub = (loc: Loc, ...p: (string | number)[]): Loc => ({ file: loc.file, path: [...loc.path, ...p] });

export const dates: Rule = {
  name: 'dates',
  codes: ['future-date', 'date-order'],
  learner(ctx) {
    const { specs, index, asOf, learner: l, result } = ctx;
    const out: Finding[] = [];
    const future = (date: string | undefined, loc: Loc, what: string) => {
      if (date && date > asOf) out.push(at('future-date', loc, `${what} ${date}, after today (${asOf}): correct the date, or record it when it happens`));
    };
    const covered = coverage(l, index);
    future(l.registered, { file: l.loc.file, path: ['registered'] }, 'registration date');
    for (const e of l.evidence) {
      future(e.date, sub(e.loc, 'date'), `evidence "${e.id}" is dated`);
      const a = e.assessment;
      if (!a) continue;
      future(a.date, sub(a.loc, 'date'), `evidence "${e.id}" is assessed on`);
      if (e.date && a.date < e.date) {
        out.push(at('date-order', sub(a.loc, 'date'), `evidence "${e.id}" is assessed on ${a.date}, before its own date ${e.date}: an item cannot be assessed before it exists; correct one of the dates`));
      }
    }
    const signedOff = new Map<string, string>();
    for (const s of l.signoffs) {
      future(s.date, sub(s.loc, 'date'), `sign-off of ${s.unitRef} is dated`);
      const id = index.canonical(s.unitRef);
      // Signed off before the assessments it rests on: the unit, evaluated as of the
      // sign-off date, was not yet complete. Later evidence that merely cross-references a
      // signed-off unit is fine.
      const unit = index.unit(id);
      const now = result.units.find((u) => u.id === id);
      // Only when the unit is complete now; otherwise signoff-unmet already says so.
      if (unit && now && now.total > 0 && now.met === now.total) {
        const then = evaluateUnit(unit, l, covered.get(id), index, specs.centre, s.date);
        const open = then.criteria.filter((c) => c.status !== 'met').map((c) => c.id);
        if (open.length && then.total > 0) {
          const shown = open.slice(0, 5).join(', ') + (open.length > 5 ? ` and ${open.length - 5} more` : '');
          out.push(at('date-order', sub(s.loc, 'date'), `${s.unitRef} is signed off on ${s.date}, when ${open.length} of its ${then.total} criteria were not yet met by assessed evidence (${shown}): sign off after the last assessment it relies on, or correct the dates`));
        }
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
    return out;
  },
};
