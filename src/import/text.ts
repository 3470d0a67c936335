// A plain line of a form (no number, no heading, no field): it continues whatever the lines
// above opened: a pending outcome's title, a method list, a note, a unit or outcome title on
// its own line, a criterion's wrapped text or sub-items, a guidance column. What it cannot
// continue is reported with its line, never dropped silently.
import { outcomeTypeOf } from '../model/outcome-type.js';
import { DEFINITION, isAssessmentMode, isHeadingShaped, isProse } from './furniture.js';
import { dropBareHeading } from './finish.js';
import { BULLET, CONTD, SUB_ITEM, cleanTitle, marginCode } from './lines.js';
import { isUrnShaped } from '../ids.js';
import type { Line, ParseState } from './state.js';
import { addGuidance, addMethods, appendText, openOutcome } from './structure.js';

export function continueText(s: ParseState, l: Line): void {
  const { no, text, wasBlank } = l;
  const isSub = SUB_ITEM.test(text) || BULLET.test(text);
  const body = BULLET.test(text) ? text.replace(BULLET, '') : text;
  const { unit, outcome, criterion } = s;
  if ((s.last === 'lead-in' && !wasBlank) || (s.last === 'assessment-field' && !wasBlank && isAssessmentMode(text))) {
    // the wrapped rest of a lead-in, or a second mode of assessment on its own line
  } else if (s.pendingOutcome && !isSub) {
    const { id } = s.pendingOutcome;
    s.pendingOutcome = null;
    const title = cleanTitle(text);
    openOutcome(s, no, id, title, outcomeTypeOf(title));
  } else if (l.afterTitle && wasBlank && unit && !unit.outcomes.length && !unit.noteLines.length && / [a-z]+ /.test(text)) {
    // a paragraph straight under the unit's title, before its fields: the unit's aim, without a heading
    unit.noteLines.push(text);
    s.last = 'note';
    s.noteRunsOn = false;
  } else if (s.last === 'methods') addMethods(s, no, body);
  else if (s.last === 'note' && !wasBlank && unit!.bareHeading === unit!.noteLines.length - 1 && /^\n?additional\b/i.test(unit!.noteLines[unit!.bareHeading]!) && DEFINITION.test(text)) {
    // "Additional information" over a list of definitions ("Individuals: …"): range, as under
    // a "Range" heading, not the unit's guidance
    const heading = unit!.noteLines[unit!.bareHeading!]!.trim();
    dropBareHeading(unit!);
    s.rangeSection = heading;
    s.last = 'furniture';
    continueText(s, l);
  }
  else if (s.last === 'note' && unit!.bareHeading === unit!.noteLines.length - 1 && !wasBlank && /^[a-z]+(?: [a-z]+){0,2}$/.test(text)) {
    // the wrapped end of a heading ("Guidance on delivery and" / "assessment"): still the heading
    unit!.noteLines[unit!.noteLines.length - 1] += ` ${text}`;
  } else if (s.last === 'note') unit!.noteLines.push(wasBlank ? `\n${text}` : text);
  else if (s.last === 'unit-title' && unit && !unit.title) {
    // the title on its own line may have the unit's code at its right margin (lines.ts)
    const margin = marginCode(l.raw);
    if (margin && !isUrnShaped(margin.code) && margin.code !== unit.unit && !unit.aliases.includes(margin.code)) unit.aliases.push(margin.code);
    unit.title = (margin && !isUrnShaped(margin.code) ? margin.text : text).replace(CONTD, ' ').trim();
    s.last = 'none';
    s.titled = true;
  } else if (s.last === 'unit-title' && unit && unit.title === text.replace(CONTD, ' ').trim()) s.last = 'none';
  else if (s.last === 'criterion-empty' && criterion) {
    criterion.text = body;
    s.last = 'criterion-text';
  } else if (s.last === 'outcome-empty' && outcome) {
    outcome.title = cleanTitle(text);
    outcome.type ??= outcomeTypeOf(outcome.title);
    s.last = 'outcome-title';
  } else if (s.last === 'outcome-title' && outcome && !wasBlank && !isSub && /^[a-z(‘“'"]/.test(text)) {
    outcome.title = cleanTitle(`${outcome.title ?? ''} ${text}`);
    outcome.type = outcomeTypeOf(outcome.title) ?? outcome.type;
  } else if (s.last === 'outcome-title' && outcome && wasBlank && !outcome.criteria.length && !isSub && /^[a-z]/.test(text) && !/[.:;]$/.test(text)) {
    // a title's wrapped end after a gap, before any criterion: no heading starts in lower case
    s.warn(no, 'title-after-gap', { outcome: outcome.id, text });
    outcome.title = cleanTitle(`${outcome.title ?? ''} ${text}`);
    outcome.type = outcomeTypeOf(outcome.title) ?? outcome.type;
  } else if (s.rangeSection && criterion && !wasBlank && (s.last === 'furniture' || s.last === 'guidance')) {
    // a range section's list belongs to the criterion it follows, under the section's heading
    if (s.last === 'furniture') addGuidance(s, s.rangeSection, false);
    addGuidance(s, text, false);
  } else if (s.rangeSection && wasBlank && isProse(text)) {
    // a paragraph after a range section's list: guidance on the section, under its heading
    openSection(s, s.rangeSection, text);
    s.rangeSection = null;
  } else if (s.guidanceColumn && criterion && (wasBlank || s.last === 'guidance')) addGuidance(s, text, wasBlank);
  else if (criterion && /^[PK]\d+$/.test(criterion.id) && !wasBlank && !isSub && /^[A-Z]/.test(l.raw) && !/[.;,:]$/.test(text)) {
    // a sub-heading inside a P or K list ("Storage", "Your practice"): an item's own wrapped
    // lines are indented under it or go on in lower case
    s.last = 'furniture';
  } else if (criterion && (s.last === 'criterion-text' || s.last === 'sub-item') && (!wasBlank || isSub)) {
    // a list item after a gap may start something else: joined, and said
    if (wasBlank) s.warn(no, 'after-gap', { criterion: criterion.id, text });
    appendText(s, text);
    if (isSub) s.last = 'sub-item';
  } else if (criterion && isSub && s.last !== 'furniture') {
    s.warn(no, 'after-gap', { criterion: criterion.id, text });
    appendText(s, text);
    s.last = 'sub-item';
  } else if (s.last === 'furniture' && !wasBlank && text.length <= 30 && !/[.:]$/.test(text)) {
    // the second line of a wrapped heading or prompt ("Tutor Name, Signature / and Date")
  } else if (s.last === 'heading' && !wasBlank && isProse(text)) {
    // a heading folio does not know over a paragraph: a section of the unit's guidance, and said
    const h = s.pendingHeading!;
    const i = s.warnings.findIndex((w) => w.line === h.line && w.messageId === 'could-not-place');
    if (i >= 0) s.warnings.splice(i, 1);
    s.warn(h.line, 'unknown-heading', { heading: h.text });
    openSection(s, h.text, text);
  } else if (unit && (wasBlank || s.last === 'heading') && isHeadingShaped(text)) {
    // perhaps a section's heading (a heading right above it groups, and stays unplaced)
    s.warn(no, 'could-not-place', { text, unit: unit.unit });
    s.pendingHeading = { text, line: no };
    s.last = 'heading';
  } else {
    s.warn(no, 'could-not-place', { text, unit: unit?.unit ?? null });
    s.last = 'none';
  }
}

/** Start a section of the unit's guidance: its heading, then its first line. */
function openSection(s: ParseState, heading: string, text: string): void {
  const u = s.unit!;
  u.noteLines.push(u.noteLines.length ? `\n${heading}` : heading, text);
  u.bareHeading = undefined;
  s.last = 'note';
  s.noteRunsOn = false;
}
