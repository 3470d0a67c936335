// The kinds of line that head a section of the unit: a guidance section ("Assessment
// guidance", "Unit aim(s)", a heading with its text in the next cell), an assessment field that
// only names how the unit is assessed, and the heading of a guidance column or a range section
// after the criteria. In the ordered list of kinds.ts; kept here to keep that file short.
import { dropBareHeading } from './finish.js';
import { ASSESSMENT_FIELD, isAssessmentMode, isGridHeading, isGuidanceHeading, NOTE_HEADING, RANGE_SECTION } from './furniture.js';
import { kind } from './line-kind.js';
import type { Line } from './state.js';

export const assessmentField = kind({
  kind: 'assessment-field',
  test: (s, l) => {
    if (!s.unit) return null;
    const m = noteHeading(l);
    return m && m[1] && ASSESSMENT_FIELD.test((m as RegExpExecArray & { heading?: string }).heading ?? '') && isAssessmentMode(m[1]) ? m : null;
  },
  handle: (s) => void (s.last = 'assessment-field'),
});
export const noteHeadingKind = kind({
  kind: 'note-heading',
  test: (s, l) => s.unit && noteHeading(l),
  handle: (s, l, m) => {
    const unit = s.unit!;
    // "Assessment" then "Assessment guidance": a section's heading over the heading of its text
    if (s.last === 'note') dropBareHeading(unit);
    s.last = 'note';
    s.noteRunsOn = /^notes?\b/i.test(l.text);
    const none = !!m[1] && /^(none|n\/a|-)$/i.test(m[1]);
    // a section keeps its heading ("Assessment requirements") as its first line; "Note:" is a marker, not a heading
    const heading = /^notes?\b/i.test(l.text) || none ? [] : [(m as RegExpExecArray & { heading?: string }).heading ?? ''].filter(Boolean);
    const lines = [...heading, ...(m[1] && !none ? [m[1]] : [])];
    lines.forEach((t, i) => unit.noteLines.push(i === 0 && unit.noteLines.length ? `\n${t}` : t));
    unit.bareHeading = heading.length && lines.length === 1 ? unit.noteLines.length - 1 : undefined;
  },
});
export const guidanceHeading = kind({
  kind: 'guidance-heading',
  test: (_s, l) => isGuidanceHeading(l.text),
  handle: (s, l) => {
    // a range section after the criteria ("What you must cover") is a section, not a column
    s.rangeSection = l.wasBlank && s.criterion && RANGE_SECTION.test(l.text) ? l.text : null;
    if (!s.rangeSection) s.guidanceColumn = true;
    s.last = 'furniture';
  },
});

/** A heading of notes on the whole unit, its text after a colon or in the next cell of a
 * table ("Assessment requirements<TAB>This unit must be assessed …"). */
function noteHeading(l: Line): RegExpExecArray | null {
  // a heading cell of an N/SVQ grid (seed 002: "\tEvidence Requirements") heads no prose
  if (/^\t/.test(l.raw) && isGridHeading(l.text)) return null;
  const m = NOTE_HEADING.exec(l.text);
  if (m) return Object.assign(m, { heading: (m[1] ? l.text.slice(0, l.text.lastIndexOf(m[1])) : l.text).replace(/[\s:\-–]+$/, '') });
  const cells = l.raw.split(/\t|\s{3,}/).map((c) => c.trim()).filter(Boolean);
  const head = cells.length > 1 ? NOTE_HEADING.exec(cells[0]!) : null;
  if (!head || head[1]) return null;
  return Object.assign([l.text, cells.slice(1).join(' ')], { index: 0, input: l.text, heading: cells[0]!.replace(/[\s:\-–]+$/, '') }) as unknown as RegExpExecArray;
}
