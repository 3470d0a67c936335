// A qualification or unit past its certification end date can no longer be certificated:
// learners who have not achieved it by then lose it. Check warns from 90 days before, so
// there is time to finish or move the learner (folio learner transfer).
import { addDays } from '../dates.js';
import { type Finding } from '../diagnostics.js';
import { countsAchieved, hasAchieved } from '../status/types.js';
import { at, type Rule } from './context.js';

/** How long before a certification end date check starts to warn. */
export const WARN_DAYS = 90;

export const warnFrom = (end: string): string => addDays(end, -WARN_DAYS);

export const certificationEnd: Rule = {
  name: 'certification end dates',
  codes: ['certification-end'],
  learner(ctx) {
    const { index, learner: l, result, asOf } = ctx;
    if (result.withdrawn || hasAchieved(result.status)) return [];
    const out: Finding[] = [];
    const qual = index.qualification(l.qualificationRef);
    const warn = (end: string | undefined, what: string, loc: { file: string; path: (string | number)[] }) => {
      if (!end || asOf < warnFrom(end)) return;
      const said = { id: asOf > end ? 'passed' : 'near', data: { what, end, asOf } };
      out.push(at('certification-end', loc, said, (d) => (d.asOf > d.end
        ? `${d.what} could be certificated only until ${d.end}, and this learner has not achieved it: check with the awarding body, or move the learner to its successor`
        : `${d.what} can be certificated only until ${d.end}, and this learner has not achieved it yet: plan to finish and claim by then`)));
    };
    if (qual) warn(qual.certificationEnd, `qualification ${qual.id}`, { file: l.loc.file, path: ['qualification'] });
    for (const u of result.units) {
      if (countsAchieved(u.status)) continue;
      const spec = index.unit(u.id);
      const place = l.optionalUnits.find((o) => index.canonical(o.ref) === u.id)?.loc ?? { file: l.loc.file, path: ['qualification'] };
      if (spec && spec.certificationEnd !== qual?.certificationEnd) warn(spec.certificationEnd, `unit ${u.id}`, place);
    }
    return out;
  },
};
