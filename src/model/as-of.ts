// The record as it stood on a date. `--as-of` (or today) is a point in time: evidence,
// assessments, sign-offs and IQA records dated after it have not happened yet. The status
// engine leaves them out as it goes; the rules that judge verdicts (dates in order, sign-offs
// that rest on met criteria, currency, who quality-assures whom) judge this view, so check and
// status see the same records. Such records are still reported as future-date, on the full
// record, as are references that are wrong whatever their date.
import type { Learner } from './types.js';

export function recordAsOf(l: Learner, asOf: string): Learner {
  const later = (d: string | undefined) => d !== undefined && d > asOf;
  const anyLater =
    l.evidence.some((e) => later(e.date) || later(e.assessment?.date)) || l.signoffs.some((s) => later(s.date)) || l.iqa.some((r) => later(r.date));
  if (!anyLater) return l;
  return {
    ...l,
    evidence: l.evidence.filter((e) => !later(e.date)).map((e) => (later(e.assessment?.date) ? { ...e, assessment: undefined } : e)),
    signoffs: l.signoffs.filter((s) => !later(s.date)),
    iqa: l.iqa.filter((r) => !later(r.date)),
  };
}
